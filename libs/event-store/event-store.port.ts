import { NewEvent, RecordedEvent } from '../../src/events/envelope';

/** `no-stream`: the stream must not exist; `any`: no check; a number: the stream's last revision. */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface AppendResult {
  /** the stream's revision after the append (the last event's revision) */
  nextRevision: number;
  /** the global position of the last event appended (or already there) */
  position: number;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no-stream',
  ) {
    super(`stream ${stream} is at revision ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/**
 * An event id is already in the store, but not as the same events of the same stream
 * (which would make the append a no-op): in another stream, or twice in one append.
 */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly stream: string,
    readonly eventId: string,
  ) {
    super(`event id ${eventId} appended to ${stream} is already in the store elsewhere`);
    this.name = 'DuplicateEventIdError';
  }
}

export interface ReadAllOptions {
  /** read events with position > fromPosition (0 reads from the start) */
  fromPosition?: number;
  /** at most this many events */
  maxCount?: number;
}

export interface Subscription {
  /** stops delivery; resolves when the subscription has stopped */
  stop(): Promise<void>;
}

export interface SubscribeToAllOptions {
  /** deliver events with position > fromPosition */
  fromPosition: number;
  /** called for each event in order; the next is not delivered until it resolves */
  onEvent(event: RecordedEvent): Promise<void> | void;
  /** called once when the catch-up has reached the end of the store and live delivery starts */
  onCaughtUp?(): void;
  onError?(error: unknown): void;
}

/**
 * The event store port. Streams are append-only; the append with an expected revision
 * is the only commit point. Appending event ids already in the store is a no-op
 * (idempotent), as in EventStoreDB.
 */
export interface EventStore {
  appendToStream(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** the stream's events in order; [] when it does not exist */
  readStream(stream: string): Promise<RecordedEvent[]>;
  /** the stream's last revision, or 'no-stream' */
  streamRevision(stream: string): Promise<number | 'no-stream'>;
  /** events across all streams in global order */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** the global position of the last event, 0 when empty */
  headPosition(): Promise<number>;
  /** catch up from a checkpoint, then deliver live */
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
