import { CalendarDate, dayOfWeek, fromDayNumber, toDayNumber } from './calendar-date';
import { bankHolidaysIn, isBankHoliday } from './bank-holidays';

/** Monday to Friday and not an England and Wales bank holiday. */
export function isWorkingDay(date: CalendarDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date);
}

/**
 * One calendar year's working days, worked out once: deadlines and elapsed working days
 * are computed for every stage, review and challenge a projection replays, so walking
 * day by day would cost more than reading the events.
 */
interface WorkingYear {
  /** day number of 1 January */
  firstDay: number;
  /** per day of the year: the working days from 1 January up to and including it */
  upTo: Uint16Array;
  /** the day numbers of the year's working days, in order */
  days: Int32Array;
}

const years = new Map<number, WorkingYear>();

function workingYear(year: number): WorkingYear {
  let found = years.get(year);
  if (found) return found;
  const firstDay = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
  const length = toDayNumber(`${String(year + 1).padStart(4, '0')}-01-01`) - firstDay;
  const holidays = new Set([...bankHolidaysIn(year)].map(toDayNumber));
  const upTo = new Uint16Array(length);
  const days: number[] = [];
  for (let offset = 0; offset < length; offset += 1) {
    const day = firstDay + offset;
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) days.push(day);
    upTo[offset] = days.length;
  }
  found = { firstDay, upTo, days: Int32Array.from(days) };
  years.set(year, found);
  return found;
}

const yearOf = (date: CalendarDate): number => Number(date.slice(0, 4));

/** The n-th working day after `date`, the day itself not counted. */
export function addWorkingDays(date: CalendarDate, workingDays: number): CalendarDate {
  let remaining = Math.ceil(workingDays);
  if (remaining <= 0) return date;
  let year = yearOf(date);
  let table = workingYear(year);
  let countedBefore = table.upTo[toDayNumber(date) - table.firstDay];
  for (;;) {
    const target = countedBefore + remaining;
    if (target <= table.days.length) return fromDayNumber(table.days[target - 1]);
    remaining -= table.days.length - countedBefore;
    year += 1;
    table = workingYear(year);
    countedBefore = 0;
  }
}

/**
 * Working days elapsed from `from` to `to`: the working days after `from` up to and
 * including `to` (so addWorkingDays(d, n) is n working days after d). 0 when to <= from.
 */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  if (to <= from) return 0;
  const fromYear = yearOf(from);
  const toYear = yearOf(to);
  const start = workingYear(fromYear);
  let count = -start.upTo[toDayNumber(from) - start.firstDay];
  for (let year = fromYear; year < toYear; year += 1) count += workingYear(year).days.length;
  const end = workingYear(toYear);
  return count + end.upTo[toDayNumber(to) - end.firstDay];
}
