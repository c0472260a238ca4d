import { exportSsda903Tables } from '../../libs/interchange/ssda903/export-ssda903-tables';
import { importSsda903Return, importSsda903Returns } from '../../libs/interchange/ssda903/import-ssda903-return';
import { ImportFile } from '../../libs/interchange/ssda903/read-ssda903-return';
import { SYNTHETIC_AUTHORITY_DISTRICTS, syntheticHistory } from '../../libs/interchange/synthetic/synthetic-history';
import { syntheticSsda903Return } from '../../libs/interchange/synthetic/synthetic-returns';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { temporaryStore, TestStore, TODAY } from './import-test-store';

const config = { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, postcodeDistricts: SYNTHETIC_AUTHORITY_DISTRICTS };
const FIRST_YEAR = 2015;
const YEARS = 5;
const history = syntheticHistory({ children: 150, firstYear: FIRST_YEAR, years: YEARS, seed: 7 });
const returnFor = (year: number): ImportFile[] =>
  Object.entries(syntheticSsda903Return(history, year)).map(([name, text]) => ({ name, content: Buffer.from(text) }));
const years = Array.from({ length: YEARS }, (_, index) => FIRST_YEAR + index);
/** a table's data rows, sorted (the export orders by child, the return by generation) */
const sortedRows = (csv: string): string[] => csv.split('\n').slice(1).filter((line) => line !== '').sort();

describe('a consistent SSDA903 history: import, export, import again', () => {
  let test: TestStore;
  beforeEach(() => {
    test = temporaryStore();
  });
  afterEach(() => test.close());

  it('exports, for every year, the episodes and reviews tables it imported (byte for byte after sorting)', async () => {
    for (const year of years) {
      const report = await importSsda903Return(returnFor(year), { store: test.store, config, today: TODAY, year });
      expect(report.issues).toEqual([]);
    }
    for (const year of years) {
      const files = syntheticSsda903Return(history, year);
      const exported = await exportSsda903Tables(test.store, year);
      expect(exported.episodes.split('\n')[0]).toBe(files['episodes.csv'].split('\n')[0]);
      expect(sortedRows(exported.episodes)).toEqual(sortedRows(files['episodes.csv']));
      expect(sortedRows(exported.reviews)).toEqual(sortedRows(files['reviews.csv']));
      expect(exported.episodeRows).toBeGreaterThan(20);
    }
  });

  it('appends nothing when the same returns are imported again', async () => {
    for (const year of years) await importSsda903Return(returnFor(year), { store: test.store, config, today: TODAY, year });
    const head = await test.store.headPosition();
    expect(head).toBeGreaterThan(500);
    for (const year of years) {
      const report = await importSsda903Return(returnFor(year), { store: test.store, config, today: TODAY, year });
      expect(report.events).toEqual({ appended: 0, voided: 0 });
      expect(report.children.unchanged).toBe(report.children.total);
    }
    expect(await test.store.headPosition()).toBe(head);
  });

  it('records the same events importing all the years at once as one after the other', async () => {
    for (const year of years) await importSsda903Return(returnFor(year), { store: test.store, config, today: TODAY, year });
    const together = temporaryStore();
    try {
      const report = await importSsda903Returns(years.map((year) => ({ files: returnFor(year), year })), { store: together.store, config, today: TODAY });
      expect(report.collectionYears).toEqual(years);
      const ids = async (store: TestStore['store']) => {
        const found: string[] = [];
        for await (const event of store.readAll()) found.push(`${event.stream} ${event.id}`);
        return found.sort();
      };
      expect(await ids(together.store)).toEqual(await ids(test.store));
    } finally {
      await together.close();
    }
  });
});
