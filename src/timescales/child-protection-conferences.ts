import { CalendarDate } from '../calendar/calendar-date';
import { addMonths } from '../calendar/calendar-months';
import { addWorkingDays } from '../calendar/working-days';

/**
 * Child protection conferences (Working Together): the initial conference within 15
 * working days of the strategy discussion at which section 47 enquiries began; the first
 * review conference within 3 months of the initial one; then no more than 6 months apart.
 */
export const INITIAL_CONFERENCE_WORKING_DAYS = 15;
export const FIRST_REVIEW_CONFERENCE_MONTHS = 3;
export const LATER_REVIEW_CONFERENCE_MONTHS = 6;

export function initialConferenceDueDate(strategyDiscussionOn: CalendarDate): CalendarDate {
  return addWorkingDays(strategyDiscussionOn, INITIAL_CONFERENCE_WORKING_DAYS);
}

/** The first review conference of a plan: 3 months after the initial conference (or the plan's start). */
export function firstReviewConferenceDueDate(initialHeldOn: CalendarDate): CalendarDate {
  return addMonths(initialHeldOn, FIRST_REVIEW_CONFERENCE_MONTHS);
}

/** A later review conference: 6 months after the previous review conference. */
export function laterReviewConferenceDueDate(previousReviewHeldOn: CalendarDate): CalendarDate {
  return addMonths(previousReviewHeldOn, LATER_REVIEW_CONFERENCE_MONTHS);
}

/**
 * The next review conference of an open plan, after a conference of `previousType` held
 * on `heldOn`. A plan started without a conference (transferred in) counts its start as 'initial'.
 */
export function nextReviewConferenceDueDate(previousType: 'initial' | 'review', heldOn: CalendarDate): CalendarDate {
  return previousType === 'initial' ? firstReviewConferenceDueDate(heldOn) : laterReviewConferenceDueDate(heldOn);
}
