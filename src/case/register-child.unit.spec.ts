import { caseSpec } from '../testing/decider-specs';
import { careStarted, childRegistered, initialConferenceHeld, recordVoided, reviewHeld, SPEC_TODAY } from '../testing/oversight-history';
import { withId } from '../testing/given-when-then';

describe('registering a child', () => {
  it('registers a child with a date of birth, effective today', () => {
    caseSpec
      .given()
      .when({ type: 'registerChild', childId: 'child-1', dateOfBirth: '2012-06-01', sex: 'male', ethnicity: 'WBRI', familyId: 'fam-7' })
      .then({
        type: 'ChildRegistered',
        data: { childId: 'child-1', dateOfBirth: '2012-06-01', sex: 'male', ethnicity: 'WBRI', familyId: 'fam-7', effectiveDate: SPEC_TODAY },
      });
  });

  it('registers an unborn child with an expected date of birth, which may be in the future', () => {
    caseSpec
      .given()
      .when({ type: 'registerChild', childId: 'unborn-1', expectedDateOfBirth: '2021-07-15', sex: 'unknown' })
      .then({
        type: 'ChildRegistered',
        data: { childId: 'unborn-1', expectedDateOfBirth: '2021-07-15', sex: 'unknown', effectiveDate: SPEC_TODAY },
      });
  });

  it('refuses to register the same child twice', () => {
    caseSpec
      .given(childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01' }))
      .when({ type: 'registerChild', childId: 'child-1', dateOfBirth: '2012-06-01', sex: 'male' })
      .thenRejects('child-already-registered');
  });

  it('registers again once the first registration was voided as entered wrongly', () => {
    caseSpec
      .given(
        withId('reg-1', childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-10' })),
        recordVoided({ eventId: 'reg-1', voidedType: 'ChildRegistered', effectiveDate: '2020-01-05' }),
      )
      .when({ type: 'registerChild', childId: 'child-1', dateOfBirth: '2012-06-01', sex: 'male' })
      .then({
        type: 'ChildRegistered',
        data: { childId: 'child-1', dateOfBirth: '2012-06-01', sex: 'male', effectiveDate: SPEC_TODAY },
      });
  });

  it('needs a date of birth or an expected date of birth', () => {
    caseSpec.given().when({ type: 'registerChild', childId: 'child-1', sex: 'male' }).thenRejects('exactly-one-birth-date');
  });

  it('refuses both a date of birth and an expected date of birth', () => {
    caseSpec
      .given()
      .when({ type: 'registerChild', childId: 'child-1', dateOfBirth: '2020-06-01', expectedDateOfBirth: '2020-06-03', sex: 'male' })
      .thenRejects('exactly-one-birth-date');
  });

  it('refuses a date of birth after today', () => {
    caseSpec
      .given()
      .when({ type: 'registerChild', childId: 'child-1', dateOfBirth: '2021-04-01', sex: 'female' })
      .thenRejects('date-in-future');
  });

  it('accepts a date of birth of today', () => {
    const outcome = caseSpec.given().when({ type: 'registerChild', childId: 'child-1', dateOfBirth: SPEC_TODAY, sex: 'female' });
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'ChildRegistered' })] });
  });
});

describe('registering a child again after the registration was voided', () => {
  const reg = withId('reg-1', childRegistered({ childId: 'child-1', dateOfBirth: '2010-01-01' }));
  const voidedReg = recordVoided({ eventId: 'reg-1', voidedType: 'ChildRegistered', effectiveDate: '2021-01-04' });
  const care = withId('care-1', careStarted({ childId: 'child-1', startDate: '2020-01-06' }));
  const review = withId('rev-1', reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-01-30', sequence: 1, dueBy: '2020-02-03' }));
  const conference = withId('icpc-1', initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2019-12-02', heldOn: '2019-12-16' }));
  const again = (birth: { dateOfBirth?: string; expectedDateOfBirth?: string }) =>
    ({ type: 'registerChild' as const, childId: 'child-1', sex: 'female' as const, ...birth });
  const messageOf = (outcome: { decision: object }) => ('violation' in outcome.decision ? (outcome.decision as { violation: { message: string } }).violation.message : '');

  it('refuses a date of birth after a standing care start, naming the record', () => {
    const outcome = caseSpec.given(reg, care, review, voidedReg).when(again({ dateOfBirth: '2020-01-10' }));
    outcome.thenRejects('before-birth');
    expect(messageOf(outcome)).toBe(
      'The care start (record care-1), dated 2020-01-06, stands before the date of birth 2020-01-10. Correct the date of birth, or void that record first.',
    );
  });

  it('refuses an expected date of birth with records standing before it', () => {
    caseSpec.given(reg, care, voidedReg).when(again({ expectedDateOfBirth: '2021-06-01' })).thenRejects('before-birth');
  });

  it('allows a conference in the pregnancy, not more than a pregnancy before the birth', () => {
    caseSpec.given(reg, conference, voidedReg).when(again({ dateOfBirth: '2020-03-01' })).then(expect.objectContaining({ type: 'ChildRegistered' }));
    caseSpec.given(reg, conference, voidedReg).when(again({ dateOfBirth: '2020-12-01' })).thenRejects('before-birth');
  });

  it('refuses a date of birth that makes a standing care start one at 18 or over, naming the record', () => {
    const outcome = caseSpec.given(reg, care, voidedReg).when(again({ dateOfBirth: '2000-01-01' }));
    outcome.thenRejects('not-a-child');
    expect(messageOf(outcome)).toContain('care start (record care-1)');
  });

  it('refuses a date of birth that makes a standing K3 placement one for a child under 16', () => {
    const k3 = withId('k3-1', { type: 'PlacementChanged', data: { childId: 'child-1', effectiveDate: '2024-06-03', placementType: 'K3', placedOutsideLocalAuthority: false } } as const);
    const inCare = withId('care-2', careStarted({ childId: 'child-1', startDate: '2024-05-01' }));
    caseSpec.given(reg, inCare, k3, voidedReg).when(again({ dateOfBirth: '2009-01-01' }), { today: '2025-01-06' }).thenRejects('placement-age');
    caseSpec
      .given(reg, inCare, k3, voidedReg)
      .when(again({ dateOfBirth: '2008-01-01' }), { today: '2025-01-06' })
      .then(expect.objectContaining({ type: 'ChildRegistered' }));
  });

  it('refuses a date of birth that makes a standing review participation wrong for the age, naming the review', () => {
    const outcome = caseSpec.given(reg, care, review, voidedReg).when(again({ dateOfBirth: '2017-06-01' }));
    outcome.thenRejects('participation-age');
    expect(messageOf(outcome)).toContain('review review-2020-01-30 (record rev-1) on 2020-01-30 records participation PN1');
  });

  it('registers again when the standing records fit the new date of birth', () => {
    caseSpec.given(reg, care, review, voidedReg).when(again({ dateOfBirth: '2011-05-01' })).then(expect.objectContaining({ type: 'ChildRegistered' }));
  });

  it('a voided record is not checked', () => {
    const voidedCare = recordVoided({ eventId: 'care-1', voidedType: 'CareStarted', effectiveDate: '2021-01-04' });
    caseSpec.given(reg, care, voidedCare, voidedReg).when(again({ dateOfBirth: '2020-06-01' })).then(expect.objectContaining({ type: 'ChildRegistered' }));
  });
});
