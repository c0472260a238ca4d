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
 * the store by the report's own fold, against the IRO Annual Report 2019/20
 * (../shared/reference/000_f3e6a27afe9f665f.txt), as README and `iro seed --help` state
 * it: every count the report gives exact, this year's and last year's; every percentage
 * within half a point (many published percentages are no count over the seed's
 * denominators: 13.8% of 619 children is 85.4 children, so the seed shows 13.7%); and the
 * two figures whose direction the seed does not follow, as they are.
 */
describe('the middlesbrough-2019-20 seed history against the IRO Annual Report 2019/20', () => {
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

  it('last year as the report gives it: 519 looked after, 151 left care, 359 on a plan, 95% of reviews in timescale', () => {
    expect(figures['cla.atYearEnd'].previousYear.value).toBe(519); // "100 more than last year"
    expect(figures['cla.ceased'].previousYear.value).toBe(151);
    expect(figures['cp.plansDuringYear'].previousYear.value).toBe(359); // "169 more than last year"
    expectPercent(figures['reviews.inTimescalePercent'].previousYear.value, 95);
    expect(figures['challenges.raised'].previousYear.value).toBeGreaterThan(166); // "a slight reduction"
    expect(figures['challenges.byHighestStage'].previousYear.value['4']).toBeLessThan(33); // "an increase ... stage 4"
  });

  it("last year's percentages: 8.5% with 3+ placements, 81.1% and 96.6% of conferences in timescale, 8.6% of plans over 2 years, 25.2% repeat plans", () => {
    expectPercent(figures['cla.threeOrMorePlacementsPercent'].previousYear.value, 8.5);
    expectPercent(figures['cp.initialConferencesInTimescalePercent'].previousYear.value, 81.1);
    expectPercent(figures['cp.reviewConferencesInTimescalePercent'].previousYear.value, 96.6);
    expectPercent(-figures['cp.reviewConferencesInTimescalePercent'].change, 16.6); // "declined by 16.6%"
    expectPercent(figures['cp.plansEndedLasting2YearsPercent'].previousYear.value, 8.6);
    expectPercent(figures['cp.repeatPlansPercent'].previousYear.value, 25.2);
  });

  it('189 per 10,000; White British 79.6%, African 3.5%, any other White 3.3%, Gypsy/Roma 1.3%, every other ethnicity under 10 children', () => {
    expect(figures['cla.ratePer10k'].value).toBe(189);
    const byEthnicity = figures['cla.atYearEnd.byEthnicity'].value as Record<string, number>;
    const share = (code: string) => (100 * byEthnicity[code]) / 619;
    expectPercent(share('WBRI'), 79.6);
    expectPercent(share('BAFR'), 3.5);
    expectPercent(share('WOTH'), 3.3);
    expectPercent(share('WROM'), 1.3);
    for (const [code, count] of Object.entries(byEthnicity)) if (!['WBRI', 'BAFR', 'WOTH'].includes(code)) expect([code, count < 10]).toEqual([code, true]);
  });

  it("where children live: foster 48.2%, connected 21.2%, with parents 14.5%, children's homes 9.7%, semi-independent 2.3%, independent 1.5%", () => {
    const percent = figures['cla.atYearEnd.byPlacementGroup'].percent;
    expectPercent(percent.foster, 48.2);
    expectPercent(percent.connected, 21.2);
    expectPercent(percent.placedWithParents, 14.5);
    expectPercent(percent.childrensHomes, 9.7);
    expectPercent(percent.supportedAccommodation, 2.3);
    expectPercent(percent.independentLiving, 1.5);
    for (const group of ['secure', 'health', 'adoption']) expect(percent[group]).toBeLessThan(1);
  });

  it('on a plan at year end: 51% male, 47% female, 2% unborn; 17 children from 9 families with 2 or more plans in 2 years', () => {
    const bySex = figures['cp.atYearEnd.bySex'].value;
    expectPercent((100 * bySex.male) / 379, 51);
    expectPercent((100 * bySex.female) / 379, 47);
    expectPercent((100 * bySex.unborn) / 379, 2);
    expect(figures['cp.repeatPlanCohort'].value).toEqual({ children: 17, families: 9 });
  });

  it('does NOT follow two of the report\'s directions (README and `iro seed --help` say so): long-term stability falls, plans over 18 months rise', () => {
    // the report: 51.7%, "improved slightly"; the seed: 51.8%, down from 67.1%
    expect(figures['cla.longTermStabilityPercent']).toMatchObject({ value: 51.8, previousYear: { value: 67.1 }, change: -15.3 });
    // the report: "fewer children having a plan in place over 18 months"; the seed: 10 then 41
    expect(figures['cp.openOver18Months']).toMatchObject({ value: 41, previousYear: { value: 10 } });
  });

  it('has reviews held in the year recorded after its end: the report as of 31 March 2020 counts fewer', () => {
    const asOf = asOfYearEnd.figures['reviews.held'].value as number;
    expect(asOf).toBeLessThan(1434);
    expect(asOf).toBeGreaterThan(1434 - 20);
  });
});
