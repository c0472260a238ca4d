import { flagOn } from '../testing/drift-documents';
import { OversightHistory } from '../testing/oversight-history';

describe('drift flag review-overdue', () => {
  // Care starts Mon 2 Dec 2019: the first review is due 20 working days later, across Christmas: Thu 2 Jan 2020.
  const inCare = () => {
    const given = new OversightHistory();
    given.childRegistered('c-1');
    given.careStarted('c-1', '2019-12-02');
    return given;
  };

  it('becomes true the day after the first review was due, and stays true with no further event', () => {
    const given = inCare();
    expect(flagOn(given, 'c-1', '2020-01-02', 'review-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-01-03', 'review-overdue')).toEqual({
      flag: 'review-overdue',
      since: '2020-01-03',
      reason: 'The looked-after review due by 2 January 2020 has not been held.',
      evidence: [{ eventIds: ['e2'], dates: { dueBy: '2020-01-02', countedFrom: '2019-12-02' } }],
    });
    expect(flagOn(given, 'c-1', '2020-09-30', 'review-overdue')?.since).toBe('2020-01-03');
  });

  it('ends when the review is held, then runs again from the second review due 3 months after the first', () => {
    const given = inCare();
    given.reviewHeld('c-1', '2020-01-10');
    expect(flagOn(given, 'c-1', '2020-01-09', 'review-overdue')?.since).toBe('2020-01-03');
    // as it stood on 9 January: the review of the 10th is not known yet
    expect(flagOn(given, 'c-1', '2020-01-09', 'review-overdue')).toMatchObject({
      reason: 'The looked-after review due by 2 January 2020 has not been held.',
      evidence: [{ eventIds: ['e2'], dates: { dueBy: '2020-01-02', countedFrom: '2019-12-02' } }],
    });
    expect(flagOn(given, 'c-1', '2020-01-10', 'review-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-04-10', 'review-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-04-11', 'review-overdue')?.since).toBe('2020-04-11');
  });

  it('uses 6-monthly intervals after the second review', () => {
    const given = inCare();
    given.reviewHeld('c-1', '2019-12-20');
    given.reviewHeld('c-1', '2020-03-19');
    expect(flagOn(given, 'c-1', '2020-09-19', 'review-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-09-20', 'review-overdue')?.since).toBe('2020-09-20');
  });

  it('is not true once the child has left care, nor under a short-break legal status (V3)', () => {
    const left = inCare();
    left.careEnded('c-1', '2020-02-01');
    expect(flagOn(left, 'c-1', '2020-01-20', 'review-overdue')).toBeDefined();
    expect(flagOn(left, 'c-1', '2020-02-01', 'review-overdue')).toBeUndefined();

    const shortBreaks = new OversightHistory();
    shortBreaks.careStarted('c-2', '2019-12-02', { legalStatus: 'V3' });
    expect(flagOn(shortBreaks, 'c-2', '2020-03-01', 'review-overdue')).toBeUndefined();
  });

  it('for a period begun as short breaks, runs from the first review due 20 working days after the child came off them', () => {
    // short breaks from Mon 8 Jan 2024, a care order from Mon 1 Jul 2024: the first review is due Mon 29 Jul, not 5 Feb
    const given = new OversightHistory();
    given.careStarted('c-3', '2024-01-08', { legalStatus: 'V3' });
    const careOrder = given.legalStatusChanged('c-3', '2024-07-01', 'C2');
    expect(flagOn(given, 'c-3', '2024-07-01', 'review-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-3', '2024-07-29', 'review-overdue')).toBeUndefined();
    expect(flagOn(given, 'c-3', '2024-07-30', 'review-overdue')).toEqual({
      flag: 'review-overdue',
      since: '2024-07-30',
      reason: 'The looked-after review due by 29 July 2024 has not been held.',
      evidence: [{ eventIds: [careOrder.id], dates: { dueBy: '2024-07-29', countedFrom: '2024-07-01' } }],
    });
  });

  it('comes back when the review that ended it is voided', () => {
    const given = inCare();
    const review = given.reviewHeld('c-1', '2019-12-20');
    given.voided(review);
    expect(flagOn(given, 'c-1', '2020-01-03', 'review-overdue')?.since).toBe('2020-01-03');
  });
});

