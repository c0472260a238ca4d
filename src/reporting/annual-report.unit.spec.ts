import { childStream } from '../events/streams';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../config/local-authority-config';
import { AnnualReportBuilder, computeAnnualReport } from './annual-report';
import { AmbiguousVoidError } from './event-key';
import { FIGURE_IDS } from './figure-ids';
import { collectReportFacts, foldFacts } from './fold-report-facts';
import { initialFacts } from './report-facts';
import { reportFor } from './testing/report-for';
import { ReportHistory } from './testing/report-history';

describe('the annual report', () => {
  function smallHistory(): ReportHistory {
    const h = new ReportHistory().recordedOn('2019-06-01T09:00:00Z');
    h.registerChild('c', { dateOfBirth: '2010-01-01' });
    h.startCare('c', '2019-05-01');
    h.recordedOn('2020-04-15T09:00:00Z');
    h.holdReview('c', '2019-05-20');
    return h;
  }

  it('answers in the JSON shape of FIGURES.md: every figure, with the previous year, the change and its ids', () => {
    const report = computeAnnualReport(collectReportFacts(smallHistory().events), {
      year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG, generatedAt: '2020-05-01T00:00:00.000Z',
    });
    expect(report).toMatchObject({
      year: 2019, period: { start: '2019-04-01', end: '2020-03-31' }, asOf: null, generatedAt: '2020-05-01T00:00:00.000Z',
      notForPublication: true,
    });
    expect(Object.keys(report.figures)).toEqual([...FIGURE_IDS]);
    for (const id of FIGURE_IDS) {
      const figure = report.figures[id] as unknown as Record<string, unknown>;
      expect(figure).toHaveProperty('value');
      expect(figure).toHaveProperty('previousYear');
      expect(figure).toHaveProperty('change');
      expect('ids' in figure || ('numeratorIds' in figure && 'denominatorIds' in figure)).toBe(true);
    }
    expect(report.figures['challenges.mostCommonHighestStage'].change).toBeNull();
    expect(report.figures['cp.repeatPlanCohort'].value).toEqual({ children: 0, families: 0 });
  });

  it('uses only the events recorded up to the as-of instant', () => {
    const h = smallHistory();
    expect(reportFor(h, 2019, { asOf: '2020-03-31T23:59:59Z' }).figures['reviews.held'].value).toBe(0);
    expect(reportFor(h, 2019, { asOf: '2020-04-15T09:00:00Z' }).figures['reviews.held'].value).toBe(1);
    expect(reportFor(h, 2019, { asOf: '2020-04-15T09:00:00Z' }).asOf).toBe('2020-04-15T09:00:00Z');
  });

  it('folds one event at a time to the same facts as a batch', () => {
    const h = smallHistory();
    const facts = initialFacts();
    for (const event of h.events) foldFacts(facts, event);
    expect(facts).toEqual(collectReportFacts(h.events));
    expect(facts.position).toBe(3);
  });

  it('refuses a void that cannot tell which record it names, rather than guess', () => {
    const h = new ReportHistory();
    h.registerChild('c', { dateOfBirth: '2010-01-01' });
    // two records of one type whose ids share a key (FNV-1a collision pair)
    h.events.push(
      { ...h.events[0], id: 'costarring', position: 2 },
      { ...h.events[0], id: 'liquid', position: 3 },
    );
    h.record(childStream('c'), 'RecordVoided', { eventId: 'liquid', voidedType: 'ChildRegistered', reason: 'r', effectiveDate: '2019-01-01' });
    expect(() => collectReportFacts(h.events)).toThrow(AmbiguousVoidError);
  });

  it('builds the report one child at a time, every challenge first', () => {
    const builder = new AnnualReportBuilder({ year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG });
    const facts = collectReportFacts(smallHistory().events);
    builder.addChild(facts.children.get('c')!);
    expect(() => builder.addChallenge({ challengeId: 'late', facts: [] })).toThrow(/before the first child/);
    expect(builder.build().figures['cla.atYearEnd'].value).toBe(1);
  });
});

describe('whether the year had ended by the report\'s instant', () => {
  const yearEnded = (asOf: string | null, generatedAt: string | null = null) =>
    computeAnnualReport(collectReportFacts([]), { year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG, asOf, generatedAt }).yearEnded;

  it('has not ended on 31 March, in the UK, and has from 1 April', () => {
    expect(yearEnded('2020-03-31T22:59:59.999Z')).toBe(false);
    expect(yearEnded('2020-03-31T23:00:00.000Z')).toBe(true);
  });

  it('goes by the instant the report was produced when it is not as of one, and cannot say without either', () => {
    expect(yearEnded(null, '2020-02-01T10:00:00.000Z')).toBe(false);
    expect(yearEnded(null, '2020-06-01T10:00:00.000Z')).toBe(true);
    expect(yearEnded(null)).toBeNull();
  });
});

