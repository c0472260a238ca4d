import { calendarDateInLondon, CalendarDate } from '../calendar/calendar-date';

/** Time is always passed in: nothing in the core reads the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: string | Date): Clock {
  const at = new Date(instant);
  return { now: () => new Date(at) };
}

export function today(clock: Clock): CalendarDate {
  return calendarDateInLondon(clock.now());
}

export const CLOCK = Symbol('Clock');
