import { annualReportProjection } from '../reporting/annual-report.projection';
import { Projection } from './projection';
import { driftAndDelayProjection } from './drift-and-delay/drift-and-delay.projection';
import { issuesResolutionProjection } from './issues-resolution/issues-resolution.projection';
import { project, replay } from './testing/in-memory-read-model';
import { OversightHistory } from './testing/oversight-history';

const PROJECTIONS: readonly Projection[] = [issuesResolutionProjection, driftAndDelayProjection, annualReportProjection];

/** Every collection's documents, folded event by event with apply and with the replay. */
function bothWays(projection: Projection, given: OversightHistory) {
  const applied = project(projection, given.events);
  const replayed = replay(projection, given.events);
  return projection.collections.map((collection) => ({ collection, applied: applied.all(collection), replayed: replayed.all(collection) }));
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

    for (const { applied, replayed } of bothWays(projection, given)) expect(replayed).toEqual(applied);
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

    for (const { applied, replayed } of bothWays(projection, given)) expect(replayed).toEqual(applied);
  });
});
