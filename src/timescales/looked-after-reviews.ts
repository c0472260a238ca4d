import { CalendarDate } from '../calendar/calendar-date';
import { addMonths } from '../calendar/calendar-months';
import { addWorkingDays } from '../calendar/working-days';

/**
 * Looked-after reviews (Care Planning, Placement and Case Review Regulations 2010, reg 33):
 * the first within 20 working days of the child becoming looked after, the second within
 * 3 months of the first, then at intervals of no more than 6 months.
 */
export const FIRST_REVIEW_WORKING_DAYS = 20;
export const SECOND_REVIEW_MONTHS = 3;
export const LATER_REVIEW_MONTHS = 6;

/** The first review of a period of care is due 20 working days after the care start. */
export function firstReviewDueDate(careStart: CalendarDate): CalendarDate {
  return addWorkingDays(careStart, FIRST_REVIEW_WORKING_DAYS);
}

/**
 * When the review after the `sequenceHeld`-th review of a period (held on `heldOn`) is due:
 * 3 months after the first, 6 months after any later one.
 */
export function nextReviewDueDate(sequenceHeld: number, heldOn: CalendarDate): CalendarDate {
  return addMonths(heldOn, sequenceHeld === 1 ? SECOND_REVIEW_MONTHS : LATER_REVIEW_MONTHS);
}
