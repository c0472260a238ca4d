import { annualReportProjection } from '../reporting/annual-report.projection';
import { Projection } from './projection';
import { driftAndDelayProjection } from './drift-and-delay/drift-and-delay.projection';
import { issuesResolutionProjection } from './issues-resolution/issues-resolution.projection';
import fc from 'fast-check';
import { project, replay, replayChildwise } from './testing/in-memory-read-model';
import { OversightHistory } from './testing/oversight-history';
import { anyOversightHistory } from './testing/random-oversight-history';

const PROJECTIONS: readonly Projection[] = [issuesResolutionProjection, driftAndDelayProjection, annualReportProjection];

/**
 * Every collection's documents, folded event by event with apply, with the replay in the
 * order recorded, and with the replay in the order a childwise rebuild folds.
 */
function bothWays(projection: Projection, given: OversightHistory) {
  const applied = project(projection, given.events);
  const replayed = replay(projection, given.events);
  const childwise = replayChildwise(projection, given.events);
  return projection.collections.map((collection) => ({
    collection,
    applied: applied.all(collection),
    replayed: replayed.all(collection),
    childwise: childwise.all(collection),
  }));
}

function expectTheSame(projection: Projection, given: OversightHistory): void {
  for (const { collection, applied, replayed, childwise } of bothWays(projection, given)) {
    expect({ collection, documents: replayed }).toEqual({ collection, documents: applied });
    expect({ collection, documents: childwise }).toEqual({ collection, documents: applied });
  }
}

/**
 * A rebuild folds with each projection's replay (facts only) and completes each document
 * once at the end: the documents must be those apply() gives event by event.
 */
