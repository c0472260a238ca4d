import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { RecordedEvent } from '../../src/events/envelope';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { EventStore } from '../event-store/event-store.port';
import { councilHistory } from '../../test/acceptance/report/council-history';
import { recordHistory, recordingClock } from '../../test/acceptance/report/record-history';
import { readsStreamByStream, replayAnnualReport, StreamOrderedEventSource } from './report-facts-source';

/** The store, read stream by stream as an adapter with an index on (stream, revision) would. */
function streamByStream(store: EventStore): EventStore & StreamOrderedEventSource {
  return Object.assign(Object.create(store) as EventStore, {
    async *readAllByStream(): AsyncIterable<RecordedEvent> {
      const all: RecordedEvent[] = [];
      for await (const event of store.readAll()) all.push(event);
      all.sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : a.revision - b.revision));
      yield* all;
    },
  });
}

describe('replaying the annual report from the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iro-report-replay-'));
  const clock = recordingClock();
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), clock });

  beforeAll(async () => {
    const history = councilHistory();
    const wrong = history.holdReview('cla3', '2019-11-11', { reviewId: 'wrong' });
    history.voidRecord('child-cla3', wrong);
    await recordHistory(store, clock, history);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same report stream by stream as from the facts of the whole store, as of any instant', async () => {
    const streamed = streamByStream(store);
    expect(readsStreamByStream(streamed)).toBe(true);
    expect(readsStreamByStream(store)).toBe(false);
    for (const asOf of [null, '2020-04-30T00:00:00.000Z']) {
      const options = { year: 2019, asOf, config: DEFAULT_LOCAL_AUTHORITY_CONFIG };
      const fromFacts = await replayAnnualReport(store, options);
      const fromStreams = await replayAnnualReport(streamed, options);
      expect(fromStreams).toEqual(fromFacts);
      expect((fromStreams.figures['reviews.held'] as { ids: string[] }).ids).not.toContain('wrong');
    }
  });
});
