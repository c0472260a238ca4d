import { addDays } from '../../calendar/calendar-date';
import { ChildTimeline } from './child-timeline';
import { clipTo, DateInterval, earlierEnd, isEmpty } from './date-intervals';
import { dueDates, reviewDueChain } from './due-chains';
import { flagWindow, FlagWindow } from './drift-flag';
import { longDate } from './long-date';

/**
 * The looked-after review flags, each only while the child is looked after (short
 * breaks, V3/V4, left out as in every CLA figure):
 * - review-overdue: from the day after a review's due date until it is held;
 * - no-permanence-plan-at-second-review: from a period's second review recording no
 *   permanence plan until a later review records one;
 * - not-visited-before-review: from a review the IRO did not visit before until the next review.
 */
export function reviewFlagWindows(timeline: Pick<ChildTimeline, 'periods'>, lookedAfter: readonly DateInterval[]): FlagWindow[] {
  const windows: FlagWindow[] = [];
  for (const period of timeline.periods) {
    for (const step of reviewDueChain(period)) {
      const overdue = { from: addDays(step.dueBy, 1), until: earlierEnd(step.heldOn, period.until) };
      if (isEmpty(overdue)) continue;
      windows.push(
        ...clipTo(overdue, lookedAfter).map((part) =>
          flagWindow(
            'review-overdue',
            part,
            `The looked-after review due by ${longDate(step.dueBy)} ${step.heldOn === null ? 'has not been held' : `was not held until ${longDate(step.heldOn)}`}.`,
            {
              eventIds: step.heldEventId ? [step.countedFromEventId, step.heldEventId] : [step.countedFromEventId],
              dates: dueDates(step),
            },
          ),
        ),
      );
    }

    const second = period.reviews[1];
    if (second && second.permanencePlanInPlace === false) {
      const planned = period.reviews.slice(2).find((review) => review.permanencePlanInPlace === true);
      const until = earlierEnd(planned ? planned.date : null, period.until);
      windows.push(
        ...clipTo({ from: second.date, until }, lookedAfter).map((part) =>
          flagWindow('no-permanence-plan-at-second-review', part, `No permanence plan was in place at the second review, on ${longDate(second.date)}.`, {
            eventIds: [second.eventId],
            dates: { secondReviewOn: second.date },
          }),
        ),
      );
    }

    period.reviews.forEach((review, index) => {
      if (review.iroVisitedBeforeReview !== false) return;
      const next = period.reviews[index + 1];
      const until = earlierEnd(next ? next.date : null, period.until);
      windows.push(
        ...clipTo({ from: review.date, until }, lookedAfter).map((part) =>
          flagWindow('not-visited-before-review', part, `The IRO did not visit the child before the review on ${longDate(review.date)}.`, {
            eventIds: [review.eventId],
            dates: { reviewOn: review.date },
          }),
        ),
      );
    });
  }
  return windows;
}