describe.each(PROJECTIONS.map((projection) => [projection.name, projection] as const))('%s: the replay a rebuild folds with', (_name, projection) => {
  it('gives the documents apply gives, for children in and out of care and on plans, with backdated records', () => {
    const given = new OversightHistory();
    given.childRegistered('c-1');
    given.careStarted('c-1', '2019-01-07');
    given.iroAllocated('c-1', '2019-01-08', 'iro-1');
    given.reviewHeld('c-1', '2019-02-01');
    given.placementChanged('c-1', '2019-03-01', 'K2');
    given.legalStatusChanged('c-1', '2018-12-20', 'C1'); // backdated, before the care started
    given.reviewHeld('c-1', '2019-05-01', { iroVisitedBeforeReview: false });
    given.careEnded('c-1', '2019-09-30');
    given.childRegistered('c-2');
    given.initialConference('c-2', '2019-02-04');
    given.iroAllocated('c-2', '2019-02-05', 'iro-2');
    given.reviewConference('c-2', '2019-05-02');
    given.reviewConference('c-2', '2019-11-01', 'plan-ended');
    given.careStarted('c-2', '2019-06-03', { legalStatus: 'V3' });
    given.iroAllocated('c-1', '2019-01-08', 'iro-3'); // a second allocation on the same day

    expectTheSame(projection, given);
  });

  it('gives the documents apply gives when records are voided, a challenge raising among them', () => {
    const given = new OversightHistory();
    given.childRegistered('c-1');
    const care = given.careStarted('c-1', '2020-01-06');
    const review = given.reviewHeld('c-1', '2020-01-30');
    given.childRegistered('c-2');
    given.initialConference('c-2', '2020-01-10');
    given.childRegistered('c-3');
    const raising = given.challengeRaised('ch-1', ['c-1', 'c-2', 'c-3'], '2020-02-03', { category: 'care-planning' });
    given.challengeEscalated('ch-1', '2020-02-12', 2);
    const response = given.challengeResponded('ch-1', '2020-02-14');
    given.challengeRaised('ch-2', ['c-1'], '2020-03-02');
    given.challengeResolved('ch-2', '2020-03-04', 'recovery-plan-agreed');
    given.voided(review);
    given.voided(response);
    given.voided(care); // c-1 was not looked after when ch-1 and ch-2 were raised after all
    given.challengeRaised('ch-3', ['c-3'], '2020-04-01');
    given.voided(raising); // ch-1 counts nowhere
    given.careStarted('c-3', '2020-03-30'); // backdated: c-3 was looked after when ch-3 was raised

    expectTheSame(projection, given);
  });

  it('gives the documents apply gives for challenges naming several children, raised before and after their records, at every step', () => {
    const given = new OversightHistory();
    given.challengeRaised('ch-1', ['c-1', 'c-2', 'c-3'], '2020-01-06'); // before any record of the children it names
    given.childRegistered('c-1');
    given.careStarted('c-1', '2019-12-02'); // backdated, before the challenge
    given.challengeEscalated('ch-1', '2020-01-20', 2);
    given.childRegistered('c-2');
    given.initialConference('c-2', '2020-01-10');
    given.challengeResponded('ch-1', '2020-01-24');
    given.challengeRaised('ch-2', ['c-2', 'c-1'], '2020-02-03'); // after them
    given.reviewHeld('c-1', '2020-02-10');
    given.challengeEscalated('ch-2', '2020-02-20', 3);
    given.challengeResolved('ch-1', '2020-03-02', 'recovery-plan-agreed');
    given.challengeRaised('ch-0', ['c-3'], '2019-11-01'); // sorts before the others, recorded after them
    given.challengeResolved('ch-0', '2020-01-31');
    given.challengeEscalated('ch-2', '2020-03-16', 4); // Cafcass: no deadline
    given.challengeResponded('ch-2', '2020-03-20');
    given.careStarted('c-3', '2020-02-17');
    given.challengeRaised('ch-3', ['c-4'], '2020-04-01'); // c-4 has no records at all
    given.challengeResolved('ch-2', '2020-04-06', 'not-upheld');
    given.reviewConference('c-2', '2020-04-09');

    expectTheSame(projection, given);
  });

  it('gives the documents apply gives when a challenge\'s raising is voided, raised again, or its children change', () => {
    const given = new OversightHistory();
    given.childRegistered('c-1');
    given.careStarted('c-1', '2020-01-06');
    const firstRaising = given.challengeRaised('ch-1', ['c-1', 'c-2'], '2020-02-03');
    const escalation = given.challengeEscalated('ch-1', '2020-02-12', 2);
    given.voided(firstRaising); // ch-1 names no child now: c-1 and c-2 keep their documents, without it
    given.challengeResponded('ch-1', '2020-02-14'); // a step of a challenge with no raising
    given.challengeRaised('ch-1', ['c-2', 'c-3'], '2020-02-10'); // raised again, naming others
    given.voided(escalation);
    const resolution = given.challengeResolved('ch-1', '2020-03-02');
    given.childRegistered('c-3');
    given.voided(resolution); // open again
    const later = given.challengeRaised('ch-2', ['c-1'], '2020-03-09');
    given.record(later.stream, later.type, later.data, later.id); // delivered again: folded once
    const earlier = given.challengeRaised('ch-2', ['c-3', 'c-4'], '2020-03-02'); // an earlier raising: the history starts from it
    given.challengeResponded('ch-2', '2020-03-10');
    given.careStarted('c-4', '2020-03-01');
    given.voided(earlier); // c-1 named again, c-3 and c-4 no longer
    const raising = given.challengeRaised('ch-3', ['c-2', 'c-4'], '2020-04-01');
    given.challengeEscalated('ch-3', '2020-04-15', 2);
    given.voided(raising); // voided after its other steps: ch-3 counts nowhere
    given.reviewHeld('c-1', '2020-04-20');

    expectTheSame(projection, given);
  });

  it('gives the documents apply gives for any mix of records, challenges and voids', () => {
    fc.assert(
      fc.property(anyOversightHistory, (given) => expectTheSame(projection, given)),
      { numRuns: 150 },
    );
  });
});
