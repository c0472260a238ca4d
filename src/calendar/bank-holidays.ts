import Holidays from 'date-holidays';
import { CalendarDate } from './calendar-date';

/**
 * England and Wales bank holidays from date-holidays (GB / ENG). Each year's set
 * of `public` dates is built once: the library's per-day lookup is slow and
 * returns instants that British Summer Time shifts.
 */
const englandAndWales = new Holidays('GB', 'ENG');
const byYear = new Map<number, ReadonlySet<CalendarDate>>();

export function bankHolidaysIn(year: number): ReadonlySet<CalendarDate> {
  let dates = byYear.get(year);
  if (!dates) {
    dates = new Set(
      englandAndWales
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    byYear.set(year, dates);
  }
  return dates;
}

export function isBankHoliday(date: CalendarDate): boolean {
  return bankHolidaysIn(Number(date.slice(0, 4))).has(date);
}
