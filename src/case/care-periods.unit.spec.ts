import { caseSpec } from '../testing/decider-specs';
import { careEnded, careStarted, childRegistered, reviewHeld } from '../testing/oversight-history';

const registered = childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01' });

describe('starting care', () => {
  it('starts a period of care with its first placement; the first review is due 20 working days on, across 8 May 2020', () => {
    caseSpec
      .given(registered)
      .when({
        type: 'startCare', childId: 'child-1', startDate: '2020-04-20', legalStatus: 'C1', placementType: 'U4',
        placedOutsideLocalAuthority: true, categoryOfNeed: 'N1',
      })
      .then({
        type: 'CareStarted',
        data: {
          childId: 'child-1', periodId: 'child-1:2020-04-20', startDate: '2020-04-20', legalStatus: 'C1', placementType: 'U4',
          placedOutsideLocalAuthority: true, categoryOfNeed: 'N1', firstReviewDueBy: '2020-05-19', effectiveDate: '2020-04-20',
        },
      });
  });

  it('refuses care starting while the child is in care', () => {
    caseSpec
      .given(registered, careStarted({ childId: 'child-1', startDate: '2020-01-06' }))
      .when({ type: 'startCare', childId: 'child-1', startDate: '2020-03-02', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false })
      .thenRejects('already-in-care');
  });

  const leftCare = [
    registered,
    careStarted({ childId: 'child-1', startDate: '2019-01-07' }),
    careEnded({ childId: 'child-1', periodId: 'child-1:2019-01-07', endDate: '2019-06-03' }),
  ];

  it('refuses a new period of care starting before the last one ended', () => {
    caseSpec
      .given(...leftCare)
      .when({ type: 'startCare', childId: 'child-1', startDate: '2019-05-01', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false })
      .thenRejects('care-start-before-last-care-end');
  });

  it('refuses a new period of care on the day the last one ended (DfE rule 431)', () => {
    caseSpec
      .given(...leftCare)
      .when({ type: 'startCare', childId: 'child-1', startDate: '2019-06-03', legalStatus: 'V2', placementType: 'U1', placedOutsideLocalAuthority: false })
      .thenRejects('care-restart-same-day');
  });

  it('starts a new period of care the day after the last one ended', () => {
    const outcome = caseSpec
      .given(...leftCare)
      .when({ type: 'startCare', childId: 'child-1', startDate: '2019-06-04', legalStatus: 'V2', placementType: 'U1', placedOutsideLocalAuthority: false });
    expect(outcome.decision).toEqual({
      events: [expect.objectContaining({ type: 'CareStarted', data: expect.objectContaining({ periodId: 'child-1:2019-06-04', firstReviewDueBy: '2019-07-02' }) })],
    });
  });
});

describe('placements and legal statuses', () => {
  const inCare = [registered, careStarted({ childId: 'child-1', startDate: '2020-01-06' })];

  it('records a placement change while the child is in care', () => {
    caseSpec
      .given(...inCare)
      .when({ type: 'changePlacement', childId: 'child-1', effectiveDate: '2020-02-10', placementType: 'K2', placedOutsideLocalAuthority: true, reasonForChange: 'CREQB' })
      .then({
        type: 'PlacementChanged',
        data: { childId: 'child-1', placementType: 'K2', placedOutsideLocalAuthority: true, reasonForChange: 'CREQB', effectiveDate: '2020-02-10' },
      });
  });

  it('records a legal status change while the child is in care', () => {
    caseSpec
      .given(...inCare)
      .when({ type: 'changeLegalStatus', childId: 'child-1', effectiveDate: '2020-03-02', legalStatus: 'C2' })
      .then({ type: 'LegalStatusChanged', data: { childId: 'child-1', legalStatus: 'C2', effectiveDate: '2020-03-02' } });
  });

  it('refuses a placement change for a child never in care', () => {
    caseSpec
      .given(registered)
      .when({ type: 'changePlacement', childId: 'child-1', effectiveDate: '2020-02-10', placementType: 'K2', placedOutsideLocalAuthority: false })
      .thenRejects('not-in-care');
  });

  it('refuses a placement change dated before the current period of care started', () => {
    caseSpec
      .given(...inCare)
      .when({ type: 'changePlacement', childId: 'child-1', effectiveDate: '2020-01-03', placementType: 'K2', placedOutsideLocalAuthority: false })
      .thenRejects('not-in-care');
  });

  it('refuses a legal status change dated on or after the day care ended', () => {
    caseSpec
      .given(...inCare, careEnded({ childId: 'child-1', periodId: 'child-1:2020-01-06', endDate: '2020-03-31' }))
      .when({ type: 'changeLegalStatus', childId: 'child-1', effectiveDate: '2020-03-31', legalStatus: 'C2' })
      .thenRejects('not-in-care');
  });

  it('accepts a placement change recorded late for a period of care that has since ended', () => {
    const outcome = caseSpec
      .given(...inCare, careEnded({ childId: 'child-1', periodId: 'child-1:2020-01-06', endDate: '2020-03-31' }))
      .when({ type: 'changePlacement', childId: 'child-1', effectiveDate: '2020-03-16', placementType: 'U6', placedOutsideLocalAuthority: false });
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'PlacementChanged' })] });
  });
});

