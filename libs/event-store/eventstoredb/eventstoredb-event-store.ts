import {
  ANY, AppendExpectedRevision, BACKWARDS, END, EventStoreDBClient, excludeSystemEvents, FORWARDS, NO_STREAM,
  START, StreamNotFoundError, WrongExpectedVersionError,
} from '@eventstore/db-client';
import { Clock, systemClock } from '../../../src/clock/clock';
import { NewEvent, RecordedEvent } from '../../../src/events/envelope';
import {
  AppendResult, EventStore, ExpectedRevision, ReadAllOptions, SubscribeToAllOptions, Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { fromStoredEvent, isSystemEvent, logPosition, positionNumber, toEventData } from './eventstoredb-event-mapping';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  connectionString: string;
  /** gives each append its `recordedAt` (default: the system clock) */
  clock?: Clock;
}

/**
 * The production event store, on EventStoreDB through its gRPC client.
 *
 * Differences from the embedded store that the port allows:
 * - global positions are commit positions in EventStoreDB's log: increasing, not gap-free
 *   (see eventstoredb-event-mapping.ts);
 * - system streams and events (`$`-prefixed) are left out of readAll, subscriptions and
 *   the head position;
 * - repeated appends of the same event ids are recognised by the server (its idempotent
 *   writes); with `any` the server does its best, as its documentation says;
 * - positions on stream reads need EventStoreDB 22.6 or later (older servers give -1).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly clock: Clock;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private closed = false;

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.clock = options.clock ?? systemClock;
  }

  async appendToStream(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const recordedAt = this.clock.now().toISOString();
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((event) => toEventData(event, recordedAt)),
        { expectedRevision: toExpectedRevision(expectedRevision) },
      );
      const nextRevision = Number(result.nextExpectedRevision);
      // The write result's position is not documented as the last event's (and is absent
      // for an idempotent repeat), so the last event is read back for its own position.
      // the events are written: a failed read-back must not report the append as failed (a retry would write them again)
      const readBack = await this.positionOfRevision(stream, nextRevision).catch(() => undefined);
      const position = readBack ?? positionNumber(result.position) ?? -1;
      return { nextRevision, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion === NO_STREAM ? -1 : Number(error.actualVersion);
        // older servers report a missing stream as revision -1
        throw new WrongExpectedRevisionError(stream, expectedRevision, actual < 0 ? 'no-stream' : actual);
      }
      throw error;
    }
  }

  async readStream(stream: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, { direction: FORWARDS, fromRevision: START })) {
        if (resolved.event) events.push(fromStoredEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async streamRevision(stream: string): Promise<number | 'no-stream'> {
    try {
      for await (const resolved of this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        if (resolved.event) return Number(resolved.event.revision);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return 'no-stream';
      throw error;
    }
    return 'no-stream';
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const after = options.fromPosition ?? 0;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    // a position given to readAll is inclusive: the event at `after` itself is skipped below
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: after > 0 ? logPosition(after) : START });
    try {
      for await (const resolved of read) {
        const event = resolved.event;
        if (!event || isSystemEvent(event)) continue;
        if ((positionNumber(event.position) ?? -1) <= after) continue;
        yield fromStoredEvent(event);
        remaining -= 1;
        if (remaining <= 0) return;
      }
    } finally {
      if (!read.readableEnded) await read.cancel();
    }
  }

  async headPosition(): Promise<number> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    try {
      for await (const resolved of read) {
        if (resolved.event && !isSystemEvent(resolved.event)) return positionNumber(resolved.event.position) ?? 0;
      }
    } finally {
      if (!read.readableEnded) await read.cancel();
    }
    return 0;
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    if (this.closed) throw new Error('the event store is closed');
    const subscription = new EventStoreDbSubscription(
      this.client.subscribeToAll({
        fromPosition: options.fromPosition > 0 ? logPosition(options.fromPosition) : START,
        filter: excludeSystemEvents(),
      }),
      options,
      this.headPosition(),
    );
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }

  private async positionOfRevision(stream: string, revision: number): Promise<number | undefined> {
    if (revision < 0) return undefined;
    const read = this.client.readStream(stream, { fromRevision: BigInt(revision), maxCount: 1 });
    for await (const resolved of read) {
      if (resolved.event) return positionNumber(resolved.event.position);
    }
    return undefined;
  }
}

function toExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no-stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}