describe('drift flag no-permanence-plan-at-second-review', () => {
  it('is true from a second review with no permanence plan until a later review records one', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-12-02');
    given.reviewHeld('c-1', '2019-12-20', { permanencePlanInPlace: false });
    expect(flagOn(given, 'c-1', '2020-01-01', 'no-permanence-plan-at-second-review')).toBeUndefined();
    given.reviewHeld('c-1', '2020-03-19', { permanencePlanInPlace: false });
    given.reviewHeld('c-1', '2020-09-10', { permanencePlanInPlace: true });

    expect(flagOn(given, 'c-1', '2020-03-18', 'no-permanence-plan-at-second-review')).toBeUndefined();
    expect(flagOn(given, 'c-1', '2020-03-19', 'no-permanence-plan-at-second-review')).toMatchObject({
      since: '2020-03-19',
      reason: 'No permanence plan was in place at the second review, on 19 March 2020.',
    });
    expect(flagOn(given, 'c-1', '2020-09-10', 'no-permanence-plan-at-second-review')).toBeUndefined();
  });

  it('is not true when the second review had a permanence plan or did not say', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-12-02');
    given.reviewHeld('c-1', '2019-12-20');
    given.reviewHeld('c-1', '2020-03-19');
    expect(flagOn(given, 'c-1', '2020-04-01', 'no-permanence-plan-at-second-review')).toBeUndefined();
  });
});

describe('drift flag not-visited-before-review', () => {
  it('is true from a review the IRO did not visit before until the next review', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-12-02');
    const review = given.reviewHeld('c-1', '2019-12-20', { iroVisitedBeforeReview: false });
    given.reviewHeld('c-1', '2020-03-19', { iroVisitedBeforeReview: true });

    expect(flagOn(given, 'c-1', '2019-12-20', 'not-visited-before-review')).toEqual({
      flag: 'not-visited-before-review',
      since: '2019-12-20',
      reason: 'The IRO did not visit the child before the review on 20 December 2019.',
      evidence: [{ eventIds: [review.id], dates: { reviewOn: '2019-12-20' } }],
    });
    expect(flagOn(given, 'c-1', '2020-03-19', 'not-visited-before-review')).toBeUndefined();
  });

  it('stands since the first of consecutive reviews the IRO did not visit before, with each of them as evidence', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-12-02');
    const first = given.reviewHeld('c-1', '2019-12-20', { iroVisitedBeforeReview: false });
    const second = given.reviewHeld('c-1', '2020-03-19', { iroVisitedBeforeReview: false });
    given.reviewHeld('c-1', '2020-09-10', { iroVisitedBeforeReview: true });

    expect(flagOn(given, 'c-1', '2020-04-01', 'not-visited-before-review')).toEqual({
      flag: 'not-visited-before-review',
      since: '2019-12-20',
      reason: 'The IRO did not visit the child before the reviews on 20 December 2019 and 19 March 2020.',
      evidence: [{ eventIds: [first.id, second.id], dates: { reviewOn: '2020-03-19', firstReviewOn: '2019-12-20' } }],
    });
    expect(flagOn(given, 'c-1', '2020-09-10', 'not-visited-before-review')).toBeUndefined();
  });

  it('names only the reviews held by the date asked, not a later one of the run', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2024-01-08');
    const first = given.reviewHeld('c-1', '2024-02-02', { iroVisitedBeforeReview: false });
    const second = given.reviewHeld('c-1', '2024-04-26', { iroVisitedBeforeReview: false });

    expect(flagOn(given, 'c-1', '2024-03-01', 'not-visited-before-review')).toEqual({
      flag: 'not-visited-before-review',
      since: '2024-02-02',
      reason: 'The IRO did not visit the child before the review on 2 February 2024.',
      evidence: [{ eventIds: [first.id], dates: { reviewOn: '2024-02-02' } }],
    });
    expect(flagOn(given, 'c-1', '2024-04-26', 'not-visited-before-review')).toEqual({
      flag: 'not-visited-before-review',
      since: '2024-02-02',
      reason: 'The IRO did not visit the child before the reviews on 2 February 2024 and 26 April 2024.',
      evidence: [{ eventIds: [first.id, second.id], dates: { reviewOn: '2024-04-26', firstReviewOn: '2024-02-02' } }],
    });
  });

  it('starts again at a review not visited after one that was', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-12-02');
    given.reviewHeld('c-1', '2019-12-20', { iroVisitedBeforeReview: false });
    given.reviewHeld('c-1', '2020-03-19', { iroVisitedBeforeReview: true });
    given.reviewHeld('c-1', '2020-09-10', { iroVisitedBeforeReview: false });
    expect(flagOn(given, 'c-1', '2020-10-01', 'not-visited-before-review')?.since).toBe('2020-09-10');
  });

  it('is not true for an imported review whose visit is not known', () => {
    const given = new OversightHistory();
    given.careStarted('c-1', '2019-12-02');
    given.reviewHeld('c-1', '2019-12-20', { iroVisitedBeforeReview: null });
    expect(flagOn(given, 'c-1', '2020-01-01', 'not-visited-before-review')).toBeUndefined();
  });
});
