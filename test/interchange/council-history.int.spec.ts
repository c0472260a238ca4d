import { importCinCensuses } from '../../libs/interchange/cin/import-cin-census';
import { importCouncilHistory } from '../../libs/interchange/import/import-history';
import { importSsda903Returns } from '../../libs/interchange/ssda903/import-ssda903-return';
import { SYNTHETIC_AUTHORITY_DISTRICTS, syntheticHistory } from '../../libs/interchange/synthetic/synthetic-history';
import { syntheticCinCensus, syntheticSsda903Return } from '../../libs/interchange/synthetic/synthetic-returns';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { temporaryStore, TestStore, TODAY } from './import-test-store';

const config = { ...DEFAULT_LOCAL_AUTHORITY_CONFIG, postcodeDistricts: SYNTHETIC_AUTHORITY_DISTRICTS };
const years = [2016, 2017, 2018, 2019];
const children = syntheticHistory({ children: 200, firstYear: 2016, years: 4, seed: 11 });
const returns = years.map((year) => ({
  year,
  files: Object.entries(syntheticSsda903Return(children, year)).map(([name, text]) => ({ name: `${year}/${name}`, content: Buffer.from(text) })),
}));
const censuses = years.map((year) => ({ name: `cin-${year + 1}.xml`, content: Buffer.from(syntheticCinCensus(children, year)) }));

async function contents(test: TestStore): Promise<string[]> {
  const found: string[] = [];
  for await (const event of test.store.readAll()) found.push(`${event.stream} ${event.revision} ${event.id} ${event.type}`);
  return found.sort();
}

describe('a council history: SSDA903 returns and CIN censuses together', () => {
  it('records the same streams as importing the returns and then the censuses, and nothing again', async () => {
    const apart = temporaryStore();
    const together = temporaryStore();
    try {
      const [returnsReport, censusReport] = [
        await importSsda903Returns(returns, { store: apart.store, config, today: TODAY }),
        await importCinCensuses(censuses, { store: apart.store, config, today: TODAY }),
      ];
      expect([returnsReport.issues, censusReport.issues]).toEqual([[], []]);
      const report = await importCouncilHistory({ ssda903: returns, cin: censuses }, { store: together.store, config, today: TODAY });
      expect(report).toMatchObject({ source: 'history', accepted: true, collectionYears: years, issues: [] });
      expect(report.events.appended).toBe(returnsReport.events.appended + censusReport.events.appended);
      expect(await contents(together)).toEqual(await contents(apart));
      // children with both care and protection records are registered once
      const registrations = (await contents(together)).filter((line) => line.endsWith('ChildRegistered'));
      expect(new Set(registrations.map((line) => line.split(' ')[0])).size).toBe(registrations.length);

      const again = await importCouncilHistory({ ssda903: returns, cin: censuses }, { store: together.store, config, today: TODAY });
      expect(again.events).toEqual({ appended: 0, voided: 0 });
    } finally {
      await apart.close();
      await together.close();
    }
  });
});
