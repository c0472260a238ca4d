import { CalendarDate, laterOf } from '../calendar/calendar-date';
import { OversightEvent } from '../events/oversight-events';
import { firstReviewConferenceDueDate } from '../timescales/child-protection-conferences';
import { isShortBreakLegalStatus } from './dfe-episode-rules';
import { comesOffShortBreaksEarlier, withLookedAfterSince } from './looked-after-since';
import {
  CarePeriod, CaseState, Chain, chainItems, ChildProtectionPlan, initialCaseState, lastPeriodOf, lastPlanOf, periodOn, RecordLinks, StandingRecord,
} from './case-state';

type CaseEvent = OversightEvent & { id?: string };

/**
 * Applies one event of the child's stream. A void only records the voided id here (and
 * drops it from the records that stand on others): it cannot take back what the voided
 * event did, so decisions fold with foldCase, which leaves voided events out before
 * folding. Events that find nothing to apply to (a review whose period of care was
 * voided) change nothing but are still seen.
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  return linkRecord(state, applyEvent(state, event), event);
}

function applyEvent(state: CaseState, event: CaseEvent): CaseState {
  const seen: CaseState = event.id ? { ...state, eventsSeen: { item: { id: event.id, type: event.type }, before: state.eventsSeen } } : state;
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
        lookedAfterSince: isShortBreakLegalStatus(d.legalStatus) ? null : d.startDate,
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
        withLookedAfterSince(
          d.effectiveDate < period.legalStatusSince
            ? touched(period, d.effectiveDate)
            : { ...touched(period, d.effectiveDate), legalStatus: d.legalStatus, legalStatusSince: d.effectiveDate },
          d.legalStatus,
          d.effectiveDate,
        ),
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

/**
 * Keeps what stands on what, by event id: a period's placements, legal statuses, reviews and
 * ending stand on its start; a review on the period's review before it (its sequence and due
 * date came from the ones before: a chain, which record-voiding follows to its end, and
 * which stays whole because a record is voided only once nothing stands on it); a care start
 * on the previous period's ending; a plan's review conferences and ending on its start; a
 * review conference on the plan's conference before it; an initial conference or plan start
 * on the previous plan's ending. Linking to the one before, not to all before, keeps a long
 * history's fold linear.
 */
function linkRecord(before: CaseState, after: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'RecordVoided') return withoutVoided(after, event.data.eventId);
  if (event.type === 'ChildRegistered') return after;
  const id = event.id ?? null;
  const record: StandingRecord = {
    eventId: id,
    type: event.type,
    date: event.data.effectiveDate,
    ...(event.type === 'ReviewHeld' && { reviewId: event.data.reviewId, participation: event.data.participation }),
    ...((event.type === 'CareStarted' || event.type === 'LegalStatusChanged') && { legalStatus: event.data.legalStatus }),
    ...((event.type === 'CareStarted' || event.type === 'PlacementChanged') && { placementType: event.data.placementType }),
  };
  const { parents, recordLinks } = standsOn(before, event, id);
  // `after` is the state evolveCase has just made for this event (a new object, nobody else's yet): completed in place, not copied again
  const linked = after === before ? { ...after } : after;
  linked.records = { item: record, before: after.records };
  linked.dependents = id ? withDependent(after.dependents, parents, id) : after.dependents;
  linked.recordLinks = recordLinks;
  return linked;
}

