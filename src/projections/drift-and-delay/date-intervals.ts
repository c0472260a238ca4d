import { addDays, CalendarDate } from '../../calendar/calendar-date';
import { addMonths } from '../../calendar/calendar-months';

/** Days from `from` up to but not including `until` (null: still going). */
export interface DateInterval {
  from: CalendarDate;
  until: CalendarDate | null;
}

export function contains(interval: DateInterval, date: CalendarDate): boolean {
  return interval.from <= date && (interval.until === null || date < interval.until);
}

export function isEmpty(interval: DateInterval): boolean {
  return interval.until !== null && interval.until <= interval.from;
}

/** The parts of `interval` inside any of `within` (which must not overlap each other). */
export function clipTo(interval: DateInterval, within: readonly DateInterval[]): DateInterval[] {
  return within
    .map((outer) => ({
      from: interval.from > outer.from ? interval.from : outer.from,
      until: earlierEnd(interval.until, outer.until),
    }))
    .filter((part) => !isEmpty(part));
}

/** `interval` cut at each of `dates` that falls inside it: the pieces, in date order. */
export function cutAt(interval: DateInterval, dates: readonly CalendarDate[]): DateInterval[] {
  const inside = [...new Set(dates)].filter((date) => date > interval.from && (interval.until === null || date < interval.until)).sort();
  const starts = [interval.from, ...inside];
  return starts.map((from, i) => ({ from, until: i + 1 < starts.length ? starts[i + 1] : interval.until }));
}

/** Joins intervals that touch or overlap; the result is sorted and disjoint. */
export function merged(intervals: readonly DateInterval[]): DateInterval[] {
  const sorted = intervals.filter((i) => !isEmpty(i)).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const result: DateInterval[] = [];
  for (const next of sorted) {
    const last = result[result.length - 1];
    if (last && (last.until === null || next.from <= last.until)) {
      last.until = last.until === null || next.until === null ? null : next.until > last.until ? next.until : last.until;
    } else {
      result.push({ ...next });
    }
  }
  return result;
}

export function earlierEnd(a: CalendarDate | null, b: CalendarDate | null): CalendarDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/**
 * The first date D on which `start` is at least `months` months back: start <= addMonths(D, -months).
 * This is how FIGURES.md measures "open over 15 months" on a date, so a flag and the
 * report agree on the day it becomes true (addMonths clamps, so it is not always
 * addMonths(start, months): 31 Aug + 6 months becomes true on 1 Mar, not 29 Feb).
 */
export function firstDateMonthsAfter(start: CalendarDate, months: number): CalendarDate {
  const key = `${start}|${months}`;
  let date = remembered.get(key);
  if (date === undefined) {
    date = addMonths(start, months);
    while (addMonths(date, -months) < start) date = addDays(date, 1);
    if (remembered.size < 200_000) remembered.set(key, date);
  }
  return date;
}

/** firstDateMonthsAfter's answers: a replay asks the same few thousand dates over and over. */
const remembered = new Map<string, CalendarDate>();
