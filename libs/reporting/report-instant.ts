import { endOfDayInLondon, isCalendarDate } from '../../src/calendar/calendar-date';
import { parseIsoInstant } from '../../src/calendar/iso-instant';

/**
 * An as-of instant from a query or the command line, in the store's recordedAt format
 * (ISO, UTC, milliseconds) so that it compares with recordedAt as a string. A bare date
 * means the end of that day in the UK (as every "today" in the product is the UK's day). Undefined when it is not an instant, or names a day or
 * time that does not exist (2020-02-30, 24:00): `Date` would move those to another day.
 */
export function parseReportInstant(text: string): string | undefined {
  if (isCalendarDate(text)) return endOfDayInLondon(text).toISOString();
  return parseIsoInstant(text)?.toISOString();
}

/**
 * An as-of instant no later than `now`: what is recorded after now cannot be counted yet,
 * so a later instant (or a bare date for today) would name a snapshot that still moves
 * with every new record. The answer gives the instant used.
 */
export function asOfNoLaterThan(instant: string, now: Date): string {
  const nowText = now.toISOString();
  return instant > nowText ? nowText : instant;
}

/** A reporting year as a path parameter: four digits, 2000-2100. */
export function parseReportYear(text: string): number | undefined {
  if (!/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : undefined;
}
