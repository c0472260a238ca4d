import { caseSpec } from '../testing/decider-specs';
import { childRegistered, recordVoided, SPEC_TODAY } from '../testing/oversight-history';
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
