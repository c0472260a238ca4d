import { CaseCommand } from './case-commands';
import { caseSpec } from '../testing/decider-specs';
import { withId } from '../testing/given-when-then';
import {
  careEnded, careStarted, childRegistered, initialConferenceHeld, iroAllocated, placementChanged, planEnded, planStarted,
  recordVoided, reviewConferenceHeld, reviewHeld,
} from '../testing/oversight-history';

const registered = childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01' });
const voidRecord = (eventId: string, voidedOn = '2020-03-02'): CaseCommand => ({
  type: 'voidRecord', childId: 'child-1', eventId, reason: 'entered against the wrong child', voidedOn,
});
const review = (heldOn: string): CaseCommand => ({
  type: 'holdReview', childId: 'child-1', reviewId: `r-${heldOn}`, heldOn, chairIroId: 'iro-1', participation: 'PN1',
  iroVisitedBeforeReview: true,
});
const care = withId('care-1', careStarted({ childId: 'child-1', startDate: '2020-01-06' }));
const firstReview = withId('review-1', reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-01-31', sequence: 1, dueBy: '2020-02-03' }));

describe('voiding a record entered wrongly', () => {
  it('voids a record of the stream, naming its type', () => {
    caseSpec
      .given(registered, care, firstReview)
      .when(voidRecord('review-1'))
      .then({
        type: 'RecordVoided',
        data: { eventId: 'review-1', voidedType: 'ReviewHeld', reason: 'entered against the wrong child', effectiveDate: '2020-03-02' },
      });
  });

  it('refuses an id that is not in the stream', () => {
    caseSpec.given(registered, care).when(voidRecord('review-9')).thenRejects('void-unknown-event');
  });

  it.each(['toString', 'valueOf', 'hasOwnProperty', '__proto__', 'constructor'])(
    'refuses %s, a name every object has but no record of the stream',
    (eventId) => {
      caseSpec.given(registered, care).when(voidRecord(eventId)).thenRejects('void-unknown-event');
    },
  );

  it('refuses a record already voided', () => {
    caseSpec
      .given(registered, care, firstReview, recordVoided({ eventId: 'review-1', voidedType: 'ReviewHeld', effectiveDate: '2020-03-01' }))
      .when(voidRecord('review-1'))
      .thenRejects('void-already-voided');
  });

  it('refuses to void a void', () => {
    caseSpec
      .given(registered, care, firstReview, withId('void-1', recordVoided({ eventId: 'review-1', voidedType: 'ReviewHeld', effectiveDate: '2020-03-01' })))
      .when(voidRecord('void-1'))
      .thenRejects('void-cannot-be-voided');
  });

  it('refuses a void dated after today', () => {
    caseSpec.given(registered, care).when(voidRecord('care-1', '2021-04-01')).thenRejects('date-in-future');
  });
});

describe('a voided record stops counting in decisions', () => {
  it('a voided care start leaves the child not in care, so a review is refused', () => {
    caseSpec.given(registered, care).when(review('2020-01-31')).then(expect.objectContaining({ type: 'ReviewHeld' }));
    caseSpec
      .given(registered, care, recordVoided({ eventId: 'care-1', voidedType: 'CareStarted', effectiveDate: '2020-01-20' }))
      .when(review('2020-01-31'))
      .thenRejects('not-in-care');
  });

  it('a voided care start lets care start again, on the right date', () => {
    const outcome = caseSpec
      .given(registered, care, recordVoided({ eventId: 'care-1', voidedType: 'CareStarted', effectiveDate: '2020-01-20' }))
      .when({ type: 'startCare', childId: 'child-1', startDate: '2020-01-13', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false });
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'CareStarted' })] });
  });

  it('a voided review is not counted: the next review is the first of the period again', () => {
    const outcome = caseSpec
      .given(registered, care, firstReview, recordVoided({ eventId: 'review-1', voidedType: 'ReviewHeld', effectiveDate: '2020-02-01' }))
      .when(review('2020-02-03'));
    expect(outcome.decision).toEqual({
      events: [expect.objectContaining({ data: expect.objectContaining({ sequence: 1, dueBy: '2020-02-03', heldInTime: true }) })],
    });
  });

  it('a voided registration leaves the child unregistered', () => {
    caseSpec
      .given(withId('reg-1', registered), care, recordVoided({ eventId: 'reg-1', voidedType: 'ChildRegistered', effectiveDate: '2020-02-01' }))
      .when(review('2020-02-03'))
      .thenRejects('child-not-registered');
  });
});

