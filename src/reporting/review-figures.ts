import { PARTICIPATION_CODES } from '../events/codes';
import { ChildHistory } from './child-history';
import { breakdownFigure, countFigure, percentFigure, PercentFigure, YearFigure } from './figure';
import { FigureFamily, KeyedId } from './figure-family';
import { inPeriod, ReportingPeriod } from './reporting-period';

const NO_REVIEWS = 'no review held in the year';

/** Looked-after reviews (FIGURES.md, "Looked-after reviews"). Ids are review ids. */
export class ReviewFigures implements FigureFamily {
  private readonly held: string[] = [];
  private readonly inTimescale: string[] = [];
  private readonly participation: KeyedId[] = [];
  private readonly viewsNotConveyed: string[] = [];
  private readonly visited: string[] = [];
  private visitNotKnown = 0;

  constructor(private readonly period: ReportingPeriod) {}

  addChild(child: ChildHistory): void {
    for (const review of child.reviews) {
      if (review.shortBreak || !inPeriod(review.heldOn, this.period)) continue;
      const id = review.reviewId;
      this.held.push(id);
      if (review.heldOn <= review.dueBy) this.inTimescale.push(id);
      this.participation.push({ id, key: review.participation });
      if (review.participation === 'PN7') this.viewsNotConveyed.push(id);
      if (review.visited === true) this.visited.push(id);
      else if (review.visited === null) this.visitNotKnown += 1;
    }
  }

  finish(): Record<string, YearFigure> {
    const visited: PercentFigure = { ...percentFigure(this.visited, this.held, NO_REVIEWS), notKnown: this.visitNotKnown };
    return {
      'reviews.held': countFigure(this.held),
      'reviews.inTimescalePercent': percentFigure(this.inTimescale, this.held, NO_REVIEWS),
      'reviews.participation': breakdownFigure(this.participation, PARTICIPATION_CODES, { percent: true }),
      'reviews.notAttendedViewsNotConveyedPercent': percentFigure(this.viewsNotConveyed, this.held, NO_REVIEWS),
      'reviews.iroVisitedBeforeReviewPercent': visited,
    };
  }
}
