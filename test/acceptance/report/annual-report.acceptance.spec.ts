import { readFileSync } from 'fs';
import { join } from 'path';
import { produceAnnualReport } from '../../../apps/cli/commands/report-annual.command';
import { SQLITE_EVENTS_FILE } from '../../../libs/event-store/create-event-store';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import { makeTempFolder, removeTempFolder } from '../../../libs/testing/temp-folder';
import { councilHistory } from './council-history';
import { recordHistory, recordingClock } from './record-history';

/** The annual report of a hand-built council history, through `iro report annual`, against figures worked out by hand. */
describe('the annual report of a known council history (iro report annual)', () => {
  const dataDir = makeTempFolder('iro-report-acceptance-');
  const env = { DATA_DIR: dataDir };
  let figures: Record<string, any>;

  beforeAll(async () => {
    const clock = recordingClock();
    const store = new SqliteEventStore({ file: join(dataDir, SQLITE_EVENTS_FILE), clock });
    await recordHistory(store, clock, councilHistory());
    await store.close();
    figures = JSON.parse(await produceAnnualReport({ year: '2019', format: 'json' }, env)).figures;
  });

  afterAll(() => removeTempFolder(dataDir));

  it('counts children looked after', () => {
    expect(figures['cla.atYearEnd']).toMatchObject({ value: 12, previousYear: { value: 6 }, change: 6 });
    expect(figures['cla.atYearEnd.bySex'].value).toEqual({ male: 7, female: 5, unknown: 0 });
    expect(figures['cla.ratePer10k'].value).toBe(3.7);
    expect(figures['cla.atYearEnd.byEthnicity'].value).toEqual({ WBRI: 10, BAFR: 2 });
    expect(figures['cla.started']).toMatchObject({ value: 9, previousYear: { value: 0 } });
    expect(figures['cla.ceased']).toMatchObject({ value: 3 });
    expect(figures['cla.ceased.byReason'].value).toEqual({ E41: 3 });
    expect(figures['cla.atYearEnd.interimCareOrderPercent']).toMatchObject({ value: 33.3, numerator: 4 });
    expect(figures['cla.atYearEnd.placedOutsideLocalAuthorityPercent']).toMatchObject({ value: 58.3, numerator: 7 });
    expect(figures['cla.threeOrMorePlacementsPercent']).toMatchObject({ value: 8.3, numeratorIds: ['cla1'] });
    expect(figures['cla.longTermStabilityPercent']).toMatchObject({ value: 83.3, numerator: 5, denominator: 6 });
    expect(figures['cla.atYearEnd.byPlacementGroup'].value).toMatchObject({ foster: 7, connected: 5 });
  });

  it('measures reviews, with the one recorded after the year end', () => {
    expect(figures['reviews.held']).toMatchObject({ value: 25, previousYear: { value: 6 } });
    expect(figures['reviews.inTimescalePercent']).toMatchObject({ value: 44, numerator: 11, denominator: 25 });
    expect(figures['reviews.notAttendedViewsNotConveyedPercent']).toMatchObject({ value: 8, numerator: 2 });
    expect(figures['reviews.iroVisitedBeforeReviewPercent']).toMatchObject({ value: 88, numerator: 22, notKnown: 1 });
    expect(figures['reviews.participation'].value).toMatchObject({ PN1: 17, PN6: 6, PN7: 2 });
  });

  it('follows challenges through the stages', () => {
    expect(figures['challenges.raised'].value).toBe(3);
    expect(figures['challenges.byCategory'].percent).toMatchObject({ 'drift-and-delay': 66.7, 'care-planning': 33.3 });
    expect(figures['challenges.byHighestStage'].value).toEqual({ '1': 0, '2': 0, '3': 2, '4': 0, cafcass: 1 });
    expect(figures['challenges.mostCommonHighestStage'].value).toBe('3');
    expect(figures['challenges.cafcassReferrals'].value).toBe(1);
    expect(figures['challenges.recoveryPlansAgreed'].value).toBe(1);
    expect(figures['challenges.resolvedPercent'].value).toBe(33.3);
    expect(figures['challenges.lookedAfterVsProtection'].value).toEqual({ lookedAfter: 2, protection: 1, neither: 0 });
  });

  it('counts child protection plans and conferences, the unborn child apart', () => {
    expect(figures['cp.plansDuringYear'].value).toBe(6);
    expect(figures['cp.atYearEnd.bySex'].value).toEqual({ male: 3, female: 2, unknown: 0, unborn: 1 });
    expect(figures['cp.ratePer10k'].value).toBe(1.8);
    expect(figures['cp.initialConferencesInTimescalePercent']).toMatchObject({ value: 66.7, numerator: 4, denominator: 6 });
    expect(figures['cp.reviewConferencesInTimescalePercent']).toMatchObject({ value: 83.3, numerator: 5 });
    expect(figures['cp.plansStarted.byCategory'].percent).toMatchObject({ NEG: 50, EMO: 50 });
    expect(figures['cp.repeatPlansPercent'].value).toBe(0);
    expect(figures['cp.plansEndedLasting2YearsPercent']).toMatchObject({ value: null, reason: 'no plan ended in the year' });
  });

  it('gives IRO caseloads at year end', () => {
    expect(figures['iro.caseloadsAtYearEnd'].value).toEqual({ IRO1: 8, IRO2: 10 });
    expect(figures['iro.meanCaseloadAtYearEnd'].value).toBe(9);
    expect(figures['iro.aboveHandbookRange'].value).toBe(0);
  });

  it('reproduces the report as it stood before the late review, and writes the file the board opens', async () => {
    const before = JSON.parse(await produceAnnualReport({ year: '2019', format: 'json', asOf: '2020-04-30' }, env)).figures;
    expect(before['reviews.inTimescalePercent']).toMatchObject({ value: 41.7, numerator: 10, denominator: 24 });
    const out = join(dataDir, 'report.html');
    await produceAnnualReport({ year: '2019', format: 'html', out }, env);
    expect(readFileSync(out, 'utf8')).toContain('<td class="now">12</td>');
  });

  it('refuses a bad year, format or instant with a message for each', async () => {
    await expect(produceAnnualReport({ year: '19', format: 'pdf', asOf: 'soon' }, env)).rejects.toThrow(
      /--year must be[\s\S]*--format must be[\s\S]*--as-of must be/,
    );
  });
});
