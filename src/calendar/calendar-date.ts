/**
 * Calendar dates are `yyyy-mm-dd` strings throughout the core: they compare
 * correctly as strings and carry no time zone. Arithmetic goes through a day number
 * (days since 1970-01-01, UTC) so that British Summer Time never shifts a date.
 */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;

/**
 * A real date written yyyy-mm-dd, of the Gregorian calendar, from the year 100 (Date.UTC
 * takes years 0 to 99 as 1900 to 1999, so those were never taken as written). Read digit by
 * digit: imports check every date of every record.
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const parts = plainDateParts(value);
  if (!parts) return false;
  const [year, month, day] = parts;
  return year >= 100 && day <= daysInMonthOf(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonthOf = (year: number, month: number): number =>
  month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1];

/*
 * Day numbers are worked out with integer arithmetic (H. Hinnant's days-from-civil and
 * civil-from-days) rather than through Date objects: projections replaying a million
 * events do date arithmetic for every one of them. Anything unusual (not written
 * yyyy-mm-dd, a month or day out of range, years before 1000) goes through Date as
 * before, so every answer is unchanged.
 */
/** Year, month and day of a date written exactly yyyy-mm-dd (digits), month 1-12 and day 1-31; undefined otherwise. */
export function plainDateParts(date: string): [number, number, number] | undefined {
  if (date.length !== 10) return undefined;
  for (let i = 0; i < 10; i += 1) {
    const code = date.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 45 : code < 48 || code > 57) return undefined;
  }
  const month = (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 48;
  const day = (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 48;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + date.charCodeAt(3) - 48;
  return [year, month, day];
}

export function toDayNumber(date: CalendarDate): number {
  const parts = plainDateParts(date);
  if (parts && parts[0] >= 100) return daysFromCivil(parts[0], parts[1], parts[2]);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(day: number): CalendarDate {
  if (Number.isInteger(day) && day >= -354_285 && day <= 2_932_896) return civilFromDays(day);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** For day numbers of years 1000 to 9999 (the range fromDayNumber sends here). */
function civilFromDays(dayNumber: number): CalendarDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday .. 6 = Saturday */
export function dayOfWeek(date: CalendarDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

// built once: creating an Intl.DateTimeFormat costs far more than formatting with one
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date of an instant in the United Kingdom (Europe/London). */
export function calendarDateInLondon(instant: Date): CalendarDate {
  return LONDON_DATE.format(instant);
}

/** The last instant (to the millisecond) of `date` in the UK: 23:59:59.999 GMT, or BST in summer. */
export function endOfDayInLondon(date: CalendarDate): Date {
  const next = addDays(date, 1);
  // the next day starts in London at midnight UTC under GMT, an hour earlier under BST
  const midnightUtc = new Date(`${next}T00:00:00Z`);
  const anHourBefore = new Date(midnightUtc.getTime() - 3_600_000);
  const startOfNext = calendarDateInLondon(anHourBefore) === next ? anHourBefore : midnightUtc;
  return new Date(startOfNext.getTime() - 1);
}

export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}
