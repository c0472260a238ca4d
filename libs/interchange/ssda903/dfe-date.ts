import { CalendarDate } from '../../../src/calendar/calendar-date';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const digitAt = (text: string, index: number): number => {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
};

/**
 * `dd/mm/yyyy` (the SSDA903 CSV date format) as a calendar date, or null when it is not a real
 * date (as isCalendarDate judges it: the Gregorian calendar, years from 100). Read character by
 * character: a return has a few dates on each of a million rows.
 */
export function parseDfeDate(value: string): CalendarDate | null {
  const text = value.length === 10 ? value : value.trim();
  if (text.length !== 10 || text.charCodeAt(2) !== 47 || text.charCodeAt(5) !== 47) return null;
  const d1 = digitAt(text, 0);
  const d2 = digitAt(text, 1);
  const m1 = digitAt(text, 3);
  const m2 = digitAt(text, 4);
  const y1 = digitAt(text, 6);
  const y2 = digitAt(text, 7);
  const y3 = digitAt(text, 8);
  const y4 = digitAt(text, 9);
  if (d1 < 0 || d2 < 0 || m1 < 0 || m2 < 0 || y1 < 0 || y2 < 0 || y3 < 0 || y4 < 0) return null;
  const day = d1 * 10 + d2;
  const month = m1 * 10 + m2;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  if (year < 100 || month < 1 || month > 12 || day < 1) return null;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  return `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
}

export function formatDfeDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
