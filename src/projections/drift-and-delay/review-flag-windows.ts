import { addDays } from '../../calendar/calendar-date';
import { ChildTimeline } from './child-timeline';
import { clipTo, cutAt, DateInterval, earlierEnd, isEmpty } from './date-intervals';
import { dueDates, reviewDueChain } from './due-chains';
import { FlagEvidence, flagWindow, FlagWindow } from './drift-flag';
import { longDate } from './long-date';

/**
 * The looked-after review flags, each only while the child is looked after (short
 * breaks, V3/V4, left out as in every CLA figure):
 * - review-overdue: from the day after a review's due date until it is held;
 * - no-permanence-plan-at-second-review: from a period's second review recording no
 *   permanence plan until a later review records one;
 * - not-visited-before-review: from a review the IRO did not visit before until the next
 *   review the IRO did visit before (or whose visit is not known): consecutive unvisited
 *   reviews are one run, standing since the first.
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
            // a flag is shown on a day inside its window, before the review that ends it: only what stood then
            `The looked-after review due by ${longDate(step.dueBy)} has not been held.`,
            { eventIds: [step.countedFromEventId], dates: dueDates({ ...step, heldOn: null }) },
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

    for (const run of unvisitedRuns(period.reviews)) {
      const last = run[run.length - 1];
      const next = period.reviews[period.reviews.indexOf(last) + 1];
      const until = earlierEnd(next ? next.date : null, period.until);
      for (const part of clipTo({ from: run[0].date, until }, lookedAfter)) {
        // cut at each review of the run, so a day inside it names only the reviews held by then
        for (const piece of cutAt(part, run.map((review) => review.date))) {
          const held = run.filter((review) => review.date <= piece.from);
          windows.push(flagWindow('not-visited-before-review', piece, notVisitedReason(held), notVisitedEvidence(held), part.from));
        }
      }
    }
  }
  return windows;
}

type PeriodReview = ChildTimeline['periods'][number]['reviews'][number];

function notVisitedReason(run: readonly PeriodReview[]): string {
  const dates = run.map((review) => longDate(review.date));
  return run.length === 1
    ? `The IRO did not visit the child before the review on ${dates[0]}.`
    : `The IRO did not visit the child before the reviews on ${dates.slice(0, -1).join(', ')} and ${dates[dates.length - 1]}.`;
}

function notVisitedEvidence(run: readonly PeriodReview[]): FlagEvidence {
  const first = run[0];
  const last = run[run.length - 1];
  return {
    eventIds: run.map((review) => review.eventId),
    dates: run.length === 1 ? { reviewOn: first.date } : { reviewOn: last.date, firstReviewOn: first.date },
  };
}

/** the period's reviews the IRO did not visit before, in runs of consecutive ones */
function unvisitedRuns(reviews: readonly PeriodReview[]): PeriodReview[][] {
  const runs: PeriodReview[][] = [];
  let run: PeriodReview[] = [];
  for (const review of reviews) {
    if (review.iroVisitedBeforeReview === false) {
      run.push(review);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
