import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { NewEvent, RecordedEvent } from '../../../src/events/envelope';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.port';
import { useTempFolder } from '../../testing/temp-folder';
import { encodeEvent } from '../encoded-event';
import { SqliteEventStore } from './sqlite-event-store';

// What the SQLite store promises beyond the shared contract (test/contract/event-store).

const event = (type = 'ReviewHeld', id: string = randomUUID()): NewEvent => ({
  id,
  type,
  schemaVersion: 1,
  data: { effectiveDate: '2020-03-03' },
  metadata: { correlationId: 'c-1', causationId: 'c-1', actor: { userId: 'iro-7', role: 'iro' } },
});

async function readAllOf(store: SqliteEventStore, fromPosition = 0): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const recorded of store.readAll({ fromPosition })) events.push(recorded);
  return events;
}

const folder = useTempFolder('iro-sqlite-store-');

describe('SqliteEventStore', () => {
  let file: string;
  let store: SqliteEventStore;
  const others: SqliteEventStore[] = [];

  beforeEach(() => {
    file = join(folder(), 'events.sqlite');
    store = new SqliteEventStore({ file });
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await store.close();
  });

  it('numbers events 1, 2, 3, ... with no gap, also after refused, repeated and failed appends', async () => {
    const repeated = [event(), event()];
    await store.appendToStream('child-a', repeated, 'no-stream');
    await expect(store.appendToStream('child-a', [event()], 'no-stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await store.appendToStream('child-a', repeated, 'no-stream');
    await expect(store.appendToStream('child-b', [event(), repeated[0]], 'no-stream')).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );
    await store.appendToStream('child-b', [event()], 'no-stream');
    await store.appendToStream('child-a', [event(), event()], 1);

    const positions = (await readAllOf(store)).map((recorded) => recorded.position);
    expect(positions).toEqual([1, 2, 3, 4, 5]);
    expect(await store.headPosition()).toBe(5);
  });

  it('an empty store has head 0 and reads nothing', async () => {
    expect(await store.headPosition()).toBe(0);
    expect(await readAllOf(store)).toEqual([]);
  });

  it('reads all in pages, beyond one page, in order', async () => {
    const batches = Array.from({ length: 25 }, (_, index) => ({
      stream: `child-${index}`,
      events: Array.from({ length: 100 }, () => event()),
      expectedRevision: 'no-stream' as const,
    }));
    store.appendMany(batches);

    const all = await readAllOf(store, 10);
    expect(all).toHaveLength(2490);
    expect(all[0].position).toBe(11);
    expect(all[all.length - 1].position).toBe(2500);
    const counted: RecordedEvent[] = [];
    for await (const recorded of store.readAll({ fromPosition: 999, maxCount: 1500 })) counted.push(recorded);
    expect(counted.map((recorded) => recorded.position)).toEqual(Array.from({ length: 1500 }, (_, i) => 1000 + i));
  });

  it('reads all stream by stream, each stream in order, across pages, up to the head when it began', async () => {
    // interleaved: each round appends one event to each of 30 streams, so the global order mixes them
    for (let round = 0; round < 40; round++) {
      store.appendMany(
        Array.from({ length: 30 }, (_, index) => ({
          stream: `child-${String(index).padStart(2, '0')}`,
          events: [event()],
          expectedRevision: round === 0 ? ('no-stream' as const) : round - 1,
        })),
      );
    }
    const read: RecordedEvent[] = [];
    for await (const recorded of store.readAllByStream()) {
      read.push(recorded);
      if (read.length === 1) await store.appendToStream('child-99', [event()], 'no-stream');
    }
    expect(read).toHaveLength(1200);
    const expectedOrder = Array.from({ length: 30 }, (_, index) =>
      Array.from({ length: 40 }, (__, revision) => `child-${String(index).padStart(2, '0')}:${revision}`),
    ).flat();
    expect(read.map((recorded) => `${recorded.stream}:${recorded.revision}`)).toEqual(expectedOrder);
  });

  it('refuses an event id already stored in another stream, appending none of the batch', async () => {
    const taken = event();
    await store.appendToStream('child-a', [taken], 'no-stream');

    const append = store.appendToStream('child-b', [event(), event(), taken], 'no-stream');

    await expect(append).rejects.toMatchObject({ name: 'DuplicateEventIdError', eventId: taken.id, stream: 'child-b' });
    expect(await store.readStream('child-b')).toEqual([]);
  });

  it('treats a partly repeated append as a concurrency conflict, as EventStoreDB does', async () => {
    const [first, second] = [event(), event()];
    await store.appendToStream('child-a', [first, second], 'no-stream');

    await expect(store.appendToStream('child-a', [first, event()], 'any')).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await store.readStream('child-a')).toHaveLength(2);
  });

  it('an empty append checks the revision and reports where the stream is', async () => {
    expect(await store.appendToStream('child-a', [], 'no-stream')).toEqual({ nextRevision: -1, position: 0 });
    await store.appendToStream('child-a', [event(), event()], 'no-stream');
    expect(await store.appendToStream('child-a', [], 1)).toEqual({ nextRevision: 1, position: 2 });
    await expect(store.appendToStream('child-a', [], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  describe('appendMany, the bulk-import path', () => {
    it('appends to several streams in one transaction', async () => {
      await store.appendToStream('child-a', [event()], 'no-stream');

      const results = store.appendMany([
        { stream: 'child-a', events: [event(), event()], expectedRevision: 0 },
        { stream: 'child-b', events: [event()], expectedRevision: 'no-stream' },
      ]);

      expect(results).toEqual([{ nextRevision: 2, position: 3 }, { nextRevision: 0, position: 4 }]);
    });

    it('stores events given already in JSON as they are, and a repeat of them appends nothing', async () => {
      const given = event();
      const encoded = encodeEvent(given);
      const batch = { stream: 'child-c', events: [] as NewEvent[], expectedRevision: 'no-stream' as const, encoded: () => [encoded] };
      expect(store.appendMany([batch])).toEqual([{ nextRevision: 0, position: 1 }]);
      const [stored] = await store.readStream('child-c');
      expect({ id: stored.id, type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data, metadata: stored.metadata }).toEqual(given);
      expect(store.appendMany([batch])).toEqual([{ nextRevision: 0, position: 1 }]);
      expect(await store.headPosition()).toBe(1);
    });

    it('appends nothing when one batch is refused', async () => {
      await store.appendToStream('child-a', [event()], 'no-stream');

      expect(() =>
        store.appendMany([
          { stream: 'child-b', events: [event()], expectedRevision: 'no-stream' },
          { stream: 'child-a', events: [event()], expectedRevision: 'no-stream' },
        ]),
      ).toThrow(WrongExpectedRevisionError);

      expect(await store.streamRevision('child-b')).toBe('no-stream');
      expect(await store.headPosition()).toBe(1);
    });

    it('wakes live subscriptions', async () => {
      const received: string[] = [];
      let caughtUp!: () => void;
      const ready = new Promise<void>((resolve) => (caughtUp = resolve));
      const subscription = store.subscribeToAll({
        fromPosition: 0,
        onEvent: (recorded) => { received.push(recorded.stream); },
        onCaughtUp: caughtUp,
      });
      await ready;

      store.appendMany([{ stream: 'child-a', events: [event()], expectedRevision: 'no-stream' }]);

      while (received.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(received).toEqual(['child-a']);
      await subscription.stop();
    });
  });

  it('a live subscription sees appends made through another connection to the file (as by another process)', async () => {
    const other = new SqliteEventStore({ file });
    others.push(other);
    const received: RecordedEvent[] = [];
    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = store.subscribeToAll({
      fromPosition: 0,
      onEvent: (recorded) => { received.push(recorded); },
      onCaughtUp: caughtUp,
    });
    await ready;

    const written = event();
    await other.appendToStream('child-a', [written], 'no-stream');

    while (received.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received.map((recorded) => recorded.id)).toEqual([written.id]);
    await subscription.stop();
  });

  it('a handler that throws ends the subscription with onError; nothing after it is delivered', async () => {
    await store.appendToStream('child-a', [event(), event()], 'no-stream');
    const delivered: number[] = [];
    const failure = new Error('projection failed');

    const reported = await new Promise<unknown>((resolve) => {
      store.subscribeToAll({
        fromPosition: 0,
        onEvent: (recorded) => {
          delivered.push(recorded.position);
          throw failure;
        },
        onError: resolve,
      });
    });

    expect(reported).toBe(failure);
    expect(delivered).toEqual([1]);
  });

  it('keeps its file in WAL mode with the events table, its two unique keys and nothing else', async () => {
    await store.appendToStream('child-a', [event()], 'no-stream');
    const inspector = new Database(file, { readonly: true });
    try {
      expect(inspector.pragma('journal_mode', { simple: true })).toBe('wal');
      const indexes = inspector
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
        .pluck()
        .all();
      expect(indexes).toEqual(['events_id', 'events_stream_revision']);
    } finally {
      inspector.close();
    }
  });
});
