import { CalendarDate, laterOf } from '../calendar/calendar-date';
import { OversightEvent } from '../events/oversight-events';
import { firstReviewConferenceDueDate } from '../timescales/child-protection-conferences';
import { CarePeriod, CaseState, ChildProtectionPlan, initialCaseState, periodOn } from './case-state';

type CaseEvent = OversightEvent & { id?: string };

/**
 * Applies one event of the child's stream. A void only records the voided id here: it
 * cannot take back what the voided event did, so decisions fold with foldCase, which
 * leaves voided events out before folding. Events that find nothing to apply to (a
 * review whose period of care was voided) change nothing but are still seen.
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  const seen: CaseState = event.id ? { ...state, eventsSeen: { ...state.eventsSeen, [event.id]: event.type } } : state;
  switch (event.type) {
    case 'ChildRegistered': {
      const { childId, dateOfBirth, expectedDateOfBirth, sex, ethnicity, familyId } = event.data;
      return {
        ...seen,
        registered: true,
        child: {
          childId,
          dateOfBirth: dateOfBirth ?? null,
          expectedDateOfBirth: expectedDateOfBirth ?? null,
          sex,
          ethnicity: ethnicity ?? null,
          familyId: familyId ?? null,
        },
      };
    }
    case 'CareStarted': {
      const d = event.data;
      const period: CarePeriod = {
        periodId: d.periodId,
        startDate: d.startDate,
        endDate: null,
        reasonCeased: null,
        categoryOfNeed: d.categoryOfNeed ?? null,
        legalStatus: d.legalStatus,
        legalStatusSince: d.startDate,
        placementType: d.placementType,
        placedOutsideLocalAuthority: d.placedOutsideLocalAuthority,
        placementSince: d.startDate,
        firstReviewDueBy: d.firstReviewDueBy,
        reviews: { held: 0, lastHeldOn: null, nextDueBy: d.firstReviewDueBy },
        lastRecordOn: d.startDate,
      };
      return withPeriods(seen, [...seen.periods, period]);
    }
    case 'PlacementChanged': {
      const d = event.data;
      return updatePeriodOn(seen, d.effectiveDate, (period) =>
        d.effectiveDate < period.placementSince
          ? touched(period, d.effectiveDate)
          : {
              ...touched(period, d.effectiveDate),
              placementType: d.placementType,
              placedOutsideLocalAuthority: d.placedOutsideLocalAuthority,
              placementSince: d.effectiveDate,
            },
      );
    }
    case 'LegalStatusChanged': {
      const d = event.data;
      return updatePeriodOn(seen, d.effectiveDate, (period) =>
        d.effectiveDate < period.legalStatusSince
          ? touched(period, d.effectiveDate)
          : { ...touched(period, d.effectiveDate), legalStatus: d.legalStatus, legalStatusSince: d.effectiveDate },
      );
    }
    case 'CareEnded': {
      const d = event.data;
      return updatePeriod(seen, d.periodId, (period) => ({ ...period, endDate: d.endDate, reasonCeased: d.reasonCeased }));
    }
    case 'IroAllocated': {
      const d = event.data;
      if (seen.iro && d.effectiveDate < seen.iro.since) return seen;
      return { ...seen, iro: { iroId: d.iroId, since: d.effectiveDate } };
    }
    case 'ReviewHeld': {
      const d = event.data;
      return updatePeriod(seen, d.periodId, (period) => {
        const latest = period.reviews.lastHeldOn === null || d.heldOn >= period.reviews.lastHeldOn;
        return {
          ...touched(period, d.heldOn),
          reviews: {
            held: period.reviews.held + 1,
            lastHeldOn: latest ? d.heldOn : period.reviews.lastHeldOn,
            nextDueBy: latest ? d.nextReviewDueBy : period.reviews.nextDueBy,
          },
        };
      });
    }
    case 'CPConferenceHeld': {
      const d = event.data;
      if (d.type === 'initial') {
        if (d.outcome !== 'plan-started' || !d.planId || !d.categoryOfAbuse) return seen;
        const plan: ChildProtectionPlan = {
          planId: d.planId,
          startDate: d.heldOn,
          categoryOfAbuse: d.categoryOfAbuse,
          startedBy: 'initial-conference',
          endDate: null,
          reviewConferencesHeld: 0,
          lastConferenceOn: d.heldOn,
          nextReviewConferenceDueBy: d.nextReviewConferenceDueBy ?? firstReviewConferenceDueDate(d.heldOn),
        };
        return withPlans(seen, [...seen.plans, plan]);
      }
      return updatePlan(seen, d.planId, (plan) => ({
        ...plan,
        reviewConferencesHeld: plan.reviewConferencesHeld + 1,
        lastConferenceOn: plan.lastConferenceOn === null ? d.heldOn : laterOf(plan.lastConferenceOn, d.heldOn),
        endDate: d.outcome === 'plan-ended' ? d.heldOn : plan.endDate,
        nextReviewConferenceDueBy: d.outcome === 'plan-ended' ? null : (d.nextReviewConferenceDueBy ?? null),
      }));
    }
    case 'ChildProtectionPlanStarted': {
      const d = event.data;
      const plan: ChildProtectionPlan = {
        planId: d.planId,
        startDate: d.startDate,
        categoryOfAbuse: d.categoryOfAbuse,
        startedBy: 'plan-record',
        endDate: null,
        reviewConferencesHeld: 0,
        lastConferenceOn: null,
        nextReviewConferenceDueBy: firstReviewConferenceDueDate(d.startDate),
      };
      return withPlans(seen, [...seen.plans, plan]);
    }
    case 'ChildProtectionPlanEnded': {
      const d = event.data;
      return updatePlan(seen, d.planId, (plan) => ({ ...plan, endDate: d.endDate, nextReviewConferenceDueBy: null }));
    }
    case 'RecordVoided':
      return { ...seen, voidedIds: [...seen.voidedIds, event.data.eventId] };
    default:
      return seen;
  }
}

/** The case as it stands after these events, voided records left out so that they count nowhere. */
export function foldCase(events: readonly (OversightEvent & { id: string })[]): CaseState {
  const voided = new Set(events.flatMap((event) => (event.type === 'RecordVoided' ? [event.data.eventId] : [])));
  return events.filter((event) => !voided.has(event.id)).reduce(evolveCase, initialCaseState);
}

