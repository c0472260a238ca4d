import { importSsda903Return } from '../../libs/interchange/ssda903/import-ssda903-return';
import { StoredOversightEvent } from '../../src/events/envelope';
import { childStream } from '../../src/events/streams';
import { config, csvFile, EPISODES, HEADER, liveOf, REVIEWS, streamOf, temporaryStore, TestStore, TODAY } from './import-test-store';

const header = csvFile('header.csv', [HEADER, 'O1,2,03/03/2009,WBRI,,,']);
/** 2018-19: the episode is open at 31 March 2019. */
const return2018 = () => [
  header,
  csvFile('episodes.csv', [EPISODES, 'O1,01/06/2018,S,C2,N1,U4,PR1,,,,TS1 1AA,TS1 2BB,1111111']),
  csvFile('reviews.csv', [REVIEWS, 'O1,03/03/2009,20/06/2018,PN1', 'O1,03/03/2009,10/12/2018,PN1']),
];
/** 2019-20: the same episode again (it was open during the year), now ended, and the next one. */
const return2019 = (endOfCare = '01/02/2020') => [
  header,
  csvFile('episodes.csv', [
    EPISODES,
    'O1,01/06/2018,S,C2,N1,U4,PR1,01/08/2019,X1,CARPL,TS1 1AA,TS1 2BB,1111111',
    `O1,01/08/2019,P,C2,N1,U6,PR4,${endOfCare},E4A,,TS1 1AA,DL1 1AA,2222222`,
  ]),
  csvFile('reviews.csv', [REVIEWS, 'O1,03/03/2009,10/06/2019,PN2']),
];
const importYear = (test: TestStore, files: ReturnType<typeof return2018>, year: number) =>
  importSsda903Return(files, { store: test.store, config, today: TODAY, year });
const timeline = (events: StoredOversightEvent[]) => events.map((event) => `${event.type} ${event.data.effectiveDate}`);

describe('importing returns year after year', () => {
  let test: TestStore;
  beforeEach(() => {
    test = temporaryStore();
  });
  afterEach(() => test.close());

  it('gives one history without duplicates when the years overlap at the boundary', async () => {
    expect((await importYear(test, return2018(), 2018)).events.appended).toBe(4);
    const report = await importYear(test, return2019(), 2019);
    expect(report.events).toEqual({ appended: 3, voided: 0 });
    const events = await streamOf(test.store, 'O1');
    expect(events.some((event) => event.type === 'RecordVoided')).toBe(false);
    expect(timeline(events).slice(1)).toEqual([
      'CareStarted 2018-06-01',
      'ReviewHeld 2018-06-20',
      'ReviewHeld 2018-12-10',
      'ReviewHeld 2019-06-10',
      'PlacementChanged 2019-08-01',
      'CareEnded 2020-02-01',
    ]);
  });

  it('appends nothing when an earlier year is imported again after a later one', async () => {
    await importYear(test, return2018(), 2018);
    await importYear(test, return2019(), 2019);
    const head = await test.store.headPosition();
    expect((await importYear(test, return2018(), 2018)).events.appended).toBe(0);
    expect((await importYear(test, return2019(), 2019)).events.appended).toBe(0);
    expect(await test.store.headPosition()).toBe(head);
  });

  it('gives the same live history when the years are imported in reverse order', async () => {
    await importYear(test, return2018(), 2018);
    await importYear(test, return2019(), 2019);
    const forward = liveOf(await streamOf(test.store, 'O1'));

    const reverse = temporaryStore();
    try {
      await importYear(reverse, return2019(), 2019);
      await importYear(reverse, return2018(), 2018);
      const backward = liveOf(await streamOf(reverse.store, 'O1'));
      expect(timeline(backward)).toEqual(timeline(forward));
      expect(backward.map((event) => event.data)).toEqual(forward.map((event) => event.data));
    } finally {
      await reverse.close();
    }
  });

  it('voids a record a later return corrects and records the corrected one, never editing', async () => {
    await importYear(test, return2018(), 2018);
    await importYear(test, return2019(), 2019);
    const before = await streamOf(test.store, 'O1');
    const wrongEnding = before.find((event) => event.type === 'CareEnded')!;

    const report = await importYear(test, return2019('15/02/2020'), 2019);
    expect(report.accepted).toBe(true);
    expect(report.events).toEqual({ appended: 2, voided: 1 });

    const after = await streamOf(test.store, 'O1');
    expect(after.slice(0, before.length)).toEqual(before);
    const [voided, corrected] = after.slice(before.length);
    expect(voided).toMatchObject({ type: 'RecordVoided', data: { eventId: wrongEnding.id, voidedType: 'CareEnded' } });
    expect(corrected).toMatchObject({ type: 'CareEnded', data: { endDate: '2020-02-15', reasonCeased: 'E4A' } });
    expect(corrected.metadata.source).toBe('ssda903:2019:episodes.csv:3');
    expect(liveOf(after).filter((event) => event.type === 'CareEnded').map((event) => event.data.effectiveDate)).toEqual(['2020-02-15']);

    expect((await importYear(test, return2019('15/02/2020'), 2019)).events.appended).toBe(0);
  });

  it('voids an episode a later import of the same year leaves out', async () => {
    await importYear(test, return2018(), 2018);
    const withoutSecondReview = return2018();
    withoutSecondReview[2] = csvFile('reviews.csv', [REVIEWS, 'O1,03/03/2009,20/06/2018,PN1']);
    const report = await importYear(test, withoutSecondReview, 2018);
    expect(report.events).toEqual({ appended: 1, voided: 1 });
    expect(timeline(liveOf(await streamOf(test.store, 'O1'))).slice(1)).toEqual(['CareStarted 2018-06-01', 'ReviewHeld 2018-06-20']);
  });

  it('decides again, and imports, when someone writes to one of its children between its reading and its appending', async () => {
    await importYear(test, return2018(), 2018);
    const store = test.store;
    const appendMany = store.appendMany.bind(store);
    let interrupted = 0;
    // an IRO's entry arrives through the API while the import decides
    store.appendMany = (batches) => {
      interrupted += 1;
      store.appendMany = appendMany;
      appendMany([{
        stream: childStream('O1'),
        expectedRevision: 'any',
        events: [{
          id: 'api-allocation', type: 'IroAllocated', schemaVersion: 1,
          data: { childId: 'O1', iroId: 'iro-7', effectiveDate: '2019-05-01' },
          metadata: { correlationId: 'c', causationId: 'c', actor: { userId: 'admin-1', role: 'admin' } },
        }],
      }]);
      return appendMany(batches);
    };

    const report = await importYear(test, return2019(), 2019);
    expect(interrupted).toBe(1);
    expect(report.accepted).toBe(true);
    expect(report.events).toEqual({ appended: 3, voided: 0 });
    expect(report.warnings).toContain('decided again after someone else wrote meanwhile to child-O1');
    const types = (await streamOf(store, 'O1')).map((event) => event.type);
    expect(types.filter((type) => type === 'IroAllocated')).toHaveLength(1);
    expect(types).toHaveLength(4 + 1 + 3);
  });
});
