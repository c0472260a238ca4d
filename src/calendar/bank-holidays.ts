import Holidays from 'date-holidays';
import { BANK_HOLIDAY_CORRECTIONS } from './bank-holiday-corrections';
import { CalendarDate } from './calendar-date';

/**
 * England and Wales bank holidays from date-holidays (GB / ENG), with the one-off and
 * moved days it gets wrong corrected (bank-holiday-corrections.ts). Each year's set
 * of `public` dates is built once: the library's per-day lookup is slow and
 * returns instants that British Summer Time shifts.
 */
const englandAndWales = new Holidays('GB', 'ENG');
const byYear = new Map<number, ReadonlySet<CalendarDate>>();

export function bankHolidaysIn(year: number): ReadonlySet<CalendarDate> {
  let dates = byYear.get(year);
  if (!dates) {
    const inYear = (date: CalendarDate): boolean => date.startsWith(`${year}-`);
    const fromPackage = englandAndWales
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10))
      .filter((date) => !BANK_HOLIDAY_CORRECTIONS.removed.includes(date));
    dates = new Set([...fromPackage, ...BANK_HOLIDAY_CORRECTIONS.added.filter(inYear)]);
    byYear.set(year, dates);
  }
  return dates;
}

export function isBankHoliday(date: CalendarDate): boolean {
  return bankHolidaysIn(Number(date.slice(0, 4))).has(date);
}
