import { CaseCommand } from './case-commands';
import { caseSpec } from '../testing/decider-specs';
import { careEnded, careStarted, childRegistered, reviewHeld } from '../testing/oversight-history';
import { withId } from '../testing/given-when-then';

const registered = childRegistered({ childId: 'child-1', dateOfBirth: '2012-06-01' });
const review = (heldOn: string, extra: Partial<Extract<CaseCommand, { type: 'holdReview' }>> = {}): CaseCommand => ({
  type: 'holdReview', childId: 'child-1', reviewId: `r-${heldOn}`, heldOn, chairIroId: 'iro-3', participation: 'PN1',
  iroVisitedBeforeReview: true, ...extra,
});

describe('the first looked-after review', () => {
  // care from Mon 20 Apr 2020: the first review is due Tue 19 May (Fri 8 May was the bank holiday)
  const inCare = [registered, careStarted({ childId: 'child-1', startDate: '2020-04-20' })];

  it('is in time on its due date, and sets the second 3 months on', () => {
    caseSpec
      .given(...inCare)
      .when(review('2020-05-19', { permanencePlanInPlace: false }))
      .then({
        type: 'ReviewHeld',
        data: {
          childId: 'child-1', reviewId: 'r-2020-05-19', periodId: 'child-1:2020-04-20', heldOn: '2020-05-19', chairIroId: 'iro-3',
          participation: 'PN1', iroVisitedBeforeReview: true, permanencePlanInPlace: false, sequence: 1, dueBy: '2020-05-19',
          heldInTime: true, nextReviewDueBy: '2020-08-19', effectiveDate: '2020-05-19',
        },
      });
  });

  it('is late the day after its due date, and keeps the late reason', () => {
    caseSpec
      .given(...inCare)
      .when(review('2020-05-20', { lateReason: 'IRO sickness', iroVisitedBeforeReview: false }))
      .then({
        type: 'ReviewHeld',
        data: {
          childId: 'child-1', reviewId: 'r-2020-05-20', periodId: 'child-1:2020-04-20', heldOn: '2020-05-20', chairIroId: 'iro-3',
          participation: 'PN1', iroVisitedBeforeReview: false, lateReason: 'IRO sickness', sequence: 1, dueBy: '2020-05-19',
          heldInTime: false, nextReviewDueBy: '2020-08-20', effectiveDate: '2020-05-20',
        },
      });
  });
});

describe('the second looked-after review', () => {
  it('is due 3 calendar months after the first: 31 Jan -> 30 Apr', () => {
    caseSpec
      .given(
        registered,
        careStarted({ childId: 'child-1', startDate: '2020-01-06' }),
        reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-01-31', sequence: 1, dueBy: '2020-02-03' }),
      )
      .when(review('2020-04-30'))
      .then({
        type: 'ReviewHeld',
        data: {
          childId: 'child-1', reviewId: 'r-2020-04-30', periodId: 'child-1:2020-01-06', heldOn: '2020-04-30', chairIroId: 'iro-3',
          participation: 'PN1', iroVisitedBeforeReview: true, sequence: 2, dueBy: '2020-04-30', heldInTime: true,
          nextReviewDueBy: '2020-10-30', effectiveDate: '2020-04-30',
        },
      });
  });

  it('is due on 29 Feb 2020 after a first review on 30 Nov 2019, and late on 1 March', () => {
    const outcome = caseSpec
      .given(
        registered,
        careStarted({ childId: 'child-1', startDate: '2019-11-04' }),
        reviewHeld({ childId: 'child-1', periodId: 'child-1:2019-11-04', heldOn: '2019-11-30', sequence: 1, dueBy: '2019-12-02' }),
      )
      .when(review('2020-03-01'));
    expect(outcome.decision).toEqual({
      events: [
        expect.objectContaining({
          data: expect.objectContaining({ sequence: 2, dueBy: '2020-02-29', heldInTime: false, nextReviewDueBy: '2020-09-01' }),
        }),
      ],
    });
  });
});

describe('later looked-after reviews', () => {
  const afterTwoReviews = [
    registered,
    careStarted({ childId: 'child-1', startDate: '2019-04-01' }),
    reviewHeld({ childId: 'child-1', periodId: 'child-1:2019-04-01', heldOn: '2019-04-26', sequence: 1, dueBy: '2019-05-01' }),
    reviewHeld({ childId: 'child-1', periodId: 'child-1:2019-04-01', heldOn: '2019-08-31', sequence: 2, dueBy: '2019-07-26' }),
  ];

  it('fall due 6 months after the previous one: 31 Aug 2019 -> 29 Feb 2020', () => {
    const outcome = caseSpec.given(...afterTwoReviews).when(review('2020-02-29'));
    expect(outcome.decision).toEqual({
      events: [
        expect.objectContaining({
          data: expect.objectContaining({ sequence: 3, dueBy: '2020-02-29', heldInTime: true, nextReviewDueBy: '2020-08-29' }),
        }),
      ],
    });
  });

  it('refuses a review dated before the last review of the period', () => {
    caseSpec.given(...afterTwoReviews).when(review('2019-08-30')).thenRejects('review-before-last-review');
    expect(caseSpec.given(...afterTwoReviews).when(review('2019-08-30')).decision).toEqual({
      violation: { rule: 'review-before-last-review', message: expect.stringContaining('void the later reviews first (latest first), enter it') },
    });
  });
});

