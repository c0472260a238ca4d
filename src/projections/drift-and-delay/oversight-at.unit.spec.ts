import fc from 'fast-check';
import { addDays, CalendarDate } from '../../calendar/calendar-date';
import { challengeAsAt } from '../issues-resolution/challenge-history';
import { oversightDocument, oversightDocuments } from '../testing/drift-documents';
import { OversightHistory } from '../testing/oversight-history';
import { anyOversightHistory } from '../testing/random-oversight-history';
import { oversightAt } from './oversight-at';
import { driftFlagsAt, OversightDocument } from './oversight-document';

describe("a child's oversight on a date", () => {
  const given = () => {
    const history = new OversightHistory();
    history.childRegistered('c-1');
    history.careStarted('c-1', '2019-12-02', { legalStatus: 'C2', placementType: 'U4' });
    history.iroAllocated('c-1', '2019-12-02', 'iro-1');
    history.reviewHeld('c-1', '2019-12-20');
    history.placementChanged('c-1', '2020-02-03', 'U6');
    history.initialConference('c-1', '2020-01-15');
    history.iroAllocated('c-1', '2020-03-01', 'iro-2');
    history.challengeRaised('ch-1', ['c-1'], '2020-03-02');
    return history;
  };

  it('gives status, IRO, placement, what is due next and how overdue, open challenges and flags', () => {
    const oversight = oversightAt(oversightDocument(given(), 'c-1'), '2020-04-30');
    expect(oversight).toMatchObject({
      childId: 'c-1',
      asAt: '2020-04-30',
      status: 'both',
      iroId: 'iro-2',
      carePeriod: { periodId: 'c-1:2019-12-02', startDate: '2019-12-02', legalStatus: 'C2', placementType: 'U6', placementSince: '2020-02-03' },
      plan: { planId: 'c-1:2020-01-15', startDate: '2020-01-15' },
      nextReviewDueBy: '2020-03-20',
      reviewDaysOverdue: 41,
      nextConferenceDueBy: '2020-04-15',
      conferenceDaysOverdue: 15,
      openChallenges: [{ challengeId: 'ch-1', raisedOn: '2020-03-02', stage: '1', responseDueBy: '2020-03-09', overdue: true }],
    });
    expect(oversight.flags.map((f) => f.flag)).toEqual(['review-overdue', 'cp-review-overdue', 'challenge-overdue', 'challenge-over-20-working-days']);
  });

  it('shows the child as the records stood on an earlier date', () => {
    const oversight = oversightAt(oversightDocument(given(), 'c-1'), '2020-01-10');
    expect(oversight).toMatchObject({
      status: 'looked-after',
      iroId: 'iro-1',
      carePeriod: { placementType: 'U4' },
      plan: null,
      nextReviewDueBy: '2020-03-20',
      reviewDaysOverdue: 0,
      nextConferenceDueBy: null,
      openChallenges: [],
      flags: [],
    });
  });

  it('says neither before care and after the plan and care end', () => {
    const history = given();
    history.careEnded('c-1', '2020-05-01');
    history.reviewConference('c-1', '2020-05-01', 'plan-ended');
    expect(oversightAt(oversightDocument(history, 'c-1'), '2019-11-01')).toMatchObject({ status: 'neither', iroId: null, nextReviewDueBy: null });
    expect(oversightAt(oversightDocument(history, 'c-1'), '2020-05-02')).toMatchObject({
      status: 'neither',
      carePeriod: null,
      plan: null,
      nextReviewDueBy: null,
      nextConferenceDueBy: null,
    });
  });
});

describe("a child's flags on a date rest only on the records dated on or before it", () => {
  /** the document as it would have been with nothing recorded that is dated after `asAt` */
  const recordedBy = (document: OversightDocument, asAt: CalendarDate): OversightDocument => ({
    ...document,
    facts: document.facts.filter((fact) => fact.date <= asAt),
    challenges: document.challenges.flatMap((challenge) => challengeAsAt(challenge, asAt) ?? []),
  });
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const datesIn = (reason: string): CalendarDate[] =>
    [...reason.matchAll(/(\d{1,2}) (\w+) (\d{4})/g)].map(
      ([, day, month, year]) => `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`,
    );
  const datesAround = (document: OversightDocument): CalendarDate[] => {
    const recorded = [...document.facts.map((f) => f.date), ...document.challenges.flatMap((c) => c.stages.map((s) => s.enteredOn))];
    return [...new Set(recorded.flatMap((date) => [addDays(date, -1), date, addDays(date, 1), addDays(date, 200)]))];
  };

  it('for every flag: its since, reason and evidence are as they stood that day, naming no later record or date', () => {
    fc.assert(
      fc.property(anyOversightHistory, (given) => {
        for (const document of oversightDocuments(given)) {
          for (const asAt of datesAround(document)) {
            const flags = driftFlagsAt(document, asAt);
            expect({ asAt, flags }).toEqual({ asAt, flags: driftFlagsAt(recordedBy(document, asAt), asAt) });
            for (const flag of flags) {
              const named = [...datesIn(flag.reason), ...flag.evidence.flatMap((e) => Object.values(e.dates))];
              expect({ asAt, flag: flag.flag, after: named.filter((date) => date > asAt) }).toEqual({ asAt, flag: flag.flag, after: [] });
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
