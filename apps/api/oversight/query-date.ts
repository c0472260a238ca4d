import { Inject, Injectable } from '@nestjs/common';
import { CalendarDate } from '../../../src/calendar/calendar-date';
import { Clock, CLOCK, today } from '../../../src/clock/clock';

/** The date a query is evaluated on: the one asked for, or today by the injected clock. */
@Injectable()
export class QueryDate {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  orToday(asAt: CalendarDate | undefined): CalendarDate {
    return asAt ?? today(this.clock);
  }
}
