import { join } from 'path';
import { seedDataDir } from '../../../apps/cli/commands/seed.command';
import { SQLITE_EVENTS_FILE } from '../../../libs/event-store/create-event-store';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import { replayAnnualReport } from '../../../libs/reporting/report-facts-source';
import { MIDDLESBROUGH_2019_20 } from '../../../libs/seed/profiles/middlesbrough-2019-20';
import { seedConfig } from '../../../libs/seed/seed-config';
import { makeTempFolder, removeTempFolder } from '../../../libs/testing/temp-folder';
import { AnnualReport } from '../../../src/reporting/annual-report';

/**
 * `iro seed --profile middlesbrough-2019-20`, then the 2019/20 annual report replayed from
 * the store by the report's own fold: it reproduces the figures of the IRO Annual Report
 * 2019/20 (../shared/reference/000_f3e6a27afe9f665f.txt). Counts exact; percentages
 * within half a point of the published ones.
 */
describe('the middlesbrough-2019-20 seed history reproduces the IRO Annual Report 2019/20', () => {
  const dataDir = makeTempFolder('iro-seed-acceptance-');
  let report: AnnualReport;
  let asOfYearEnd: AnnualReport;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let figures: Record<string, any>;

  beforeAll(async () => {
    await seedDataDir({ profile: 'middlesbrough-2019-20', dataDir }, {});
    const store = new SqliteEventStore({ file: join(dataDir, SQLITE_EVENTS_FILE) });
    try {
      const config = seedConfig(MIDDLESBROUGH_2019_20);
      report = await replayAnnualReport(store, { year: 2019, config });
      asOfYearEnd = await replayAnnualReport(store, { year: 2019, config, asOf: '2020-03-31T23:59:59.999Z' });
    } finally {
      await store.close();
    }
    figures = report.figures;
  }, 60_000);

  afterAll(() => removeTempFolder(dataDir));

  /** a published percentage, to half a point */
  const expectPercent = (actual: number | null | undefined, published: number) => {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - published)).toBeLessThanOrEqual(0.5);
  };

  it('619 children looked after at year end, 342 male and 277 female', () => {
    expect(figures['cla.atYearEnd'].value).toBe(619);
    expect(figures['cla.atYearEnd.bySex'].value).toEqual({ male: 342, female: 277, unknown: 0 });
  });

  it('293 children came into care, 203 the year before', () => {
    expect(figures['cla.started'].value).toBe(293);
    expect(figures['cla.started'].previousYear.value).toBe(203);
  });

  it('1434 reviews (1254 the year before), 89% in timescale, 9.4% PN7, 59% visited by the IRO before', () => {
    expect(figures['reviews.held'].value).toBe(1434);
    expect(figures['reviews.held'].previousYear.value).toBe(1254);
    expectPercent(figures['reviews.inTimescalePercent'].value, 89);
    expectPercent(figures['reviews.notAttendedViewsNotConveyedPercent'].value, 9.4);
    expectPercent(figures['reviews.iroVisitedBeforeReviewPercent'].value, 59);
  });

  it('13.8% with 3 or more placements, 51.7% long-term stability, 27% on interim care orders, 51% placed outside', () => {
    expectPercent(figures['cla.threeOrMorePlacementsPercent'].value, 13.8);
    expectPercent(figures['cla.longTermStabilityPercent'].value, 51.7);
    expectPercent(figures['cla.atYearEnd.interimCareOrderPercent'].value, 27);
    expectPercent(figures['cla.atYearEnd.placedOutsideLocalAuthorityPercent'].value, 51);
  });

  it('166 challenges, 64.5% drift and delay, stage 3 the most common highest stage, 1 Cafcass referral', () => {
    expect(figures['challenges.raised'].value).toBe(166);
    expectPercent(figures['challenges.byCategory'].percent['drift-and-delay'], 64.5);
    expect(figures['challenges.mostCommonHighestStage'].value).toBe('3');
    expect(figures['challenges.cafcassReferrals'].value).toBe(1);
    expect(figures['challenges.byHighestStage'].value.cafcass).toBe(1);
  });

  it('528 children on a protection plan during the year, 379 at year end', () => {
    expect(figures['cp.plansDuringYear'].value).toBe(528);
    expect(figures['cp.atYearEnd'].value).toBe(379);
  });

  it('75.5% of initial and 80% of review conferences in timescale', () => {
    expectPercent(figures['cp.initialConferencesInTimescalePercent'].value, 75.5);
    expectPercent(figures['cp.reviewConferencesInTimescalePercent'].value, 80);
  });

  it('categories at the start of a plan: neglect 61.3%, emotional 30%, physical 7%, sexual 1.6%', () => {
    const percent = figures['cp.plansStarted.byCategory'].percent;
    expectPercent(percent.NEG, 61.3);
    expectPercent(percent.EMO, 30);
    expectPercent(percent.PHY, 7);
    expectPercent(percent.SAB, 1.6);
  });

  it('4.5% of plans ending lasted 2 years or more; 18.6% repeat plans', () => {
    expectPercent(figures['cp.plansEndedLasting2YearsPercent'].value, 4.5);
    expectPercent(figures['cp.repeatPlansPercent'].value, 18.6);
  });

  it('a mean IRO caseload of about 100 at the end of March 2020', () => {
    expect(Math.abs(figures['iro.meanCaseloadAtYearEnd'].value - 100)).toBeLessThanOrEqual(1);
  });

  it('has reviews held in the year recorded after its end: the report as of 31 March 2020 counts fewer', () => {
    const asOf = asOfYearEnd.figures['reviews.held'].value as number;
    expect(asOf).toBeLessThan(1434);
    expect(asOf).toBeGreaterThan(1434 - 20);
  });
});