function standsOn(state: CaseState, event: CaseEvent, id: string | null): { parents: (string | null)[]; recordLinks: RecordLinks } {
  const links = state.recordLinks;
  const nothing = { parents: [], recordLinks: links };
  switch (event.type) {
    case 'CareStarted': {
      const previous = lastPeriodOf(state);
      return {
        parents: [previous ? (links.periods[previous.periodId]?.endId ?? null) : null],
        recordLinks: withPeriodLinks(links, event.data.periodId, { startId: id, lastReviewId: null, endId: null, offShortBreaksId: null }),
      };
    }
    case 'PlacementChanged': {
      const period = periodOn(state, event.data.effectiveDate);
      return { parents: [period ? (links.periods[period.periodId]?.startId ?? null) : null], recordLinks: links };
    }
    case 'LegalStatusChanged': {
      const d = event.data;
      const period = periodOn(state, d.effectiveDate);
      const periodLinks = period ? links.periods[period.periodId] : undefined;
      if (!period || !periodLinks) return nothing;
      return {
        parents: [periodLinks.startId],
        recordLinks: comesOffShortBreaksEarlier(period, d.legalStatus, d.effectiveDate) ? withPeriodLinks(links, period.periodId, { ...periodLinks, offShortBreaksId: id }) : links,
      };
    }
    case 'CareEnded': {
      const period = links.periods[event.data.periodId];
      if (!period) return nothing;
      return { parents: [period.startId], recordLinks: withPeriodLinks(links, event.data.periodId, { ...period, endId: id }) };
    }
    case 'ReviewHeld': {
      const period = links.periods[event.data.periodId];
      if (!period) return nothing;
      return {
        // the first review's due date runs from the care start, or from the day off short breaks
        parents: [period.startId, period.lastReviewId ?? period.offShortBreaksId],
        recordLinks: withPeriodLinks(links, event.data.periodId, { ...period, lastReviewId: id ?? period.lastReviewId }),
      };
    }
    case 'CPConferenceHeld': {
      const d = event.data;
      if (d.type === 'initial') {
        const parents = [lastPlanEndId(state)];
        if (d.outcome !== 'plan-started' || !d.planId || !d.categoryOfAbuse) return { parents, recordLinks: links };
        return { parents, recordLinks: withPlanLinks(links, d.planId, { startId: id, lastConferenceId: null, endId: null }) };
      }
      const plan = d.planId ? links.plans[d.planId] : undefined;
      if (!d.planId || !plan) return nothing;
      return {
        parents: [plan.startId, plan.lastConferenceId],
        recordLinks: withPlanLinks(links, d.planId, {
          ...plan,
          lastConferenceId: id ?? plan.lastConferenceId,
          endId: d.outcome === 'plan-ended' ? id : plan.endId,
        }),
      };
    }
    case 'ChildProtectionPlanStarted':
      return {
        parents: [lastPlanEndId(state)],
        recordLinks: withPlanLinks(links, event.data.planId, { startId: id, lastConferenceId: null, endId: null }),
      };
    case 'ChildProtectionPlanEnded': {
      const plan = links.plans[event.data.planId];
      if (!plan) return nothing;
      return { parents: [plan.startId], recordLinks: withPlanLinks(links, event.data.planId, { ...plan, endId: id }) };
    }
    default:
      return nothing;
  }
}

/** The record that ended the last plan, while no plan is open. */
function lastPlanEndId(state: CaseState): string | null {
  const last = lastPlanOf(state);
  return last?.endDate ? (state.recordLinks.plans[last.planId]?.endId ?? null) : null;
}

const withPeriodLinks = (links: RecordLinks, periodId: string, period: RecordLinks['periods'][string]): RecordLinks => ({
  ...links,
  periods: { ...links.periods, [periodId]: period },
});

const withPlanLinks = (links: RecordLinks, planId: string, plan: RecordLinks['plans'][string]): RecordLinks => ({
  ...links,
  plans: { ...links.plans, [planId]: plan },
});

function withDependent(dependents: CaseState['dependents'], parents: (string | null)[], id: string): CaseState['dependents'] {
  let chain = dependents;
  for (const parent of new Set(parents)) if (parent !== null && parent !== id) chain = { item: { parent, id }, before: chain };
  return chain;
}

/** A voided record counts nowhere: it no longer stands on anything, nor is it a standing record. */
function withoutVoided(state: CaseState, voidedId: string): CaseState {
  const dependents = chainItems(state.dependents).filter(({ parent, id }) => parent !== voidedId && id !== voidedId);
  const records = chainItems(state.records).filter((record) => record.eventId !== voidedId);
  return { ...state, dependents: chainOf(dependents), records: chainOf(records) };
}

function chainOf<T>(items: readonly T[]): Chain<T> {
  let chain: Chain<T> = null;
  for (const item of items) chain = { item, before: chain };
  return chain;
}
