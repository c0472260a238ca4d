import { CalendarDate, plainDateParts } from './calendar-date';

/**
 * The same day of the month n months on, clamped to the last day of the target
 * month: 31 Jan + 3 = 30 Apr; 30 Nov 2019 + 3 = 29 Feb 2020. Negative n goes back.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = plainDateParts(date) ?? date.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = year >= 100 ? daysInMonth(year, month + 1) : new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  if (year >= 1000 && year <= 9999) return `${year}-${month < 9 ? '0' : ''}${month + 1}-${day < 10 ? '0' : ''}${day}`;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of a year, without building a Date: addMonths runs for every due date a replay works out. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Completed years between a date of birth and a date. Dates written plainly (yyyy-mm-dd) are
 * read digit by digit: a review's age check runs for every review an import decides; anything
 * else is split as before, so every answer is unchanged.
 */
export function ageOn(dateOfBirth: CalendarDate, date: CalendarDate): number {
  const birth = plainDateParts(dateOfBirth);
  const on = plainDateParts(date);
  if (birth && on) {
    const years = on[0] - birth[0];
    return on[1] < birth[1] || (on[1] === birth[1] && on[2] < birth[2]) ? years - 1 : years;
  }
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
