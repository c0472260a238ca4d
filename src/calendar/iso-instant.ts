import { isCalendarDate } from './calendar-date';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with its offset (2020-03-31T23:59:59Z, 2020-03-31T23:59:59+01:00),
 * or undefined when it is not one or names a day or time that does not exist (2020-02-30,
 * 24:00, :60): `Date` would quietly move those to another day.
 */
export function parseIsoInstant(text: string): Date | undefined {
  const instant = INSTANT.exec(text);
  if (!instant) return undefined;
  const [, day, hour, minute, second = '00', offsetHour = '00', offsetMinute = '00'] = instant;
  const realTime = Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
  const realOffset = Number(offsetHour) <= 23 && Number(offsetMinute) <= 59;
  if (!isCalendarDate(day) || !realTime || !realOffset) return undefined;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}
