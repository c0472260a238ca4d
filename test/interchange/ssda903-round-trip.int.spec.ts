import { exportSsda903Tables } from '../../libs/interchange/ssda903/export-ssda903-tables';
import { importSsda903Return, importSsda903Returns } from '../../libs/interchange/ssda903/import-ssda903-return';
import { ImportFile } from '../../libs/interchange/ssda903/read-ssda903-return';
import { SYNTHETIC_AUTHORITY_DISTRICTS, syntheticHistory } from '../../libs/interchange/synthetic/synthetic-history';
import { syntheticSsda903Return } from '../../libs/interchange/synthetic/synthetic-returns';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { OversightEvent } from '../../src/events/oversight-events';
import { CURRENT_SCHEMA_VERSION } from '../../src/events/schema-versions';
import { childStream } from '../../src/events/streams';
import { careEnded, careStarted, childRegistered, placementChanged } from '../../src/testing/oversight-history';
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

  it('exports a period recorded through the API as its episodes, the care ending closing the last one (no extra episode)', async () => {
    const recorded: OversightEvent[] = [
      childRegistered({ childId: 'API1', dateOfBirth: '2010-01-01', sex: 'female', ethnicity: 'WBRI' }),
      careStarted({ childId: 'API1', startDate: '2019-05-01', legalStatus: 'C2', placementType: 'U4' }),
      placementChanged({ childId: 'API1', effectiveDate: '2019-08-01', placementType: 'U5', reasonForChange: 'CARPL' }),
      careEnded({ childId: 'API1', periodId: 'API1:2019-05-01', endDate: '2019-12-02', reasonCeased: 'E11' }),
    ];
    await test.store.appendToStream(
      childStream('API1'),
      recorded.map((event, index) => ({
        id: `api-${index}`, type: event.type, schemaVersion: CURRENT_SCHEMA_VERSION[event.type], data: event.data as unknown as Record<string, unknown>,
        metadata: { correlationId: 'c', causationId: 'c', actor: { userId: 'admin-1', role: 'admin' } },
      })),
      'no-stream',
    );
    const rows = sortedRows((await exportSsda903Tables(test.store, 2019)).episodes).filter((row) => row.startsWith('API1,'));
    expect(rows.map((row) => row.split(',').slice(0, 2).concat(row.split(',').slice(7, 9)))).toEqual([
      ['API1', '01/05/2019', '01/08/2019', 'X1'],
      ['API1', '01/08/2019', '02/12/2019', 'E11'],
    ]);
  });
});
