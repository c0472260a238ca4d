import { ageOn } from '../calendar/calendar-months';
import { accept, Decision, DecisionContext } from '../decision/decision';
import { nextReviewDueDate } from '../timescales/looked-after-reviews';
import { CaseCommand } from './case-commands';
import { refuseCase } from './case-rules';
import { birthDateOf, CaseState, periodOn, standingRecordsOf } from './case-state';
import { notInCareOn } from './care-periods';
import { reviewOnShortBreaks } from './dfe-guards';

type HoldReview = Extract<CaseCommand, { type: 'holdReview' }>;

/** Participation code PN0 means "under 4 on the review date" (DfE validation rules 440/441). */
const UNDER_FOUR = 'PN0';

/**
 * Records a looked-after review in the period of care the child was in on `heldOn`, with
 * the due date it is measured against, whether it was held in time, and when the next is due.
 */
export function holdReview(command: HoldReview, state: CaseState, context: DecisionContext): Decision {
  const { childId, reviewId, heldOn, chairIroId, participation, iroVisitedBeforeReview, permanencePlanInPlace, lateReason } =
    command;
  const refused = notInCareOn(state, 'review', heldOn, context);
  if (refused) return refused;
  const sameId = standingRecordsOf(state).find((record) => record.type === 'ReviewHeld' && record.reviewId === reviewId);
  if (sameId) {
    return refuseCase(
      'review-already-recorded',
      `Review ${reviewId} is already recorded for this child, held on ${sameId.date}` +
        `${sameId.eventId ? ` (record ${sameId.eventId})` : ''}; give this review its own id, or void that record first to enter it anew.`,
    );
  }
  const period = periodOn(state, heldOn)!;
  const shortBreaks = reviewOnShortBreaks(period, heldOn, standingRecordsOf(state));
  if (shortBreaks) return shortBreaks;
  if (period.reviews.lastHeldOn === heldOn) {
    const last = state.recordLinks.periods[period.periodId]?.lastReviewId;
    return refuseCase(
      'review-same-day',
      `A review of this period of care is already recorded on ${heldOn}${last ? ` (record ${last})` : ''}: a period of care has one ` +
        'review a day, and the same meeting entered twice would move the next due date on. If that record is wrong, void that record first ' +
        'and enter the review anew.',
    );
  }
  if (period.reviews.lastHeldOn && heldOn < period.reviews.lastHeldOn) {
    return refuseCase(
      'review-before-last-review',
      `The review is dated ${heldOn}, before the last review of this period of care on ${period.reviews.lastHeldOn}: reviews are ` +
        'entered in the order they were held, since each is due from the one before. To add a forgotten review, void the later reviews ' +
        'first (latest first), enter it, then enter them anew.',
    );
  }
  const birthDate = birthDateOf(state);
  if (birthDate) {
    const age = ageOn(birthDate, heldOn);
    if (age >= 4 && participation === UNDER_FOUR) {
      return refuseCase('participation-age', `PN0 is only for a child under 4; the child is ${age} on ${heldOn}.`);
    }
    if (age < 4 && participation !== UNDER_FOUR) {
      return refuseCase(
        'participation-age',
        `The child is under 4 on ${heldOn}, so participation is recorded as PN0, not ${participation}.`,
      );
    }
  }
  const sequence = period.reviews.held + 1;
  const dueBy = period.reviews.nextDueBy;
  return accept({
    type: 'ReviewHeld',
    data: {
      childId,
      reviewId,
      periodId: period.periodId,
      heldOn,
      chairIroId,
      participation,
      iroVisitedBeforeReview,
      ...(permanencePlanInPlace !== undefined && { permanencePlanInPlace }),
      ...(lateReason !== undefined && { lateReason }),
      sequence,
      dueBy,
      heldInTime: heldOn <= dueBy,
      nextReviewDueBy: nextReviewDueDate(sequence, heldOn),
      effectiveDate: heldOn,
    },
  });
}
