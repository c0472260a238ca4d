import { join } from 'path';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { EventStore } from '../event-store/event-store.port';
import { makeTempFolder, removeTempFolder } from '../testing/temp-folder';
import { councilHistory } from '../../test/acceptance/report/council-history';
import { recordHistory, recordingClock } from '../../test/acceptance/report/record-history';
import { readsStreamByStream, replayAnnualReport } from './report-facts-source';

/** The same store seen through the port alone (global order only), so the report folds every fact first. */
function globalOrderOnly(store: EventStore): EventStore {
  return {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (stream) => store.readStream(stream),
    streamRevision: (stream) => store.streamRevision(stream),
    readAll: (options) => store.readAll(options),
    headPosition: () => store.headPosition(),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
  };
}

describe('replaying the annual report from the store', () => {
  const dir = makeTempFolder('iro-report-replay-');
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
    removeTempFolder(dir);
  });

  it('gives the same report stream by stream as from the facts of the whole store, as of any instant', async () => {
    const factsFirst = globalOrderOnly(store);
    expect(readsStreamByStream(store)).toBe(true);
    expect(readsStreamByStream(factsFirst)).toBe(false);
    for (const asOf of [null, '2020-04-30T00:00:00.000Z']) {
      const options = { year: 2019, asOf, config: DEFAULT_LOCAL_AUTHORITY_CONFIG };
      const fromFacts = await replayAnnualReport(factsFirst, options);
      const fromStreams = await replayAnnualReport(store, options);
      expect(fromStreams).toEqual(fromFacts);
      expect((fromStreams.figures['reviews.held'] as { ids: string[] }).ids).not.toContain('wrong');
    }
  });
});
