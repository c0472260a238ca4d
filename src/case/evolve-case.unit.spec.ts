import { withId } from '../testing/given-when-then';
import {
  careEnded, careStarted, childRegistered, initialConferenceHeld, iroAllocated, placementChanged, planEnded, planStarted,
  recordVoided, reviewConferenceHeld, reviewHeld,
} from '../testing/oversight-history';
import { dependentsOf, initialCaseState, seenEventTypes, standingRecordsOf } from './case-state';
import { evolveCase, foldCase } from './evolve-case';

const ids = <E>(events: E[]) => events.map((event, index) => ({ ...event, id: `e${index + 1}` }));

describe("the child's case state", () => {
  it('knows the child, the current period of care, its reviews, the IRO and the open plan', () => {
    const state = foldCase(
      ids([
        childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01', sex: 'male', familyId: 'fam-1' }),
        careStarted({ childId: 'child-1', startDate: '2019-01-07' }),
        careEnded({ childId: 'child-1', periodId: 'child-1:2019-01-07', endDate: '2019-06-03', reasonCeased: 'E13' }),
        careStarted({ childId: 'child-1', startDate: '2020-01-06', legalStatus: 'C1', placementType: 'U4' }),
        placementChanged({ childId: 'child-1', effectiveDate: '2020-02-10', placementType: 'K2', placedOutsideLocalAuthority: true }),
        // recorded late, dated before the latest placement: the current placement stays K2
        placementChanged({ childId: 'child-1', effectiveDate: '2020-01-20', placementType: 'U5' }),
        reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-01-31', sequence: 1, dueBy: '2020-02-03' }),
        iroAllocated({ childId: 'child-1', iroId: 'iro-2', effectiveDate: '2020-01-10' }),
        initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-11-15', heldOn: '2019-11-30', categoryOfAbuse: 'PHY' }),
        reviewConferenceHeld({ childId: 'child-1', planId: 'child-1:2019-11-30', heldOn: '2020-02-20', dueBy: '2020-02-29' }),
      ]),
    );
    expect(state.registered).toBe(true);
    expect(state.child).toEqual({
      childId: 'child-1', dateOfBirth: '2012-06-01', expectedDateOfBirth: null, sex: 'male', ethnicity: null, familyId: 'fam-1',
    });
    expect(state.inCare).toBe(true);
    expect(state.periods.map((p) => [p.periodId, p.endDate, p.reasonCeased])).toEqual([
      ['child-1:2019-01-07', '2019-06-03', 'E13'],
      ['child-1:2020-01-06', null, null],
    ]);
    expect(state.currentPeriod).toMatchObject({
      periodId: 'child-1:2020-01-06', startDate: '2020-01-06', legalStatus: 'C1', placementType: 'K2',
      placedOutsideLocalAuthority: true, placementSince: '2020-02-10', firstReviewDueBy: '2020-02-03',
      reviews: { held: 1, lastHeldOn: '2020-01-31', nextDueBy: '2020-04-30' }, lastRecordOn: '2020-02-10',
    });
    expect(state.iro).toEqual({ iroId: 'iro-2', since: '2020-01-10' });
    expect(state.openPlan).toEqual({
      planId: 'child-1:2019-11-30', startDate: '2019-11-30', categoryOfAbuse: 'PHY', startedBy: 'initial-conference', endDate: null,
      reviewConferencesHeld: 1, lastConferenceOn: '2020-02-20', nextReviewConferenceDueBy: '2020-08-20',
    });
    expect(seenEventTypes(state.eventsSeen).size).toBe(10);
    expect(seenEventTypes(state.eventsSeen).get('e1')).toBe('ChildRegistered');
  });

  it('keeps the plans history and no open plan once a plan ends', () => {
    const state = foldCase(
      ids([
        childRegistered({ childId: 'child-1', expectedDateOfBirth: '2020-06-01' }),
        planStarted({ childId: 'child-1', startDate: '2020-02-03' }),
        planEnded({ childId: 'child-1', planId: 'child-1:2020-02-03', endDate: '2020-05-04' }),
      ]),
    );
    expect(state.openPlan).toBeNull();
    expect(state.plans).toEqual([
      {
        planId: 'child-1:2020-02-03', startDate: '2020-02-03', categoryOfAbuse: 'EMO', startedBy: 'plan-record', endDate: '2020-05-04',
        reviewConferencesHeld: 0, lastConferenceOn: null, nextReviewConferenceDueBy: null,
      },
    ]);
  });

  it('leaves voided records out of the fold and lists their ids', () => {
    const state = foldCase([
      withId('reg', childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01' })),
      withId('care', careStarted({ childId: 'child-1', startDate: '2020-01-06' })),
      withId('void', recordVoided({ eventId: 'care', voidedType: 'CareStarted', effectiveDate: '2020-01-08' })),
    ]);
    expect(state.inCare).toBe(false);
    expect(state.periods).toEqual([]);
    expect(state.voidedIds).toEqual(['care']);
    expect([...seenEventTypes(state.eventsSeen)]).toEqual([['reg', 'ChildRegistered'], ['void', 'RecordVoided']]);
  });

  it('evolveCase alone records a void but cannot take back what the voided event did', () => {
    const inCare = evolveCase(initialCaseState, withId('care', careStarted({ childId: 'child-1', startDate: '2020-01-06' })));
    const afterVoid = evolveCase(inCare, recordVoided({ eventId: 'care', voidedType: 'CareStarted', effectiveDate: '2020-01-08' }));
    expect(afterVoid.voidedIds).toEqual(['care']);
    expect(afterVoid.inCare).toBe(true);
  });

  it('keeps, by event id, the standing records that stand on it, and forgets a voided one', () => {
    const history = [
      withId('reg', childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01' })),
      withId('care', careStarted({ childId: 'child-1', startDate: '2020-01-06' })),
      withId('place', placementChanged({ childId: 'child-1', effectiveDate: '2020-01-20' })),
      withId('rev-1', reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-01-31', sequence: 1, dueBy: '2020-02-03' })),
      withId('rev-2', reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-04-20', sequence: 2, dueBy: '2020-04-30' })),
      withId('plan', planStarted({ childId: 'child-1', startDate: '2020-02-03' })),
      withId('plan-end', planEnded({ childId: 'child-1', planId: 'child-1:2020-02-03', endDate: '2020-05-04' })),
      withId('icpc', initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2020-06-01', heldOn: '2020-06-15', outcome: 'no-plan' })),
    ];
    expect(dependentsOf(foldCase(history))).toEqual({
      care: ['place', 'rev-1', 'rev-2'], 'rev-1': ['rev-2'], plan: ['plan-end'], 'plan-end': ['icpc'],
    });
    const voided = withId('void', recordVoided({ eventId: 'rev-2', voidedType: 'ReviewHeld', effectiveDate: '2020-05-01' }));
    const state = foldCase([...history, voided]);
    expect(dependentsOf(state)).toEqual({ care: ['place', 'rev-1'], plan: ['plan-end'], 'plan-end': ['icpc'] });
    expect(standingRecordsOf(state).map((record) => record.eventId)).toEqual(['care', 'place', 'rev-1', 'plan', 'plan-end', 'icpc']);
    // evolveCase alone drops the voided record from what stands, as the fold does
    expect(dependentsOf(evolveCase(foldCase(history), voided))).toEqual(dependentsOf(state));
  });
});
