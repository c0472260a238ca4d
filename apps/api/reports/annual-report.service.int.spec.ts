import { join } from 'path';
import { fixedClock } from '../../../src/clock/clock';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { annualReportProjection } from '../../../src/reporting/annual-report.projection';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import { Projector } from '../../../libs/projector/projector';
import { SqliteReadStore } from '../../../libs/read-store/sqlite/sqlite-read-store';
import { makeTempFolder, removeTempFolder } from '../../../libs/testing/temp-folder';
import { councilHistory } from '../../../test/acceptance/report/council-history';
import { recordHistory, recordingClock } from '../../../test/acceptance/report/record-history';
import { AnnualReportService } from './annual-report.service';

describe('the annual report from the read model and from a replay', () => {
  const dir = makeTempFolder('iro-report-int-');
  const clock = recordingClock();
  const eventStore = new SqliteEventStore({ file: join(dir, 'events.sqlite'), clock });
  const readStore = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
  const today = fixedClock('2020-06-01T12:00:00Z');

  beforeAll(async () => {
    await recordHistory(eventStore, clock, councilHistory());
    const projector = new Projector({ eventStore, readStore, projections: [annualReportProjection], context: { config: DEFAULT_LOCAL_AUTHORITY_CONFIG } });
    await projector.start();
    await projector.waitForPosition(await eventStore.headPosition());
    await projector.stop();
  });

  afterAll(async () => {
    await eventStore.close();
    await readStore.close();
    removeTempFolder(dir);
  });

  it('gives the same report for the current and previous years either way', async () => {
    const fromReadModel = new AnnualReportService(eventStore, today, DEFAULT_LOCAL_AUTHORITY_CONFIG, readStore);
    const replaying = new AnnualReportService(eventStore, today, DEFAULT_LOCAL_AUTHORITY_CONFIG);
    for (const year of [2019, 2020]) {
      expect(fromReadModel.answersFromReadModel(year, null)).toBe(true);
      expect(replaying.answersFromReadModel(year, null)).toBe(false);
      const a = await fromReadModel.annualReport(year, null);
      const b = await replaying.annualReport(year, null);
      expect(a.figures).toEqual(b.figures);
    }
    expect((await fromReadModel.annualReport(2019, null)).figures['cla.atYearEnd'].value).toBe(12);
  });

  it('replays for an as-of instant or an older year, even with the read model wired', async () => {
    const service = new AnnualReportService(eventStore, today, DEFAULT_LOCAL_AUTHORITY_CONFIG, readStore);
    expect(service.answersFromReadModel(2018, null)).toBe(false);
    expect(service.answersFromReadModel(2019, '2020-04-30T00:00:00.000Z')).toBe(false);
    const asOf = await service.annualReport(2019, '2020-04-30T00:00:00.000Z');
    const now = await service.annualReport(2019, null);
    expect(now.figures['reviews.held'].value).toBe((asOf.figures['reviews.held'].value as number) + 1);
  });
});
