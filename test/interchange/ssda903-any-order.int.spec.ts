import { exportSsda903Tables } from '../../libs/interchange/ssda903/export-ssda903-tables';
import { importSsda903Return } from '../../libs/interchange/ssda903/import-ssda903-return';
import { config, csvFile, EPISODES, HEADER, liveOf, REVIEWS, streamOf, temporaryStore, TestStore } from './import-test-store';

const TODAY = '2022-06-01';
const header = csvFile('header.csv', [
  HEADER, 'A5,1,05/05/2011,BAFR,C123456789012,,', 'A7,1,01/01/2011,WBRI,E123456789012,,', 'A9,1,01/01/2012,WBRI,G123456789012,,',
]);
/**
 * Three years' returns, each the whole truth for its year. 2020-21 corrects A7's DECOM and
 * A5's provider (both open across 31 March 2020), deletes A9's placement change of 2019-20,
 * and ends A7 and A9; 2021-22 ends A5.
 */
const RETURNS: Record<number, () => ReturnType<typeof csvFile>[]> = {
  2019: () => [
    header,
    csvFile('episodes.csv', [
      EPISODES,
      'A5,01/09/2019,S,V4,N2,U6,PR1,,,,TS1 1AA,TS2 2BB,XXXXXXX',
      'A7,01/11/2019,S,C2,N1,U4,PR1,,,,TS1 1AA,TS2 2BB,XXXXXXX',
      'A9,01/12/2019,S,C1,N1,U6,PR1,01/02/2020,X1,CARPL,TS1 1AA,TS2 2BB,XXXXXXX',
      'A9,01/02/2020,P,C1,N1,U4,PR1,,,,TS1 1AA,TS2 2BB,XXXXXXX',
    ]),
    csvFile('reviews.csv', [REVIEWS, 'A7,01/01/2011,20/11/2019,PN1', 'A7,01/01/2011,20/02/2020,PN1', 'A9,01/01/2012,20/12/2019,PN1']),
  ],
  2020: () => [
    header,
    csvFile('episodes.csv', [
      EPISODES,
      'A5,01/09/2019,S,V4,N2,U6,PR4,,,,TS1 1AA,TS2 2BB,XXXXXXX',
      'A7,03/11/2019,S,C2,N1,U4,PR1,01/09/2020,E41,,TS1 1AA,TS2 2BB,XXXXXXX',
      'A9,01/12/2019,S,C1,N1,U6,PR1,01/06/2020,E4A,,TS1 1AA,TS2 2BB,XXXXXXX',
    ]),
    csvFile('reviews.csv', [REVIEWS, 'A7,01/01/2011,15/08/2020,PN1', 'A9,01/01/2012,15/04/2020,PN1']),
  ],
  2021: () => [
    header,
    csvFile('episodes.csv', [EPISODES, 'A5,01/09/2019,S,V4,N2,U6,PR4,31/08/2021,E4A,,TS1 1AA,TS2 2BB,XXXXXXX']),
    csvFile('reviews.csv', [REVIEWS]),
  ],
};
const CHILDREN = ['A5', 'A7', 'A9'];

const importYear = (test: TestStore, year: number) => importSsda903Return(RETURNS[year](), { store: test.store, config, today: TODAY, year });

/** What the store says: each year's export, and every child's live records (in any order of recording). */
async function historyOf(test: TestStore) {
  const exports: Record<number, string> = {};
  for (const year of [2019, 2020, 2021]) {
    const tables = await exportSsda903Tables(test.store, year);
    exports[year] = `${tables.episodes}\n${tables.reviews}`;
  }
  const live: Record<string, string[]> = {};
  for (const childId of CHILDREN) {
    live[childId] = liveOf(await streamOf(test.store, childId)).map((event) => `${event.type} ${JSON.stringify(event.data)}`).sort();
  }
  return { exports, live };
}

async function importInOrder(years: number[]) {
  const test = temporaryStore();
  try {
    for (const year of years) expect((await importYear(test, year)).accepted).toBe(true);
    return await historyOf(test);
  } finally {
    await test.close();
  }
}

describe('SSDA903 returns imported in any order', () => {
  let test: TestStore;
  beforeEach(() => {
    test = temporaryStore();
  });
  afterEach(() => test.close());

  it('appends nothing when an earlier year is imported again after a later one that corrects and ends its episodes', async () => {
    await importYear(test, 2019);
    await importYear(test, 2020);
    const head = await test.store.headPosition();
    const report = await importYear(test, 2019);
    expect(report.accepted).toBe(true);
    expect(report.events).toEqual({ appended: 0, voided: 0 });
    expect(await test.store.headPosition()).toBe(head);

    const episodes = (await exportSsda903Tables(test.store, 2020)).episodes.split('\n');
    expect(episodes).toContain('A7,03/11/2019,S,C2,N1,U4,PR1,01/09/2020,E41,,TS1 1AA,TS2 2BB,XXXXXXX');
    expect(episodes).toContain('A9,01/12/2019,S,C1,N1,U6,PR1,01/06/2020,E4A,,TS1 1AA,TS2 2BB,XXXXXXX');
    expect(episodes).toContain('A5,01/09/2019,S,V4,N2,U6,PR4,,,,TS1 1AA,TS2 2BB,XXXXXXX');
  });

  it('gives the same live history whatever the order of the years, and each year imported again appends nothing', async () => {
    await importYear(test, 2019);
    await importYear(test, 2020);
    await importYear(test, 2021);
    const oldestFirst = await historyOf(test);
    expect(oldestFirst.live.A7.filter((record) => record.startsWith('CareEnded'))).toHaveLength(1);
    expect(oldestFirst.live.A9.filter((record) => record.startsWith('CareEnded'))).toHaveLength(1);

    for (const order of [[2021, 2020, 2019], [2020, 2019, 2021], [2020, 2021, 2019], [2019, 2020, 2019, 2021, 2020]]) {
      expect({ order, ...(await importInOrder(order)) }).toEqual({ order, ...oldestFirst });
    }
    for (const year of [2019, 2020, 2021]) expect((await importYear(test, year)).events).toEqual({ appended: 0, voided: 0 });
  });

  it('keeps, with a record it enters again after voiding an earlier one, the year of the return that gave it', async () => {
    await importYear(test, 2020);
    await importYear(test, 2019);
    // the 2019-20 reviews come before the 2020-21 records in A7's history: those are voided and entered again
    const kept = (await streamOf(test.store, 'A7'))
      .map((event) => `${event.type} ${String(event.metadata.source ?? '')}`)
      .filter((record) => record.endsWith('kept from an earlier import'));
    expect(kept).toEqual(['ReviewHeld ssda903:2020:kept from an earlier import', 'CareEnded ssda903:2020:kept from an earlier import']);
    expect((await importYear(test, 2019)).events).toEqual({ appended: 0, voided: 0 });
  });
});
