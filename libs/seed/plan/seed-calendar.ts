import { addDays, CalendarDate, fromDayNumber, toDayNumber } from '../../../src/calendar/calendar-date';
import { isWorkingDay } from '../../../src/calendar/working-days';
import { SeededRandom } from '../../history-generator/seeded-random';

/** Reporting year Y runs from 1 April Y to 31 March Y+1. */
export const yearStart = (year: number): CalendarDate => `${year}-04-01`;
export const yearEnd = (year: number): CalendarDate => `${year + 1}-03-31`;

/** A day from `from` to `to`, both included. */
export function randomDay(random: SeededRandom, from: CalendarDate, to: CalendarDate): CalendarDate {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  if (last < first) throw new Error(`randomDay: ${to} is before ${from}`);
  return fromDayNumber(first + Math.floor(random.next() * (last - first + 1)));
}

/** A working day from `from` to `to`, or null when there is none. */
export function randomWorkingDay(random: SeededRandom, from: CalendarDate, to: CalendarDate): CalendarDate | null {
  if (to < from) return null;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const day = randomDay(random, from, to);
    if (isWorkingDay(day)) return day;
  }
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) return day;
  return null;
}

export function workingDayOnOrBefore(date: CalendarDate): CalendarDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

export function workingDayOnOrAfter(date: CalendarDate): CalendarDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The n-th working day before `date` (the inverse of addWorkingDays for a working day). */
export function workingDaysBefore(date: CalendarDate, workingDays: number): CalendarDate {
  let day = date;
  let counted = 0;
  while (counted < workingDays) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

export const earlierOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b);
export const laterOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);
