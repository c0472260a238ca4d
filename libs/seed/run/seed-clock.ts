import { CalendarDate } from '../../../src/calendar/calendar-date';
import { Clock } from '../../../src/clock/clock';

/**
 * The store's clock while a history is seeded: set to the day being recorded, it gives
 * that day's instants in a fixed sequence (17:00 UTC, then a second later each call), so
 * every record's recordedAt is the same on every run.
 */
export class SeedClock implements Clock {
  private day: CalendarDate = '1970-01-01';
  private calls = 0;

  recordOn(day: CalendarDate): void {
    if (day !== this.day) this.calls = 0;
    this.day = day;
  }

  now(): Date {
    const at = new Date(`${this.day}T17:00:00.000Z`);
    at.setUTCSeconds(this.calls);
    this.calls += 1;
    return at;
  }
}
