import { PARTICIPATION_CODES } from '../events/codes';
import { LookedAfterReview } from './child-history';
import { breakdownFigure, percentFigure, PercentFigure, YearFigure, countFigure } from './figure';
import { FigureContext, inPeriod } from './reporting-period';

/** Looked-after reviews (FIGURES.md, "Looked-after reviews"). Ids are review ids. */
export function reviewFigures(context: FigureContext): Record<string, YearFigure> {
  const held: LookedAfterReview[] = [];
  for (const child of context.children) {
    for (const review of child.reviews) if (!review.shortBreak && inPeriod(review.heldOn, context.period)) held.push(review);
  }
  const heldIds = held.map((r) => r.reviewId);
  const noReviews = 'no review held in the year';
  const visited: PercentFigure = {
    ...percentFigure(held.filter((r) => r.visited === true).map((r) => r.reviewId), heldIds, noReviews),
    notKnown: held.filter((r) => r.visited === null).length,
  };
  return {
    'reviews.held': countFigure(heldIds),
    'reviews.inTimescalePercent': percentFigure(held.filter((r) => r.heldOn <= r.dueBy).map((r) => r.reviewId), heldIds, noReviews),
    'reviews.participation': breakdownFigure(
      held.map((r) => ({ id: r.reviewId, key: r.participation })),
      PARTICIPATION_CODES,
      { percent: true },
    ),
    'reviews.notAttendedViewsNotConveyedPercent': percentFigure(
      held.filter((r) => r.participation === 'PN7').map((r) => r.reviewId),
      heldIds,
      noReviews,
    ),
    'reviews.iroVisitedBeforeReviewPercent': visited,
  };
}
