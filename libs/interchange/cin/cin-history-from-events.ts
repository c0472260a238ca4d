import { CalendarDate } from '../../../src/calendar/calendar-date';
import { StoredOversightEvent } from '../../../src/events/envelope';
import { ChildProtectionPlanRecord, CinChildHistory, CinChildIdentity, InitialConferenceWithoutPlanRecord } from './cin-census-records';

/** The plan's start date from its id (`<childId>:<start>`). */
const startOfPlan = (planId: string | undefined): CalendarDate | null => /(\d{4}-\d{2}-\d{2})$/.exec(planId ?? '')?.[1] ?? null;

/** A child's census records rebuilt from the events a CIN import recorded (voided ones left out). */
export function cinHistoryFromEvents(childId: string, events: readonly StoredOversightEvent[]): CinChildHistory {
  let identity: CinChildIdentity | null = null;
  const plans = new Map<CalendarDate, ChildProtectionPlanRecord>();
  const conferencesWithoutPlan: InitialConferenceWithoutPlanRecord[] = [];
  const planOf = (planId: string | undefined): ChildProtectionPlanRecord | undefined => plans.get(startOfPlan(planId) ?? '');
  for (const event of events) {
    switch (event.type) {
      case 'ChildRegistered':
        identity = {
          dateOfBirth: event.data.dateOfBirth ?? null, expectedDateOfBirth: event.data.expectedDateOfBirth ?? null,
          sex: event.data.sex, ethnicity: event.data.ethnicity ?? null,
        };
        break;
      case 'CPConferenceHeld': {
        const d = event.data;
        if (d.type === 'initial' && d.outcome === 'plan-started' && d.categoryOfAbuse) {
          plans.set(d.heldOn, {
            startDate: d.heldOn, endDate: null, initialCategoryOfAbuse: d.categoryOfAbuse,
            numberOfPreviousPlans: d.previousPlanCount ?? 0, reviewDates: [],
            section47StartDate: d.strategyDiscussionOn ?? null, initialConferenceDate: d.heldOn,
          });
        } else if (d.type === 'initial' && d.strategyDiscussionOn) {
          conferencesWithoutPlan.push({ section47StartDate: d.strategyDiscussionOn, initialConferenceDate: d.heldOn });
        } else if (d.type === 'review') {
          const plan = planOf(d.planId);
          if (plan) {
            plan.reviewDates.push(d.heldOn);
            if (d.outcome === 'plan-ended') plan.endDate = d.heldOn;
          }
        }
        break;
      }
      case 'ChildProtectionPlanStarted':
        plans.set(event.data.startDate, {
          startDate: event.data.startDate, endDate: null, initialCategoryOfAbuse: event.data.categoryOfAbuse,
          numberOfPreviousPlans: event.data.previousPlanCount ?? 0, reviewDates: [],
          section47StartDate: null, initialConferenceDate: null,
        });
        break;
      case 'ChildProtectionPlanEnded': {
        const plan = planOf(event.data.planId);
        if (plan) plan.endDate = event.data.endDate;
        break;
      }
      default:
        break;
    }
  }
  return {
    childId,
    identity,
    plans: [...plans.values()].sort((a, b) => (a.startDate < b.startDate ? -1 : 1)),
    conferencesWithoutPlan,
  };
}
