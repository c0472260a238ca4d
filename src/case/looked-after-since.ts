import { CalendarDate } from '../calendar/calendar-date';
import { LegalStatus } from '../events/codes';
import { firstReviewDueDate } from '../timescales/looked-after-reviews';
import { CarePeriod } from './case-state';
import { isShortBreakLegalStatus } from './dfe-episode-rules';

/**
 * Whether a legal status from `date` takes the period's child off short breaks (V3, V4)
 * earlier than any record before it: the day the child became looked after for reviews
 * (reg 33), which the period's first review is counted from.
 */
export const comesOffShortBreaksEarlier = (period: Pick<CarePeriod, 'lookedAfterSince'>, legalStatus: LegalStatus, date: CalendarDate): boolean =>
  !isShortBreakLegalStatus(legalStatus) && (period.lookedAfterSince === null || date < period.lookedAfterSince);

/** The period after a legal status from `date`: off short breaks earlier, its first review runs from then while none is held. */
export function withLookedAfterSince(period: CarePeriod, legalStatus: LegalStatus, date: CalendarDate): CarePeriod {
  if (!comesOffShortBreaksEarlier(period, legalStatus, date)) return period;
  const reviews = period.reviews.held === 0 ? { ...period.reviews, nextDueBy: firstReviewDueDate(date) } : period.reviews;
  return { ...period, lookedAfterSince: date, reviews };
}
