import { CalendarDate } from '../calendar/calendar-date';

/** A comparator by a calendar date; with a stable sort, records of the same day keep the order recorded. */
export const byDate = <T>(dateOf: (item: T) => CalendarDate) => (a: T, b: T): number =>
  dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0;
