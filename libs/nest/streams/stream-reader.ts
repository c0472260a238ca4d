import { Inject, Injectable } from '@nestjs/common';
import { CalendarDate } from '../../../src/calendar/calendar-date';
import { Clock, CLOCK, today } from '../../../src/clock/clock';
import { StoredOversightEvent } from '../../../src/events/envelope';
import { upcast } from '../../../src/events/schema-versions';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';

export interface LoadedStream<S> {
  state: S;
  /** the stream's events, upcast to the current schema versions */
  events: StoredOversightEvent[];
  revision: number | 'no-stream';
}

/** Reads a stream and folds it: what a command decides on and what a read shows. */
@Injectable()
export class StreamReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load<S>(stream: string, fold: (events: StoredOversightEvent[]) => S): Promise<LoadedStream<S>> {
    const events = (await this.store.readStream(stream)).map(upcast);
    const revision = events.length === 0 ? 'no-stream' : events[events.length - 1].revision;
    return { state: fold(events), events, revision };
  }

  /** today by the injected clock, in the United Kingdom */
  today(): CalendarDate {
    return today(this.clock);
  }
}
