import { CaseCommand } from './case-commands';
import { caseSpec } from '../testing/decider-specs';
import { withId } from '../testing/given-when-then';
import { careStarted, childRegistered, recordVoided, reviewHeld } from '../testing/oversight-history';

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
