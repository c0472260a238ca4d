import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, StoredOversightEvent } from '../../src/events/envelope';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { appendHistory } from '../history-generator/append-history';
import { generateHistory } from '../history-generator/history-generator';
import { OVERSIGHT_EVENT_TYPES } from './oversight-event';
import { SqliteEventReplay } from './sqlite-event-replay';

describe('SqliteEventReplay', () => {
  let dir: string;
  let store: SqliteEventStore;
  let all: RecordedEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'event-replay-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    appendHistory(store, generateHistory({ events: 3_000, seed: 5 }));
    all = [];
    for await (const event of store.readAll()) all.push(event);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plain = (event: RecordedEvent | StoredOversightEvent) => ({
    id: event.id,
    stream: event.stream,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    revision: event.revision,
    position: event.position,
    recordedAt: event.recordedAt,
  });

  it('gives the oversight events readAll gives, in order, and leaves the others out', () => {
    const replay = new SqliteEventReplay(join(dir, 'events.sqlite'));
    const replayed: StoredOversightEvent[] = [];
    const count = replay.replay(0, all.length, (event) => replayed.push(event));
    const oversight = all.filter((event) => OVERSIGHT_EVENT_TYPES.has(event.type));
    expect(all.length).toBeGreaterThan(oversight.length); // access audit records are in the store
    expect(count).toBe(oversight.length);
    expect(replayed.map(plain)).toEqual(oversight.map(plain));
    replay.close();
  });

  it('reads between two positions, and finds an event id by position', () => {
    const replay = new SqliteEventReplay(join(dir, 'events.sqlite'));
    const positions: number[] = [];
    replay.replay(1_000, 1_500, (event) => positions.push(event.position));
    expect(positions).toEqual(all.filter((e) => e.position > 1_000 && e.position <= 1_500 && OVERSIGHT_EVENT_TYPES.has(e.type)).map((e) => e.position));
    expect(replay.idAt(1_234)).toBe(all[1_233].id);
    expect(replay.idAt(all.length + 1)).toBeUndefined();
    replay.close();
  });

  it('says so when an event\u2019s metadata is asked for after the replay finished', () => {
    const replay = new SqliteEventReplay(join(dir, 'events.sqlite'));
    let kept: StoredOversightEvent | undefined;
    replay.replay(0, 10, (event) => (kept ??= event));
    replay.close();
    expect(kept!.data).toEqual(all.find((event) => event.id === kept!.id)!.data);
    expect(() => kept!.metadata).toThrow(/after its replay had finished/);
  });
});