describe('the keys of a breakdown', () => {
  /** children in care on 31 March 2020, registered in the order given (child ids a, b, c...) */
  function inCare(children: { ethnicity: 'WBRI' | 'WROM' | 'NOBT' | 'BAFR'; iro: string; dateOfBirth?: string }[]): ReportHistory {
    const h = new ReportHistory();
    children.forEach((child, i) => {
      const id = `c${String(i).padStart(2, '0')}`;
      h.registerChild(id, { dateOfBirth: child.dateOfBirth ?? '2010-01-01', ethnicity: child.ethnicity });
      h.startCare(id, '2019-06-03');
      h.allocateIro(id, '2019-06-03', child.iro);
    });
    return h;
  }

  it('come in the order FIGURES.md lists them, then the others sorted, whatever order the children come in', () => {
    const h = inCare([
      { ethnicity: 'WROM', iro: 'iro-09' }, { ethnicity: 'WBRI', iro: 'iro-01' }, { ethnicity: 'NOBT', iro: 'iro-06' },
      { ethnicity: 'BAFR', iro: 'iro-01' },
    ]);
    h.registerChild('c99', { ethnicity: 'WBRI' }); // no date of birth: age group unknown
    h.startCare('c99', '2019-06-03');
    const figures = reportFor(h).figures;
    expect(Object.keys(figures['cla.atYearEnd.byEthnicity'].value)).toEqual(['BAFR', 'NOBT', 'WBRI', 'WROM']);
    expect(Object.keys(figures['cla.atYearEnd.byEthnicity'].idsByKey)).toEqual(['BAFR', 'NOBT', 'WBRI', 'WROM']);
    expect(Object.keys(figures['iro.caseloadsAtYearEnd'].value)).toEqual(['iro-01', 'iro-06', 'iro-09']);
    expect(Object.keys(figures['cla.atYearEnd.byAgeGroup'].value)).toEqual(['under1', '1-4', '5-9', '10-15', '16+', 'unknown']);
    expect(Object.keys(figures['cla.atYearEnd.byEthnicity'].change)).toEqual(['BAFR', 'NOBT', 'WBRI', 'WROM']);
    expect(Object.keys(figures['reviews.participation'].value)).toEqual(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
  });

  it('keep their order when a child with a key already counted is added', () => {
    const children = [{ ethnicity: 'WROM', iro: 'iro-2' }, { ethnicity: 'WBRI', iro: 'iro-1' }] as const;
    const before = reportFor(inCare([...children])).figures;
    const after = reportFor(inCare([{ ethnicity: 'WBRI', iro: 'iro-1' }, ...children])).figures;
    for (const id of ['cla.atYearEnd.byEthnicity', 'iro.caseloadsAtYearEnd']) {
      expect(Object.keys(after[id].value)).toEqual(Object.keys(before[id].value));
    }
  });

  it('merge this year and last year in the same order in the change', () => {
    const h = inCare([{ ethnicity: 'WROM', iro: 'iro-2' }]);
    h.registerChild('old', { dateOfBirth: '2010-01-01', ethnicity: 'NOBT' });
    h.startCare('old', '2018-06-03');
    h.allocateIro('old', '2018-06-03', 'iro-3');
    h.endCare('old', '2019-05-01');
    const figures = reportFor(h).figures;
    expect(Object.keys(figures['cla.atYearEnd.byEthnicity'].change)).toEqual(['NOBT', 'WROM']);
    expect(Object.keys(figures['iro.caseloadsAtYearEnd'].change)).toEqual(['iro-2', 'iro-3']);
  });
});

describe('the change of a breakdown', () => {
  it('is null for a key that one of the two years does not have (docs/figures.md: null when either side is not a number)', () => {
    const h = new ReportHistory();
    h.registerChild('old', { dateOfBirth: '2010-01-01', ethnicity: 'NOBT' });
    h.startCare('old', '2018-06-03');
    h.allocateIro('old', '2018-06-03', 'iro-1');
    h.registerChild('new', { dateOfBirth: '2010-01-01', ethnicity: 'WBRI' });
    h.startCare('new', '2019-06-03');
    h.allocateIro('new', '2019-06-03', 'iro-2');
    const figures = reportFor(h).figures;
    expect(figures['iro.caseloadsAtYearEnd'].previousYear.value).toEqual({ 'iro-1': 1 });
    expect(figures['iro.caseloadsAtYearEnd'].value).toEqual({ 'iro-1': 1, 'iro-2': 1 });
    expect(figures['iro.caseloadsAtYearEnd'].change).toEqual({ 'iro-1': 0, 'iro-2': null });
    expect(figures['cla.atYearEnd.byEthnicity'].change).toEqual({ NOBT: 0, WBRI: null });
    // listed keys are in both years (0 where nothing counts): a number
    expect(figures['cla.atYearEnd.bySex'].change).toEqual({ male: 0, female: 1, unknown: 0 });
  });
});
