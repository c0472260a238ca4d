import { project } from '../testing/in-memory-read-model';
import { oversightDocument } from '../testing/drift-documents';
import { OversightHistory } from '../testing/oversight-history';
import { driftAndDelayProjection } from './drift-and-delay.projection';
import { ProjectionDocument } from '../projection';
import { driftFlagWindows, iroOn, lookedAfterOn, onPlanOn, OVERSIGHT, OversightDocument } from './oversight-document';

describe('drift-and-delay projection: the child document', () => {
  it('keeps the days looked after (short breaks left out), on a plan, and the IRO allocations', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-04-01', { legalStatus: 'C2' });
    given.legalStatusChanged('c-1', '2019-06-01', 'V3');
    given.legalStatusChanged('c-1', '2019-07-01', 'C2');
    given.careEnded('c-1', '2020-03-31');
    given.initialConference('c-1', '2019-05-01');
    given.iroAllocated('c-1', '2019-04-01', 'iro-1');
    given.iroAllocated('c-1', '2019-09-01', 'iro-2');

    const document = oversightDocument(given, 'c-1');

    expect(document.lookedAfter).toEqual([
      { from: '2019-04-01', until: '2019-06-01' },
      { from: '2019-07-01', until: '2020-03-31' },
    ]);
    expect(document.protection).toEqual([{ from: '2019-05-01', until: null }]);
    expect(document.iroAllocations).toEqual([
      { iroId: 'iro-1', from: '2019-04-01', until: '2019-09-01' },
      { iroId: 'iro-2', from: '2019-09-01', until: null },
    ]);
    expect(lookedAfterOn(document, '2019-06-15')).toBe(false);
    expect(lookedAfterOn(document, '2020-03-30')).toBe(true);
    expect(lookedAfterOn(document, '2020-03-31')).toBe(false);
    expect(onPlanOn(document, '2019-05-01')).toBe(true);
    expect(iroOn(document, '2019-08-31')).toBe('iro-1');
    expect(iroOn(document, '2019-03-31')).toBeNull();
  });

  it('keeps what is due next after the last record, and the days a challenge naming the child was open', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-12-02');
    expect(oversightDocument(given, 'c-1').nextReviewDueBy).toBe('2020-01-02');
    given.reviewHeld('c-1', '2020-01-10');
    given.initialConference('c-1', '2020-01-15');
    given.challengeRaised('ch-1', ['c-1'], '2020-02-03');
    given.challengeResolved('ch-1', '2020-02-07');
    given.challengeRaised('ch-2', ['c-1'], '2020-03-02');

    expect(oversightDocument(given, 'c-1')).toMatchObject({
      nextReviewDueBy: '2020-04-10',
      nextConferenceDueBy: '2020-04-15',
      challengesOpen: [
        { from: '2020-02-03', until: '2020-02-07' },
        { from: '2020-03-02', until: null },
      ],
    });
    given.careEnded('c-1', '2020-03-01');
    given.reviewConference('c-1', '2020-03-10', 'plan-ended');
    expect(oversightDocument(given, 'c-1')).toMatchObject({ nextReviewDueBy: null, nextConferenceDueBy: null });
  });

  it('goes back to the earlier IRO when an allocation is voided, and reopens care when its ending is voided', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-04-01');
    given.iroAllocated('c-1', '2019-04-01', 'iro-1');
    const second = given.iroAllocated('c-1', '2019-09-01', 'iro-2');
    const ending = given.careEnded('c-1', '2020-01-31');
    given.voided(second);
    given.voided(ending);

    const document = oversightDocument(given, 'c-1');
    expect(iroOn(document, '2020-02-01')).toBe('iro-1');
    expect(lookedAfterOn(document, '2020-02-01')).toBe(true);
  });

  it('orders records by their effective date, whatever order they were recorded in', () => {
    const inOrder = new OversightHistory();
    inOrder.careStarted('c-1', '2019-04-01');
    inOrder.reviewHeld('c-1', '2019-04-20');
    inOrder.reviewHeld('c-1', '2019-07-10');

    const [care, april, july] = inOrder.events;
    const backdated = [care, { ...july, position: 2 }, { ...april, position: 3, revision: 2 }];
    const backdatedDocument = project(driftAndDelayProjection, backdated).get<OversightDocument & ProjectionDocument>(OVERSIGHT, 'c-1')!;

    const { facts: _backdatedFacts, ...backdatedDerived } = backdatedDocument;
    const { facts: _inOrderFacts, ...inOrderDerived } = oversightDocument(inOrder, 'c-1');
    expect(backdatedDerived).toEqual(inOrderDerived);
    expect(driftFlagWindows(backdatedDocument)).toEqual(driftFlagWindows(oversightDocument(inOrder, 'c-1')));
  });

  it('gives the same documents when an event is delivered twice', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-04-01');
    const challenge = given.challengeRaised('ch-1', ['c-1'], '2019-05-01');
    const once = project(driftAndDelayProjection, given.events).all(OVERSIGHT);
    const twice = project(driftAndDelayProjection, [...given.events, challenge, given.events[0]]).all(OVERSIGHT);
    expect(twice).toEqual(once);
  });
});