describe('reviews need the child in care on the review date', () => {
  it('refuses a review for a child never in care', () => {
    caseSpec.given(registered).when(review('2020-05-19')).thenRejects('not-in-care');
  });

  it('refuses a review dated before the current period of care started', () => {
    caseSpec
      .given(registered, careStarted({ childId: 'child-1', startDate: '2020-04-20' }))
      .when(review('2020-04-17'))
      .thenRejects('not-in-care');
  });

  it('refuses a review dated on the day care ended', () => {
    caseSpec
      .given(
        registered,
        careStarted({ childId: 'child-1', startDate: '2020-01-06' }),
        careEnded({ childId: 'child-1', periodId: 'child-1:2020-01-06', endDate: '2020-03-10' }),
      )
      .when(review('2020-03-10'))
      .thenRejects('not-in-care');
  });

  it('accepts a review recorded after the child left care, in the period it was held in', () => {
    const outcome = caseSpec
      .given(
        registered,
        careStarted({ childId: 'child-1', startDate: '2020-01-06' }),
        careEnded({ childId: 'child-1', periodId: 'child-1:2020-01-06', endDate: '2020-03-10' }),
        careStarted({ childId: 'child-1', startDate: '2020-03-20' }),
      )
      .when(review('2020-02-03'));
    expect(outcome.decision).toEqual({
      events: [
        expect.objectContaining({
          data: expect.objectContaining({ periodId: 'child-1:2020-01-06', sequence: 1, dueBy: '2020-02-03', heldInTime: true }),
        }),
      ],
    });
  });
});

describe('participation and age (DfE rules 440/441)', () => {
  const youngChildInCare = [
    childRegistered({ childId: 'child-1', dateOfBirth: '2016-03-02' }),
    careStarted({ childId: 'child-1', startDate: '2020-01-06' }),
  ];

  it('records PN0 for a child under 4 on the review date', () => {
    const outcome = caseSpec.given(...youngChildInCare).when(review('2020-02-03', { participation: 'PN0' }));
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ data: expect.objectContaining({ participation: 'PN0' }) })] });
  });

  it('refuses any other code for a child under 4', () => {
    caseSpec.given(...youngChildInCare).when(review('2020-03-01', { participation: 'PN5' })).thenRejects('participation-age');
  });

  it('refuses PN0 for a child who is 4 on the review date', () => {
    caseSpec.given(...youngChildInCare).when(review('2020-03-02', { participation: 'PN0' })).thenRejects('participation-age');
  });

  it('records another code for a child who turned 4 that day', () => {
    const outcome = caseSpec.given(...youngChildInCare).when(review('2020-03-02', { participation: 'PN7' }));
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ data: expect.objectContaining({ participation: 'PN7' }) })] });
  });

  it("counts age from the expected date of birth for a child registered unborn", () => {
    caseSpec
      .given(
        childRegistered({ childId: 'child-1', expectedDateOfBirth: '2019-09-01' }),
        careStarted({ childId: 'child-1', startDate: '2019-09-03' }),
      )
      .when(review('2019-10-01', { participation: 'PN1' }))
      .thenRejects('participation-age');
  });
});

