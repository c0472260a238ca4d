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
