import { CalendarDate } from '../calendar/calendar-date';
import { CategoryOfAbuse } from '../events/codes';
import { byDate } from './by-date';
import type { ChildHistory } from './child-history';
import { firstReviewConferenceDue, laterReviewConferenceDue } from './due-dates';
import { ChildFact } from './report-facts';

/**
 * Child protection plans from a child's facts: a plan starts at an initial conference
 * with outcome plan-started (or a ChildProtectionPlanStarted, e.g. a transfer in) and ends
 * at a review conference with outcome plan-ended (or a ChildProtectionPlanEnded), matched
 * by plan id, else to the plan open that day. Review conferences are due 3 months after
 * the plan's start, then 6 months after the previous one.
 */
export interface ProtectionPlan {
  planId: string;
  start: CalendarDate;
  end?: CalendarDate;
  categoryOfAbuse?: CategoryOfAbuse;
  previousPlanCount?: number;
}

export interface InitialConference {
  conferenceId: string;
  heldOn: CalendarDate;
  strategyDiscussionOn?: CalendarDate;
}

export interface ReviewConference {
  conferenceId: string;
  heldOn: CalendarDate;
  planId?: string;
  dueBy: CalendarDate;
}


export function derivePlans(
  history: ChildHistory,
  conferences: Extract<ChildFact, { type: 'CPConferenceHeld' }>[],
  planStarts: Extract<ChildFact, { type: 'ChildProtectionPlanStarted' }>[],
  planEnds: Extract<ChildFact, { type: 'ChildProtectionPlanEnded' }>[],
): void {
  const plans = new Map<string, ProtectionPlan>();
  const sortedConferences = [...conferences].sort(byDate((c) => c.heldOn));
  for (const conference of sortedConferences) {
    if (conference.conferenceType !== 'initial') continue;
    history.initialConferences.push({
      conferenceId: conference.conferenceId, heldOn: conference.heldOn, strategyDiscussionOn: conference.strategyDiscussionOn,
    });
    if (conference.outcome !== 'plan-started') continue;
    const planId = conference.planId ?? `${history.childId}:${conference.heldOn}`;
    if (!plans.has(planId)) {
      plans.set(planId, {
        planId, start: conference.heldOn, categoryOfAbuse: conference.categoryOfAbuse, previousPlanCount: conference.previousPlanCount,
      });
    }
  }
  for (const started of planStarts) {
    if (!plans.has(started.planId)) {
      plans.set(started.planId, {
        planId: started.planId, start: started.startDate, categoryOfAbuse: started.categoryOfAbuse, previousPlanCount: started.previousPlanCount,
      });
    }
  }
  history.plans = [...plans.values()].sort(byDate((p) => p.start));
  const endings = [
    ...sortedConferences
      .filter((c) => c.conferenceType === 'review' && c.outcome === 'plan-ended')
      .map((c) => ({ planId: c.planId, endDate: c.heldOn })),
    ...planEnds.map((e) => ({ planId: e.planId as string | undefined, endDate: e.endDate })),
  ].sort(byDate((e) => e.endDate));
  for (const ending of endings) {
    const plan = planFor(history.plans, ending.planId, ending.endDate);
    if (plan && plan.end === undefined && plan.start < ending.endDate) plan.end = ending.endDate;
  }
  const reviewsByPlan = new Map<ProtectionPlan | undefined, Extract<ChildFact, { type: 'CPConferenceHeld' }>[]>();
  for (const conference of sortedConferences) {
    if (conference.conferenceType !== 'review') continue;
    const plan = planFor(history.plans, conference.planId, conference.heldOn);
    const list = reviewsByPlan.get(plan) ?? [];
    list.push(conference);
    reviewsByPlan.set(plan, list);
  }
  for (const [plan, list] of reviewsByPlan) {
    list.forEach((conference, index) => {
      const dueBy = !plan
        ? conference.recordedDueBy
        : index === 0
          ? firstReviewConferenceDue(0, plan.start)
          : laterReviewConferenceDue(0, list[index - 1].heldOn);
      history.reviewConferences.push({ conferenceId: conference.conferenceId, heldOn: conference.heldOn, planId: plan?.planId, dueBy });
    });
  }
  history.reviewConferences.sort(byDate((c) => c.heldOn));
}

/** The plan a conference or ending belongs to: by id, else the plan open on that day (start < date <= end). */
function planFor(plans: ProtectionPlan[], planId: string | undefined, date: CalendarDate): ProtectionPlan | undefined {
  if (planId) {
    const named = plans.find((p) => p.planId === planId);
    if (named) return named;
  }
  let found: ProtectionPlan | undefined;
  for (const plan of plans) {
    if (plan.start < date && (plan.end === undefined || date <= plan.end)) found = plan;
  }
  return found;
}

/** On a plan on `date`: planStart <= date < planEnd (or no end). */
export function planOn(history: ChildHistory, date: CalendarDate): ProtectionPlan | undefined {
  return history.plans.find((p) => p.start <= date && (p.end === undefined || date < p.end));
}