function withPeriods(state: CaseState, periods: CarePeriod[]): CaseState {
  const last = periods[periods.length - 1];
  const currentPeriod = last && last.endDate === null ? last : null;
  return { ...state, periods, currentPeriod, inCare: currentPeriod !== null };
}

function withPlans(state: CaseState, plans: ChildProtectionPlan[]): CaseState {
  const last = plans[plans.length - 1];
  return { ...state, plans, openPlan: last && last.endDate === null ? last : null };
}

function updatePeriod(state: CaseState, periodId: string, change: (period: CarePeriod) => CarePeriod): CaseState {
  if (!state.periods.some((period) => period.periodId === periodId)) return state;
  return withPeriods(state, state.periods.map((period) => (period.periodId === periodId ? change(period) : period)));
}

function updatePeriodOn(state: CaseState, date: CalendarDate, change: (period: CarePeriod) => CarePeriod): CaseState {
  const period = periodOn(state, date);
  return period ? updatePeriod(state, period.periodId, change) : state;
}

function updatePlan(
  state: CaseState,
  planId: string | undefined,
  change: (plan: ChildProtectionPlan) => ChildProtectionPlan,
): CaseState {
  if (!planId || !state.plans.some((plan) => plan.planId === planId)) return state;
  return withPlans(state, state.plans.map((plan) => (plan.planId === planId ? change(plan) : plan)));
}

const touched = (period: CarePeriod, date: CalendarDate): CarePeriod => ({
  ...period,
  lastRecordOn: laterOf(period.lastRecordOn, date),
});
