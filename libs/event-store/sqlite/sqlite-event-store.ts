import Database from 'better-sqlite3';
import { Clock, systemClock } from '../../../src/clock/clock';
import { NewEvent, RecordedEvent } from '../../../src/events/envelope';
import {
  AppendResult, DuplicateEventIdError, EventStore, ExpectedRevision, ReadAllOptions,
  SubscribeToAllOptions, Subscription, WrongExpectedRevisionError,
} from '../event-store.port';
import { EncodedEvent, encodeEvent } from '../encoded-event';
import { EVENT_COLUMNS, EVENTS_TABLE_DDL, EventRow, toRecordedEvent } from './events-table';
import { PollingSubscription } from './polling-subscription';
import { openSqliteDatabase, SQLITE_SYNCHRONOUS_FULL, SqliteSynchronous, SqliteTuning } from './sqlite-connection';

export interface SqliteEventStoreOptions extends SqliteTuning {
  /** the SQLite file; its folder must exist */
  file: string;
  /** gives each append its `recordedAt` (default: the system clock) */
  clock?: Clock;
  /** how often a live subscription looks for appends made by another process (default 250 ms) */
  pollIntervalMs?: number;
}

/** one stream's part of a bulk append (see `appendMany`) */
export interface StreamAppend {
  stream: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
  /**
   * optional: the same events with their data and metadata already in JSON (a bulk
   * import's worker thread writes them so); when given, appendMany stores these and
   * does not read `events`
   */
  encoded?(): EncodedEvent[];
}

export type { EncodedEvent };


type EventLocation = [stream: string, revision: number, position: number];

const READ_ALL_PAGE_SIZE = 1000;