describe('ending care', () => {
  const inCare = [registered, careStarted({ childId: 'child-1', startDate: '2020-01-06' })];

  it('ends the current period of care', () => {
    caseSpec
      .given(...inCare)
      .when({ type: 'endCare', childId: 'child-1', endDate: '2020-03-31', reasonCeased: 'E41' })
      .then({
        type: 'CareEnded',
        data: { childId: 'child-1', periodId: 'child-1:2020-01-06', endDate: '2020-03-31', reasonCeased: 'E41', effectiveDate: '2020-03-31' },
      });
  });

  it('refuses a care ending for a child not in care', () => {
    caseSpec
      .given(...inCare, careEnded({ childId: 'child-1', periodId: 'child-1:2020-01-06', endDate: '2020-03-31' }))
      .when({ type: 'endCare', childId: 'child-1', endDate: '2020-04-30', reasonCeased: 'E11' })
      .thenRejects('not-in-care');
  });

  it('refuses a care ending dated before the period started', () => {
    caseSpec
      .given(...inCare)
      .when({ type: 'endCare', childId: 'child-1', endDate: '2020-01-03', reasonCeased: 'E11' })
      .thenRejects('not-in-care');
  });

  it('refuses a care ending dated before a review recorded in the period', () => {
    caseSpec
      .given(...inCare, reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-02-03', sequence: 1, dueBy: '2020-02-03' }))
      .when({ type: 'endCare', childId: 'child-1', endDate: '2020-02-01', reasonCeased: 'E11' })
      .thenRejects('care-end-before-last-record');
  });
});

describe('a period of care found late, older than the ones recorded', () => {
  const startOn = (startDate: string) =>
    ({ type: 'startCare', childId: 'child-1', startDate, legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }) as const;

  it('is refused while the later period is open, saying that periods are entered in order and how to add it', () => {
    const outcome = caseSpec.given(registered, careStarted({ childId: 'child-1', startDate: '2020-06-02' })).when(startOn('2019-01-08'));
    expect(outcome.decision).toEqual({
      violation: {
        rule: 'already-in-care',
        message: expect.stringMatching(/open period of care started on 2020-06-02.*void the later period's records first/),
      },
    });
  });

  it('is refused before a period that has ended, saying how to add it', () => {
    const outcome = caseSpec
      .given(registered, careStarted({ childId: 'child-1', startDate: '2020-06-02' }), careEnded({ childId: 'child-1', periodId: 'child-1:2020-06-02', endDate: '2020-09-01' }))
      .when(startOn('2019-01-08'));
    expect(outcome.decision).toEqual({
      violation: { rule: 'care-start-before-last-care-end', message: expect.stringContaining("void the later period's records first") },
    });
  });
});

describe('a young person of 18 or over (Children Act 1989 s105: a child is under 18)', () => {
  // born 1 June 2001: 18 on 1 June 2019
  const adult = childRegistered({ childId: 'child-1', dateOfBirth: '2001-06-01' });
  const startOn = (startDate: string) =>
    ({ type: 'startCare', childId: 'child-1', startDate, legalStatus: 'V2', placementType: 'U4', placedOutsideLocalAuthority: false }) as const;

  it('cannot start to be looked after on or after the 18th birthday', () => {
    const outcome = caseSpec.given(adult).when(startOn('2019-06-01'));
    expect(outcome.decision).toEqual({ violation: { rule: 'not-a-child', message: expect.stringContaining('18 on 2019-06-01') } });
  });

  it('is 18 on 1 March when born on 29 February, in a year without one', () => {
    const leapling = childRegistered({ childId: 'child-1', dateOfBirth: '2000-02-29' });
    expect(caseSpec.given(leapling).when(startOn('2018-02-28')).decision).toEqual({ events: [expect.objectContaining({ type: 'CareStarted' })] });
    expect(caseSpec.given(leapling).when(startOn('2018-03-01')).decision).toEqual({
      violation: { rule: 'not-a-child', message: expect.stringContaining('18 on 2018-03-01') },
    });
  });

  it('may start to be looked after the day before', () => {
    expect(caseSpec.given(adult).when(startOn('2019-05-31')).decision).toEqual({ events: [expect.objectContaining({ type: 'CareStarted' })] });
  });
});
