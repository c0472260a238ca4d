import { addDays, CalendarDate, dayOfWeek } from './calendar-date';
import { isBankHoliday } from './bank-holidays';

/** Monday to Friday and not an England and Wales bank holiday. */
export function isWorkingDay(date: CalendarDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date);
}

/** The n-th working day after `date`, the day itself not counted. */
export function addWorkingDays(date: CalendarDate, workingDays: number): CalendarDate {
  let current = date;
  let counted = 0;
  while (counted < workingDays) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

/**
 * Working days elapsed from `from` to `to`: the working days after `from` up to and
 * including `to` (so addWorkingDays(d, n) is n working days after d). 0 when to <= from.
 */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  let current = from;
  while (current < to) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) count += 1;
  }
  return count;
}
