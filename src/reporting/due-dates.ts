import { CalendarDate } from '../calendar/calendar-date';
import {
  firstReviewConferenceDueDate, firstReviewDueDate, initialConferenceDueDate, laterReviewConferenceDueDate, nextReviewDueDate,
} from '../timescales';

/** Due dates repeat across children (a few thousand distinct days): work each out once. */
function remembered<A extends string | number, R>(compute: (a: A, b: CalendarDate) => R): (a: A, b: CalendarDate) => R {
  const known = new Map<string, R>();
  return (a, b) => {
    const key = `${a}|${b}`;
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = compute(a, b)));
    return value;
  };
}
export const firstReviewDue = remembered((_: number, start: CalendarDate) => firstReviewDueDate(start));
export const nextReviewDue = remembered((sequence: number, heldOn: CalendarDate) => nextReviewDueDate(Math.min(sequence, 2), heldOn));
export const firstReviewConferenceDue = remembered((_: number, start: CalendarDate) => firstReviewConferenceDueDate(start));
export const laterReviewConferenceDue = remembered((_: number, heldOn: CalendarDate) => laterReviewConferenceDueDate(heldOn));
export const initialConferenceDue = remembered((_: number, strategyDiscussionOn: CalendarDate) => initialConferenceDueDate(strategyDiscussionOn));
