import { join } from 'node:path';
import { RecordedEvent, StoredOversightEvent } from '../../src/events/envelope';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { appendHistory } from '../history-generator/append-history';
import { generateHistory } from '../history-generator/history-generator';
import { useTempFolder } from '../testing/temp-folder';
import { OVERSIGHT_EVENT_TYPES } from './oversight-event';
import { CHILD_STREAMS_FROM, CHILD_STREAMS_UNTIL, SqliteEventReplay } from './sqlite-event-replay';

const dir = useTempFolder('event-replay-', 'all');

describe('SqliteEventReplay', () => {
  let store: SqliteEventStore;
  let all: RecordedEvent[];

  beforeAll(async () => {
    store = new SqliteEventStore({ file: join(dir(), 'events.sqlite') });
    appendHistory(store, generateHistory({ events: 3_000, seed: 5 }));
    all = [];
    for await (const event of store.readAll()) all.push(event);
  });
  afterAll(() => store.close());

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
    const replay = new SqliteEventReplay(join(dir(), 'events.sqlite'));
    const replayed: StoredOversightEvent[] = [];
    const count = replay.replay(0, all.length, (event) => replayed.push(event));
    const oversight = all.filter((event) => OVERSIGHT_EVENT_TYPES.has(event.type));
    expect(all.length).toBeGreaterThan(oversight.length); // access audit records are in the store
    expect(count).toBe(oversight.length);
    expect(replayed.map(plain)).toEqual(oversight.map(plain));
    replay.close();
  });

  it('reads between two positions, and finds an event id by position', () => {
    const replay = new SqliteEventReplay(join(dir(), 'events.sqlite'));
    const positions: number[] = [];
    replay.replay(1_000, 1_500, (event) => positions.push(event.position));
    expect(positions).toEqual(all.filter((e) => e.position > 1_000 && e.position <= 1_500 && OVERSIGHT_EVENT_TYPES.has(e.type)).map((e) => e.position));
    expect(replay.idAt(1_234)).toBe(all[1_233].id);
    expect(replay.idAt(all.length + 1)).toBeUndefined();
    replay.close();
  });

  it('says so when an event\u2019s metadata is asked for after the replay finished', () => {
    const replay = new SqliteEventReplay(join(dir(), 'events.sqlite'));
    let kept: StoredOversightEvent | undefined;
    replay.replay(0, 10, (event) => (kept ??= event));
    replay.close();
    expect(kept!.data).toEqual(all.find((event) => event.id === kept!.id)!.data);
    expect(() => kept!.metadata).toThrow(/after its replay had finished/);
  });

  describe('child by child', () => {
    const oversight = () => all.filter((event) => OVERSIGHT_EVENT_TYPES.has(event.type));
    const isChilds = (event: RecordedEvent) => event.stream.startsWith(CHILD_STREAMS_FROM);

    it('cuts the children’s streams into batches that cover every child stream there could be', () => {
      const replay = new SqliteEventReplay(join(dir(), 'events.sqlite'));
      const streams = [...new Set(all.filter(isChilds).map((event) => event.stream))].sort();
      const bounds = replay.childBatchBounds(25);
      replay.close();
      expect(CHILD_STREAMS_UNTIL).toBe('child.');
      expect(bounds[0]).toBe(CHILD_STREAMS_FROM);
      expect(bounds[bounds.length - 1]).toBe(CHILD_STREAMS_UNTIL);
      expect(bounds).toHaveLength(Math.ceil(streams.length / 25) + 1);
      for (let i = 1; i < bounds.length - 1; i += 1) expect(bounds[i]).toBe(streams[i * 25]);
    });

    it('gives the events of the streams that are not a child’s in the order recorded, up to a position', () => {
      const replay = new SqliteEventReplay(join(dir(), 'events.sqlite'));
      const head = all[Math.floor(all.length * 0.8)].position;
      const replayed: StoredOversightEvent[] = [];
      expect(replay.replayOtherStreams(head, (event) => replayed.push(event))).toBe(replayed.length);
      const expected = oversight().filter((event) => !isChilds(event) && event.position <= head);
      expect(expected.some((event) => event.type === 'ChallengeRaised')).toBe(true);
      // the access audit's streams are there, and left out
      expect(all.some((event) => event.stream.startsWith('audit-access-') && event.position <= head)).toBe(true);
      expect(replayed.map(plain)).toEqual(expected.map(plain));
      replay.close();
    });

    it('gives the children’s events child after child, each child’s in the order recorded, up to a position', () => {
      const replay = new SqliteEventReplay(join(dir(), 'events.sqlite'));
      const head = all[Math.floor(all.length * 0.8)].position;
      const bounds = replay.childBatchBounds(25);
      const replayed: StoredOversightEvent[] = [];
      for (let i = 0; i < bounds.length - 1; i += 1) replay.replayStreams(bounds[i], bounds[i + 1], head, (event) => replayed.push(event));
      const expected = oversight()
        .filter((event) => isChilds(event) && event.position <= head)
        .sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : a.position - b.position));
      expect(replayed.map(plain)).toEqual(expected.map(plain));
      replay.close();
    });
  });
});