describe('a review id is recorded once for a child', () => {
  const care = careStarted({ childId: 'child-1', startDate: '2020-01-06' });
  const first = { ...reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-01-31', sequence: 1, dueBy: '2020-02-03', reviewId: 'R-1' }), id: 'rev-1' };

  it('refuses a review whose id a standing review of the child already has, naming it', () => {
    const outcome = caseSpec.given(registered, care, first).when(review('2020-04-20', { reviewId: 'R-1' }));
    outcome.thenRejects('review-already-recorded');
    expect(outcome.decision).toEqual({
      violation: expect.objectContaining({ message: expect.stringContaining('Review R-1 is already recorded for this child, held on 2020-01-31 (record rev-1)') }),
    });
  });

  it('accepts the id again once that review is voided', () => {
    const voided = { type: 'RecordVoided' as const, data: { eventId: 'rev-1', voidedType: 'ReviewHeld', reason: 'wrong date', effectiveDate: '2020-02-01' } };
    caseSpec
      .given(registered, care, first, voided)
      .when(review('2020-02-01', { reviewId: 'R-1' }))
      .then(expect.objectContaining({ data: expect.objectContaining({ reviewId: 'R-1', sequence: 1 }) }));
  });
});

describe('the first looked-after review of a period that began as short breaks (V3, V4)', () => {
  // short breaks from Mon 6 Jan 2020, a care order from Mon 1 Jun 2020: the child becomes looked after for
  // reviews on 1 June (reg 33), so the first review is due 20 working days on, Mon 29 Jun; not 3 Feb
  const shortBreaksThenCareOrder = [
    registered,
    careStarted({ childId: 'child-1', startDate: '2020-01-06', legalStatus: 'V3', placementType: 'U4' }),
    { type: 'LegalStatusChanged' as const, data: { childId: 'child-1', legalStatus: 'C2' as const, effectiveDate: '2020-06-01' } },
  ];

  it('is due 20 working days after the legal status stopped being short breaks', () => {
    caseSpec
      .given(...shortBreaksThenCareOrder)
      .when(review('2020-06-29'))
      .then({
        type: 'ReviewHeld',
        data: {
          childId: 'child-1', reviewId: 'r-2020-06-29', periodId: 'child-1:2020-01-06', heldOn: '2020-06-29', chairIroId: 'iro-3',
          participation: 'PN1', iroVisitedBeforeReview: true, sequence: 1, dueBy: '2020-06-29', heldInTime: true,
          nextReviewDueBy: '2020-09-29', effectiveDate: '2020-06-29',
        },
      });
  });

  it('counts from the earliest day off short breaks, whatever order the legal statuses were recorded in', () => {
    caseSpec
      .given(
        ...shortBreaksThenCareOrder,
        { type: 'LegalStatusChanged' as const, data: { childId: 'child-1', legalStatus: 'C1' as const, effectiveDate: '2020-05-04' } },
      )
      .when(review('2020-06-04'))
      .then({
        type: 'ReviewHeld',
        data: {
          childId: 'child-1', reviewId: 'r-2020-06-04', periodId: 'child-1:2020-01-06', heldOn: '2020-06-04', chairIroId: 'iro-3',
          participation: 'PN1', iroVisitedBeforeReview: true, sequence: 1, dueBy: '2020-06-03', heldInTime: false,
          nextReviewDueBy: '2020-09-04', effectiveDate: '2020-06-04',
        },
      });
  });
});

describe('what the first review of a period begun as short breaks stands on', () => {
  const begunAsShortBreaks = [
    registered,
    careStarted({ childId: 'child-1', startDate: '2020-01-06', legalStatus: 'V3', placementType: 'U4' }),
    withId('care-order', { type: 'LegalStatusChanged' as const, data: { childId: 'child-1', legalStatus: 'C2' as const, effectiveDate: '2020-06-01' } }),
    withId('first-review', reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-06-20', sequence: 1, dueBy: '2020-06-29' })),
  ];

  it('refuses a legal status off short breaks dated before the day that review was counted from: it would move its due date', () => {
    caseSpec
      .given(...begunAsShortBreaks)
      .when({ type: 'changeLegalStatus', childId: 'child-1', effectiveDate: '2020-05-04', legalStatus: 'C1' })
      .thenRejects('review-due-date-would-move');
  });

  it('takes a legal status off short breaks dated after it, or one back to short breaks', () => {
    const later = caseSpec.given(...begunAsShortBreaks).when({ type: 'changeLegalStatus', childId: 'child-1', effectiveDate: '2020-07-01', legalStatus: 'C1' });
    expect(later.decision).toMatchObject({ events: [{ type: 'LegalStatusChanged' }] });
  });

  it('refuses to void the legal status the review was counted from while the review stands', () => {
    caseSpec
      .given(...begunAsShortBreaks)
      .when({ type: 'voidRecord', childId: 'child-1', eventId: 'care-order', reason: 'wrong date', voidedOn: '2020-07-01' })
      .thenRejects('void-has-dependent-records');
  });
});

describe('one looked-after review a day', () => {
  const reviewed = [
    registered,
    careStarted({ childId: 'child-1', startDate: '2020-01-06' }),
    reviewHeld({ childId: 'child-1', periodId: 'child-1:2020-01-06', heldOn: '2020-01-31', sequence: 1, dueBy: '2020-02-03' }),
  ];

  it('refuses a second review on the day of the last one: the same meeting entered twice would move the next due date 3 months on', () => {
    const outcome = caseSpec.given(...reviewed).when(review('2020-01-31', { reviewId: 'r-again' }));
    expect(outcome.decision).toEqual({
      violation: { rule: 'review-same-day', message: expect.stringContaining('void that record first') },
    });
  });

  it('accepts the next review the day after', () => {
    const outcome = caseSpec.given(...reviewed).when(review('2020-02-01'));
    expect(outcome.decision).toEqual({ events: [expect.objectContaining({ type: 'ReviewHeld' })] });
  });
});