describe('a record is not voided while standing records depend on it', () => {
  const vr = (eventId: string, voidedType: string) => recordVoided({ eventId, voidedType, effectiveDate: '2021-03-01' });
  const ended = withId('end-1', careEnded({ childId: 'child-1', periodId: 'child-1:2020-01-06', endDate: '2020-06-01' }));
  const secondCare = withId('care-2', careStarted({ childId: 'child-1', startDate: '2020-09-07' }));
  const placement = withId('place-1', placementChanged({ childId: 'child-1', effectiveDate: '2020-02-10' }));
  const legalStatus = withId('legal-1', {
    type: 'LegalStatusChanged' as const, data: { childId: 'child-1', legalStatus: 'C1' as const, effectiveDate: '2020-02-12' },
  });
  const secondReview = withId('review-2', reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-04-20', sequence: 2, dueBy: '2020-04-30' }));
  const icpc = withId('icpc-1', initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2020-01-02', heldOn: '2020-01-20' }));
  const rcpc = (id: string, heldOn: string, outcome: 'plan-continued' | 'plan-ended' = 'plan-continued') =>
    withId(id, reviewConferenceHeld({ childId: 'child-1', planId: 'child-1:2020-01-20', heldOn, dueBy: '2020-04-20', outcome }));
  const laterIcpc = withId('icpc-2', initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2020-11-02', heldOn: '2020-11-16' }));
  const noPlanIcpc = withId('icpc-np', initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2020-11-02', heldOn: '2020-11-16', outcome: 'no-plan' }));
  const planByRecord = withId('plan-1', planStarted({ childId: 'child-1', startDate: '2020-01-20' }));
  const planEnd = withId('plan-end-1', planEnded({ childId: 'child-1', planId: 'child-1:2020-01-20', endDate: '2020-06-15' }));
  const laterPlan = withId('plan-2', planStarted({ childId: 'child-1', startDate: '2020-10-01' }));

  const refusedNaming = (history: Parameters<typeof caseSpec.given>, eventId: string, dependents: string[]) => {
    const outcome = caseSpec.given(...history).when(voidRecord(eventId, '2021-03-02'));
    outcome.thenRejects('void-has-dependent-records');
    const message = 'violation' in outcome.decision ? outcome.decision.violation.message : '';
    expect(message).toMatch(/Void them first, latest first/);
    // the standing dependents, latest recorded first, and nothing else
    const named = [...message.matchAll(/([\w-]+) \((\w+)\)/g)].map((match) => match[1]).filter((id) => id !== eventId);
    expect(named).toEqual(dependents);
  };

  it("refuses a care start while the period's placements, legal statuses, reviews and ending stand, naming them latest first", () => {
    refusedNaming([registered, care, firstReview, placement, legalStatus, ended], 'care-1', ['end-1', 'legal-1', 'place-1', 'review-1']);
  });

  it('refuses a care ending while a later period of care stands, and through it that period', () => {
    refusedNaming([registered, care, ended, secondCare], 'end-1', ['care-2']);
    refusedNaming([registered, care, ended, secondCare], 'care-1', ['care-2', 'end-1']);
  });

  it('refuses a review while later reviews of the same period stand (their sequence and due dates came from it)', () => {
    refusedNaming([registered, care, firstReview, secondReview], 'review-1', ['review-2']);
  });

  it('voids the latest review, and then the one before it', () => {
    caseSpec.given(registered, care, firstReview, secondReview).when(voidRecord('review-2')).then(expect.objectContaining({ type: 'RecordVoided' }));
    caseSpec
      .given(registered, care, firstReview, secondReview, vr('review-2', 'ReviewHeld'))
      .when(voidRecord('review-1'))
      .then(expect.objectContaining({ type: 'RecordVoided' }));
  });

  it('an IRO allocation has no dependents', () => {
    const allocation = withId('iro-1', iroAllocated({ childId: 'child-1', iroId: 'iro-1', effectiveDate: '2020-01-07' }));
    caseSpec.given(registered, care, allocation, firstReview).when(voidRecord('iro-1')).then(expect.objectContaining({ type: 'RecordVoided' }));
  });

  it("refuses a plan start (initial conference) while the plan's review conferences and ending stand", () => {
    refusedNaming([registered, icpc, rcpc('rcpc-1', '2020-04-20'), rcpc('rcpc-2', '2020-10-19', 'plan-ended')], 'icpc-1', ['rcpc-2', 'rcpc-1']);
    refusedNaming([registered, planByRecord, planEnd], 'plan-1', ['plan-end-1']);
  });

  it('refuses a review conference while later review conferences of the plan stand', () => {
    refusedNaming([registered, icpc, rcpc('rcpc-1', '2020-04-20'), rcpc('rcpc-2', '2020-10-19')], 'rcpc-1', ['rcpc-2']);
  });

  it('refuses a review conference that ended the plan while a later plan or initial conference stands', () => {
    refusedNaming([registered, icpc, rcpc('rcpc-1', '2020-04-20', 'plan-ended'), laterIcpc], 'rcpc-1', ['icpc-2']);
    refusedNaming([registered, icpc, rcpc('rcpc-1', '2020-04-20', 'plan-ended'), noPlanIcpc], 'rcpc-1', ['icpc-np']);
  });

  it('refuses a plan ending while a later plan stands', () => {
    refusedNaming([registered, planByRecord, planEnd, laterPlan], 'plan-end-1', ['plan-2']);
  });

  it('a dependent already voided no longer counts', () => {
    caseSpec
      .given(registered, care, firstReview, vr('review-1', 'ReviewHeld'))
      .when(voidRecord('care-1'))
      .then(expect.objectContaining({ data: expect.objectContaining({ eventId: 'care-1', voidedType: 'CareStarted' }) }));
    caseSpec
      .given(registered, planByRecord, planEnd, laterPlan, vr('plan-2', 'ChildProtectionPlanStarted'))
      .when(voidRecord('plan-end-1'))
      .then(expect.objectContaining({ type: 'RecordVoided' }));
  });

  it('a registration has no dependents: it may be voided with records standing', () => {
    caseSpec.given(withId('reg-1', registered), care, firstReview).when(voidRecord('reg-1')).then(expect.objectContaining({ type: 'RecordVoided' }));
  });
});

describe('re-entering records after voiding them latest first', () => {
  const vr = (eventId: string, voidedType: string) => recordVoided({ eventId, voidedType, effectiveDate: '2021-03-01' });
  const secondReview = withId('review-2', reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-04-20', sequence: 2, dueBy: '2020-04-30' }));

  it('an earlier review is entered again once the later one is voided, then the later one again, measured from it', () => {
    const history = [registered, care, firstReview, secondReview, vr('review-2', 'ReviewHeld'), vr('review-1', 'ReviewHeld')];
    const first = caseSpec.given(...history).when(review('2020-02-01'));
    expect(first.decision).toEqual({
      events: [expect.objectContaining({ data: expect.objectContaining({ sequence: 1, dueBy: '2020-02-03', heldInTime: true, nextReviewDueBy: '2020-05-01' }) })],
    });
    const reentered = withId('review-1b', reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-02-01', sequence: 1, dueBy: '2020-02-03' }));
    const second = caseSpec.given(...history, reentered).when(review('2020-04-20'));
    expect(second.decision).toEqual({
      events: [expect.objectContaining({ data: expect.objectContaining({ sequence: 2, dueBy: '2020-05-01', heldInTime: true }) })],
    });
  });

  it('an earlier period of care is entered again once the later period and the ending are voided', () => {
    const ended = withId('end-1', careEnded({ childId: 'child-1', periodId: 'child-1:2020-01-06', endDate: '2020-06-01' }));
    const secondCare = withId('care-2', careStarted({ childId: 'child-1', startDate: '2020-09-07' }));
    const voided = [vr('care-2', 'CareStarted'), vr('end-1', 'CareEnded'), vr('care-1', 'CareStarted')];
    caseSpec.given(registered, care, ended, secondCare, ...voided.slice(0, 2)).when(voidRecord('care-1')).then(expect.objectContaining({ type: 'RecordVoided' }));
    const outcome = caseSpec
      .given(registered, care, ended, secondCare, ...voided)
      .when({ type: 'startCare', childId: 'child-1', startDate: '2020-01-07', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false });
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ data: expect.objectContaining({ periodId: 'child-1:2020-01-07' }) })] });
  });

  it('a plan ending voided after the later plan reopens the plan, which a review conference then reviews', () => {
    const planByRecord = withId('plan-1', planStarted({ childId: 'child-1', startDate: '2020-01-20' }));
    const planEnd = withId('plan-end-1', planEnded({ childId: 'child-1', planId: 'child-1:2020-01-20', endDate: '2020-06-15' }));
    const laterPlan = withId('plan-2', planStarted({ childId: 'child-1', startDate: '2020-10-01' }));
    const outcome = caseSpec
      .given(registered, planByRecord, planEnd, laterPlan, vr('plan-2', 'ChildProtectionPlanStarted'), vr('plan-end-1', 'ChildProtectionPlanEnded'))
      .when({ type: 'holdCPConference', childId: 'child-1', conferenceId: 'c-9', conferenceType: 'review', heldOn: '2020-04-20', chairIroId: 'iro-1', outcome: 'plan-continued' });
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ data: expect.objectContaining({ planId: 'child-1:2020-01-20' }) })] });
  });
});