/**
 * The embedded event store: one SQLite file in WAL mode (see sqlite-connection.ts for
 * the durability choice), one `events` table (see events-table.ts). Global positions
 * are gap-free and start at 1. Each append is one IMMEDIATE transaction, so the revision
 * check and the insert hold the write lock together, also against another process
 * writing the same file.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<PollingSubscription>();
  private closed = false;

  private readonly insertEvent: Database.Statement<unknown[]>;
  private readonly selectLastRevision: Database.Statement<[string], number>;
  private readonly selectLastEventOfStream: Database.Statement<[string], EventLocation>;
  private readonly selectEventLocation: Database.Statement<[string], EventLocation>;
  private readonly selectStream: Database.Statement<[string], EventRow>;
  private readonly selectPage: Database.Statement<[number, number], EventRow>;
  private readonly selectHead: Database.Statement<[], number | null>;
  private readonly selectStreamOrderedPage: Database.Statement<[string, number, number, number], EventRow>;

  private readonly appendInTransaction: Database.Transaction<
    (stream: string, events: EncodedEvent[], expected: ExpectedRevision, recordedAt: string) => AppendResult
  >;
  private readonly appendManyInTransaction: Database.Transaction<
    (batches: StreamAppend[], recordedAt: string) => AppendResult[]
  >;

  /** how hard this connection pushes each commit to disk, as SQLite reports it (see sqlite-connection.ts) */
  get synchronous(): SqliteSynchronous {
    return this.db.pragma('synchronous', { simple: true }) === SQLITE_SYNCHRONOUS_FULL ? 'FULL' : 'NORMAL';
  }

  constructor(options: SqliteEventStoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.db = openSqliteDatabase(options.file, options);
    this.db.exec(EVENTS_TABLE_DDL);

    this.insertEvent = this.db.prepare(
      `INSERT INTO events (id, stream, revision, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectLastRevision = this.db
      .prepare<[string], number>('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
      .pluck();
    this.selectLastEventOfStream = this.db
      .prepare<[string], EventLocation>(
        'SELECT stream, revision, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      )
      .raw();
    this.selectEventLocation = this.db
      .prepare<[string], EventLocation>('SELECT stream, revision, position FROM events WHERE id = ?')
      .raw();
    this.selectStream = this.db
      .prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? ORDER BY revision`)
      .raw();
    this.selectPage = this.db
      .prepare<[number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .raw();
    this.selectHead = this.db.prepare<[], number | null>('SELECT max(position) FROM events').pluck();
    this.selectStreamOrderedPage = this.db
      .prepare<[string, number, number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE (stream, revision) > (?, ?) AND position <= ? ORDER BY stream, revision LIMIT ?`,
      )
      .raw();

    this.appendInTransaction = this.db.transaction((stream, events, expected, recordedAt) =>
      this.appendWithinTransaction(stream, events, expected, recordedAt),
    );
    this.appendManyInTransaction = this.db.transaction((batches, recordedAt) =>
      batches.map((batch) =>
        this.appendWithinTransaction(batch.stream, batch.encoded ? batch.encoded() : batch.events.map(encodeEvent), batch.expectedRevision, recordedAt),
      ),
    );
  }

  async appendToStream(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const recordedAt = this.clock.now().toISOString();
    const result = this.appendInTransaction.immediate(stream, events.map(encodeEvent), expectedRevision, recordedAt);
    this.wakeSubscriptions();
    return result;
  }

  /**
   * The bulk-import fast path: appends to several streams in ONE transaction, synchronously,
   * all or nothing (one wrong expected revision rolls back every batch). Each batch follows
   * the rules of `appendToStream`, including the no-op for event ids already appended; all
   * events share one `recordedAt`. Saves a commit per stream when importing a return.
   */
  appendMany(batches: StreamAppend[]): AppendResult[] {
    const recordedAt = this.clock.now().toISOString();
    const results = this.appendManyInTransaction.immediate(batches, recordedAt);
    this.wakeSubscriptions();
    return results;
  }

  async readStream(stream: string): Promise<RecordedEvent[]> {
    return this.selectStream.all(stream).map(toRecordedEvent);
  }

  async streamRevision(stream: string): Promise<number | 'no-stream'> {
    return this.currentRevision(stream);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    let after = options.fromPosition ?? 0;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(READ_ALL_PAGE_SIZE, remaining);
      const page = this.readPage(after, limit);
      for (const event of page) yield event;
      if (page.length < limit) return;
      after = page[page.length - 1].position;
      remaining -= page.length;
    }
  }

  /**
   * Every event recorded up to now, stream by stream (each stream's events in order), in
   * pages along the (stream, revision) index: a report folds one child at a time and
   * never holds the whole history. Events appended while it reads are left out.
   */
  async *readAllByStream(): AsyncGenerator<RecordedEvent> {
    const head = this.selectHead.get() ?? 0;
    let stream = '';
    let revision = -1;
    for (;;) {
      const rows = this.selectStreamOrderedPage.all(stream, revision, head, READ_ALL_PAGE_SIZE);
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < READ_ALL_PAGE_SIZE) return;
      const last = rows[rows.length - 1];
      stream = last[2];
      revision = last[3];
    }
  }

  async headPosition(): Promise<number> {
    return this.selectHead.get() ?? 0;
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    if (this.closed) throw new Error('the event store is closed');
    const subscription = new PollingSubscription(
      { readPage: (after, limit) => this.readPage(after, limit) },
      options,
      this.pollIntervalMs,
      (finished) => this.subscriptions.delete(finished),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  private readPage(after: number, limit: number): RecordedEvent[] {
    return this.selectPage.all(after, limit).map(toRecordedEvent);
  }

  private currentRevision(stream: string): number | 'no-stream' {
    return this.selectLastRevision.get(stream) ?? 'no-stream';
  }

  private appendWithinTransaction(
    stream: string,
    events: EncodedEvent[],
    expected: ExpectedRevision,
    recordedAt: string,
  ): AppendResult {
    if (events.length > 0) {
      const alreadyThere = this.selectEventLocation.get(events[0].id);
      if (alreadyThere) return this.repeatedAppend(stream, events, expected, alreadyThere);
    }
    const current = this.currentRevision(stream);
    const matches = expected === 'any' || (expected === 'no-stream' ? current === 'no-stream' : expected === current);
    if (!matches) throw new WrongExpectedRevisionError(stream, expected, current);

    let revision = current === 'no-stream' ? -1 : current;
    if (events.length === 0) {
      const last = this.selectLastEventOfStream.get(stream);
      return { nextRevision: revision, position: last ? last[2] : 0 };
    }
    let position = 0;
    for (const event of events) {
      revision += 1;
      position = this.insertOne(stream, revision, event, recordedAt);
    }
    return { nextRevision: revision, position };
  }

  /**
   * The first event id is already stored. As in EventStoreDB, the append is a no-op when
   * all the ids are there as consecutive events of this stream; a partial match is a
   * concurrency conflict, and an id stored in another stream is a duplicate.
   */
  private repeatedAppend(
    stream: string,
    events: EncodedEvent[],
    expected: ExpectedRevision,
    [firstStream, firstRevision]: EventLocation,
  ): AppendResult {
    if (firstStream !== stream) throw new DuplicateEventIdError(stream, events[0].id);
    let result: AppendResult = { nextRevision: firstRevision, position: 0 };
    for (const [index, event] of events.entries()) {
      const location = this.selectEventLocation.get(event.id);
      if (location && location[0] !== stream) throw new DuplicateEventIdError(stream, event.id);
      if (!location || location[1] !== firstRevision + index) {
        throw new WrongExpectedRevisionError(stream, expected, this.currentRevision(stream));
      }
      result = { nextRevision: location[1], position: location[2] };
    }
    return result;
  }

  private insertOne(stream: string, revision: number, event: EncodedEvent, recordedAt: string): number {
    try {
      const inserted = this.insertEvent.run(
        event.id, stream, revision, event.type, event.schemaVersion, event.dataJson, event.metadataJson, recordedAt,
      );
      return Number(inserted.lastInsertRowid);
    } catch (error) {
      // an id appended earlier in this same batch, or stored since the check above
      if (isUniqueEventIdViolation(error)) throw new DuplicateEventIdError(stream, event.id);
      throw error;
    }
  }

  private wakeSubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }
}

/** By its code, not `instanceof`: under jest the native module's error class can differ per test file. */
function isUniqueEventIdViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.id');
}
