const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An as-of instant from a query or the command line, in the store's recordedAt format
 * (ISO, UTC, milliseconds) so that it compares with recordedAt as a string. A bare date
 * means the end of that day (UTC). Undefined when it is not an instant, or names a day or
 * time that does not exist (2020-02-30, 24:00): `Date` would move those to another day.
 */
export function parseReportInstant(text: string): string | undefined {
  const date = DATE.exec(text);
  if (date) return isRealDate(date[1], date[2], date[3]) ? `${text}T23:59:59.999Z` : undefined;
  const instant = INSTANT.exec(text);
  if (!instant) return undefined;
  const [, year, month, day, hour, minute, second = '00', offsetHour = '00', offsetMinute = '00'] = instant;
  const realTime = Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
  const realOffset = Number(offsetHour) <= 23 && Number(offsetMinute) <= 59;
  if (!isRealDate(year, month, day) || !realTime || !realOffset) return undefined;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function isRealDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  const y = Number(year);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
}

/** A reporting year as a path parameter: four digits, 2000-2100. */
export function parseReportYear(text: string): number | undefined {
  if (!/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : undefined;
}
