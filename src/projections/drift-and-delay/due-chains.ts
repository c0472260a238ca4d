import { CalendarDate } from '../../calendar/calendar-date';
import { nextReviewConferenceDueDate } from '../../timescales/child-protection-conferences';
import { SHORT_BREAK_LEGAL_STATUSES } from '../../events/codes';
import { firstReviewDueDate, nextReviewDueDate } from '../../timescales/looked-after-reviews';
import { PeriodTimeline, PlanTimeline } from './child-timeline';

/** One due date in a chain of reviews or conferences, and the one held against it (if any). */
export interface DueStep {
  dueBy: CalendarDate;
  /** the review or conference held against this due date; null for the one not yet held */
  heldOn: CalendarDate | null;
  heldEventId: string | null;
  /** the record the due date runs from (the care start, plan start, or the previous review) */
  countedFromEventId: string;
  countedFrom: CalendarDate;
}

/**
 * A period's looked-after reviews against their due dates (reg 33, via src/timescales):
 * the first 20 working days after the child became looked after (care started, or for a
 * period begun as short breaks, V3/V4, the first legal status that is not one), the
 * second 3 months after the first, then 6-monthly. Worked out from the reviews that
 * count, so a voided review moves the due dates as the decider would. The last step is
 * the review still to hold.
 */
export function reviewDueChain(period: PeriodTimeline): DueStep[] {
  const steps: DueStep[] = [];
  const offShortBreaks = period.legalStatuses.find((status) => !SHORT_BREAK_LEGAL_STATUSES.includes(status.value));
  let countedFrom =
    offShortBreaks && offShortBreaks.from > period.from
      ? { eventId: offShortBreaks.eventId, date: offShortBreaks.from }
      : { eventId: period.startEventId, date: period.from };
  let dueBy = firstReviewDueDate(countedFrom.date);
  period.reviews.forEach((review, index) => {
    steps.push(step(dueBy, review.date, review.eventId, countedFrom));
    dueBy = nextReviewDueDate(index + 1, review.date);
    countedFrom = { eventId: review.eventId, date: review.date };
  });
  steps.push(step(dueBy, null, null, countedFrom));
  return steps;
}

/**
 * A plan's review conferences against their due dates: 3 months after the initial
 * conference (or the start of a plan recorded without one), then 6-monthly. The last
 * step is the conference still to hold, unless a conference ended the plan.
 */
export function conferenceDueChain(plan: PlanTimeline): DueStep[] {
  const steps: DueStep[] = [];
  let dueBy = nextReviewConferenceDueDate('initial', plan.from);
  let countedFrom = { eventId: plan.startEventId, date: plan.from };
  for (const conference of plan.reviewConferences) {
    steps.push(step(dueBy, conference.date, conference.eventId, countedFrom));
    if (conference.outcome === 'plan-ended') return steps;
    dueBy = nextReviewConferenceDueDate('review', conference.date);
    countedFrom = { eventId: conference.eventId, date: conference.date };
  }
  steps.push(step(dueBy, null, null, countedFrom));
  return steps;
}

function step(dueBy: CalendarDate, heldOn: CalendarDate | null, heldEventId: string | null, from: { eventId: string; date: CalendarDate }): DueStep {
  return { dueBy, heldOn, heldEventId, countedFromEventId: from.eventId, countedFrom: from.date };
}

/** The step due next on `date`: the first not held by then. */
export function dueOn(steps: readonly DueStep[], date: CalendarDate): DueStep | undefined {
  return steps.find((s) => s.heldOn === null || s.heldOn > date);
}

/** A step's dates as a flag's evidence. */
export function dueDates(step: DueStep): Record<string, CalendarDate> {
  return step.heldOn === null
    ? { dueBy: step.dueBy, countedFrom: step.countedFrom }
    : { dueBy: step.dueBy, countedFrom: step.countedFrom, heldOn: step.heldOn };
}
