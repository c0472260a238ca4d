import { CaseCommand } from './case-commands';
import { caseSpec } from '../testing/decider-specs';
import { careStarted, childRegistered, initialConferenceHeld, planStarted } from '../testing/oversight-history';

const review = (heldOn: string): CaseCommand => ({
  type: 'holdReview', childId: 'child-1', reviewId: 'r-1', heldOn, chairIroId: 'iro-1',
  participation: 'PN1', iroVisitedBeforeReview: true,
});
const commandsDatedOn = (date: string): Record<string, CaseCommand> => ({
  'care start': {
    type: 'startCare', childId: 'child-1', startDate: date, legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false,
  },
  'placement change': {
    type: 'changePlacement', childId: 'child-1', effectiveDate: date, placementType: 'U5', placedOutsideLocalAuthority: true,
  },
  'legal status change': { type: 'changeLegalStatus', childId: 'child-1', effectiveDate: date, legalStatus: 'C1' },
  'care ending': { type: 'endCare', childId: 'child-1', endDate: date, reasonCeased: 'E11' },
  review: review(date),
  'IRO allocation': { type: 'allocateIro', childId: 'child-1', iroId: 'iro-2', effectiveDate: date },
  'initial conference': {
    type: 'holdCPConference', childId: 'child-1', conferenceId: 'c-1', conferenceType: 'initial', heldOn: date,
    strategyDiscussionOn: date, chairIroId: 'iro-1', outcome: 'plan-started', categoryOfAbuse: 'NEG',
  },
  'plan start': { type: 'startChildProtectionPlan', childId: 'child-1', startDate: date, categoryOfAbuse: 'PHY' },
  'plan ending': { type: 'endChildProtectionPlan', childId: 'child-1', endDate: date },
  void: { type: 'voidRecord', childId: 'child-1', eventId: 'given-1', reason: 'entered in error', voidedOn: date },
});

describe('records need a registered child', () => {
  it.each(Object.entries(commandsDatedOn('2020-05-01')))('refuses a %s for an unregistered child', (_what, command) => {
    caseSpec.given().when(command).thenRejects('child-not-registered');
  });
});

describe('records dated after today', () => {
  it.each(Object.entries(commandsDatedOn('2021-04-01')))('refuses a %s dated after today', (_what, command) => {
    caseSpec
      .given(childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01' }), careStarted({ childId: 'child-1', startDate: '2020-01-06' }))
      .when(command)
      .thenRejects('date-in-future');
  });
});

describe("records dated before the child's birth", () => {
  const born = childRegistered({ childId: 'child-1', dateOfBirth: '2018-03-01' });
  const twoDaysBeforeBirth = commandsDatedOn('2018-02-27');
  it.each(['care start', 'placement change', 'legal status change', 'care ending', 'review'])(
    'refuses a %s before a born child was born',
    (what) => {
      caseSpec.given(born).when(twoDaysBeforeBirth[what]).thenRejects('before-birth');
    },
  );

  it('allows a pre-birth conference and IRO allocation for a child born since', () => {
    expect(caseSpec.given(born).when(twoDaysBeforeBirth['initial conference']).decision).toEqual({
      events: [expect.objectContaining({ type: 'CPConferenceHeld' })],
    });
    expect(caseSpec.given(born).when(twoDaysBeforeBirth['IRO allocation']).decision).toEqual({
      events: [expect.objectContaining({ type: 'IroAllocated' })],
    });
  });

  it.each(['initial conference', 'plan start', 'IRO allocation'])(
    'refuses a %s dated more than a pregnancy (280 days) before the birth',
    (what) => {
      caseSpec.given(born).when(commandsDatedOn('2017-05-24')[what]).thenRejects('before-birth');
    },
  );

  const unborn = childRegistered({ childId: 'child-1', expectedDateOfBirth: '2021-05-20' });
  const beforeExpectedBirth = commandsDatedOn('2021-01-12');

  it.each(['care start', 'placement change', 'legal status change', 'care ending', 'review'])(
    'refuses a %s before an unborn child is expected',
    (what) => {
      caseSpec.given(unborn).when(beforeExpectedBirth[what]).thenRejects('before-birth');
    },
  );

  it('allows an initial conference for an unborn child (a pre-birth conference)', () => {
    const outcome = caseSpec.given(unborn).when(beforeExpectedBirth['initial conference']);
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'CPConferenceHeld' })] });
  });

  it('allows a review conference and a plan ending for an unborn child on a plan', () => {
    const onPlan = [unborn, initialConferenceHeld({ childId: 'child-1', strategyDiscussionOn: '2020-12-01', heldOn: '2020-12-15' })];
    const reviewConference = caseSpec.given(...onPlan).when({
      type: 'holdCPConference', childId: 'child-1', conferenceId: 'c-2', conferenceType: 'review', heldOn: '2021-03-01',
      chairIroId: 'iro-1', outcome: 'plan-continued',
    });
    expect(reviewConference.decision).toEqual({ events: [expect.objectContaining({ type: 'CPConferenceHeld' })] });
    const ending = caseSpec.given(...onPlan).when(beforeExpectedBirth['plan ending']);
    expect(ending.decision).toEqual({ events: [expect.objectContaining({ type: 'ChildProtectionPlanEnded' })] });
  });

  it('allows a plan start and an IRO allocation for an unborn child', () => {
    expect(caseSpec.given(unborn).when(beforeExpectedBirth['plan start']).decision).toEqual({
      events: [expect.objectContaining({ type: 'ChildProtectionPlanStarted' })],
    });
    caseSpec
      .given(unborn)
      .when(beforeExpectedBirth['IRO allocation'])
      .then({ type: 'IroAllocated', data: { childId: 'child-1', iroId: 'iro-2', effectiveDate: '2021-01-12' } });
  });

  it('allows care to start on the expected date of birth', () => {
    const outcome = caseSpec
      .given(childRegistered({ childId: 'child-1', expectedDateOfBirth: '2021-03-20' }))
      .when(commandsDatedOn('2021-03-20')['care start']);
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'CareStarted' })] });
  });

  it('still refuses a plan ending for an unborn child dated after today', () => {
    caseSpec
      .given(unborn, planStarted({ childId: 'child-1', startDate: '2021-01-04' }))
      .when(commandsDatedOn('2021-04-01')['plan ending'])
      .thenRejects('date-in-future');
  });
});

describe('allocating an IRO', () => {
  it('records the allocation on its effective date', () => {
    caseSpec
      .given(childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01' }))
      .when({ type: 'allocateIro', childId: 'child-1', iroId: 'iro-9', effectiveDate: '2020-02-03' })
      .then({ type: 'IroAllocated', data: { childId: 'child-1', iroId: 'iro-9', effectiveDate: '2020-02-03' } });
  });
});
