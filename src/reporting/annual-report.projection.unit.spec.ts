import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../config/local-authority-config';
import { StoredOversightEvent } from '../events/envelope';
import { project } from '../projections/testing/in-memory-read-model';
import { computeAnnualReport } from './annual-report';
import {
  ANNUAL_REPORT_CHALLENGES, ANNUAL_REPORT_CHILDREN, annualReportProjection, ChallengeFactsDocument, ChildFactsDocument,
  factsFromDocuments,
} from './annual-report.projection';
import { collectReportFacts } from './fold-report-facts';
import { ReportHistory } from './testing/report-history';

describe('the annual-report projection', () => {
  function history(): ReportHistory {
    const h = new ReportHistory();
    h.registerChild('c', { dateOfBirth: '2010-01-01', sex: 'male' });
    h.startCare('c', '2019-05-01');
    const wrong = h.holdReview('c', '2019-05-20', { reviewId: 'wrong' });
    h.voidRecord('child-c', wrong);
    h.holdReview('c', '2019-05-21', { reviewId: 'right' });
    h.allocateIro('c', '2019-05-01', 'iro-1');
    h.registerChild('p', { expectedDateOfBirth: '2020-06-01', sex: 'unknown' });
    h.startPlan('p', '2019-11-01');
    h.raiseChallenge('x', ['c', 'p'], '2019-06-01');
    h.escalateChallenge('x', '2019-06-10', 1, 2);
    h.record('challenge-x', 'ChallengeResponded', {
      challengeId: 'x', respondedOn: '2019-06-11', respondedBy: 'sm', response: 'ok', stage: 2, effectiveDate: '2019-06-11',
    });
    return h;
  }

  it('keeps the same facts as a replay, so the report from its documents equals the replayed report', () => {
    const h = history();
    const model = project(annualReportProjection, h.events as unknown as StoredOversightEvent[]);
    const children = model.all<ChildFactsDocument>(ANNUAL_REPORT_CHILDREN);
    const challenges = model.all<ChallengeFactsDocument>(ANNUAL_REPORT_CHALLENGES);
    expect(children.map((c) => c._id)).toEqual(['c', 'p']);
    const fromReadModel = computeAnnualReport(factsFromDocuments(children, challenges, h.events.length), {
      year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG,
    });
    const replayed = computeAnnualReport(collectReportFacts(h.events), { year: 2019, config: DEFAULT_LOCAL_AUTHORITY_CONFIG });
    expect(fromReadModel).toEqual(replayed);
    expect(replayed.figures['reviews.held'].value).toBe(1);
    expect(replayed.figures['cp.atYearEnd.bySex'].value).toMatchObject({ unborn: 1 });
  });

  it('writes nothing for an event no figure reads', () => {
    const h = new ReportHistory();
    h.record('challenge-y', 'ChallengeResponded', {
      challengeId: 'y', respondedOn: '2019-06-11', respondedBy: 'sm', response: 'ok', stage: 1, effectiveDate: '2019-06-11',
    });
    h.record('audit-access-2020-01-01', 'ChildRegistered', { childId: 'z', sex: 'male', effectiveDate: '2019-01-01' });
    const model = project(annualReportProjection, h.events as unknown as StoredOversightEvent[]);
    expect(model.all(ANNUAL_REPORT_CHALLENGES)).toEqual([]);
    expect(model.all(ANNUAL_REPORT_CHILDREN)).toEqual([]);
  });
});
