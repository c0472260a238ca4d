import { CalendarDate } from '../../calendar/calendar-date';
import { LegalStatus, PlacementType, SHORT_BREAK_LEGAL_STATUSES } from '../../events/codes';
import { ChildFact, inDateOrder } from './child-facts';
import { DateInterval, isEmpty, merged } from './date-intervals';

type Fact<K extends ChildFact['kind']> = Extract<ChildFact, { kind: K }>;

/** A value held from `from` until `until` (exclusive; null while it lasts), and the record that set it. */
export interface Span<T> extends DateInterval {
  value: T;
  eventId: string;
}

export interface PeriodTimeline extends DateInterval {
  periodId: string;
  startEventId: string;
  endEventId: string | null;
  legalStatuses: Span<LegalStatus>[];
  placements: Span<PlacementType>[];
  /** reviews held in the period, in date order */
  reviews: Fact<'review-held'>[];
}

export interface PlanTimeline extends DateInterval {
  planId: string;
  startedBy: 'initial-conference' | 'plan-record';
  startEventId: string;
  endEventId: string | null;
  previousPlanCount: number | null;
  /** review conferences held on the plan, in date order */
  reviewConferences: Fact<'conference-held'>[];
}

export interface IroAllocationSpan extends DateInterval {
  iroId: string;
  eventId: string;
}

/** A child's record laid out in time: periods of care, child protection plans, IRO allocations. */
export interface ChildTimeline {
  periods: PeriodTimeline[];
  plans: PlanTimeline[];
  allocations: IroAllocationSpan[];
}

export function childTimeline(childId: string, facts: readonly ChildFact[]): ChildTimeline {
  return {
    periods: carePeriodsOf(facts),
    plans: protectionPlansOf(childId, facts),
    allocations: iroAllocationsOf(facts),
  };
}

/** What each part of the timeline is built from: a fact of another kind cannot change it. */
export const CARE_FACT_KINDS: ReadonlySet<ChildFact['kind']> = new Set([
  'care-started', 'care-ended', 'placement-changed', 'legal-status-changed', 'review-held',
]);
export const PROTECTION_FACT_KINDS: ReadonlySet<ChildFact['kind']> = new Set(['conference-held', 'plan-started', 'plan-ended']);
export const ALLOCATION_FACT_KINDS: ReadonlySet<ChildFact['kind']> = new Set(['iro-allocated']);

const ofKinds = (facts: readonly ChildFact[], kinds: ReadonlySet<ChildFact['kind']>) =>
  inDateOrder(facts.filter((fact) => kinds.has(fact.kind)));

/** The child's periods of care, with their legal statuses, placements and reviews. */
export function carePeriodsOf(facts: readonly ChildFact[]): PeriodTimeline[] {
  return periodsOf(ofKinds(facts, CARE_FACT_KINDS));
}

/** The child's child protection plans, with their review conferences. */
export function protectionPlansOf(childId: string, facts: readonly ChildFact[]): PlanTimeline[] {
  return plansOf(childId, ofKinds(facts, PROTECTION_FACT_KINDS));
}

export function iroAllocationsOf(facts: readonly ChildFact[]): IroAllocationSpan[] {
  return allocationsOf(ofKinds(facts, ALLOCATION_FACT_KINDS));
}

function periodsOf(ordered: ChildFact[]): PeriodTimeline[] {
  const periods: PeriodTimeline[] = [];
  for (const fact of ordered) {
    if (fact.kind !== 'care-started' || periods.some((p) => p.periodId === fact.periodId)) continue;
    const ended = ordered.find((f): f is Fact<'care-ended'> => f.kind === 'care-ended' && f.periodId === fact.periodId);
    periods.push({
      periodId: fact.periodId,
      from: fact.date,
      until: ended ? ended.date : null,
      startEventId: fact.eventId,
      endEventId: ended ? ended.eventId : null,
      legalStatuses: [],
      placements: [],
      reviews: [],
    });
  }
  const periodOn = (date: CalendarDate) =>
    periods.find((p) => p.from <= date && (p.until === null || date < p.until));
  for (const period of periods) {
    const start = ordered.find((f): f is Fact<'care-started'> => f.kind === 'care-started' && f.eventId === period.startEventId)!;
    const legal: Span<LegalStatus>[] = [{ from: start.date, until: null, value: start.legalStatus, eventId: start.eventId }];
    const placed: Span<PlacementType>[] = [{ from: start.date, until: null, value: start.placementType, eventId: start.eventId }];
    for (const fact of ordered) {
      if (fact.kind === 'legal-status-changed' && periodOn(fact.date) === period) {
        legal.push({ from: fact.date, until: null, value: fact.legalStatus, eventId: fact.eventId });
      } else if (fact.kind === 'placement-changed' && periodOn(fact.date) === period) {
        placed.push({ from: fact.date, until: null, value: fact.placementType, eventId: fact.eventId });
      } else if (fact.kind === 'review-held' && fact.periodId === period.periodId) {
        period.reviews.push(fact);
      }
    }
    period.legalStatuses = chained(legal, period.until);
    period.placements = chained(placed, period.until);
  }
  return periods;
}

/** Each span lasts until the next one starts (or the end); a span replaced on its own first day is dropped. */
function chained<T>(spans: Span<T>[], end: CalendarDate | null): Span<T>[] {
  return spans
    .map((span, index) => ({ from: span.from, until: index + 1 < spans.length ? spans[index + 1].from : end, value: span.value, eventId: span.eventId }))
    .filter((span) => !isEmpty(span));
}

function plansOf(childId: string, ordered: ChildFact[]): PlanTimeline[] {
  const plans: PlanTimeline[] = [];
  const byId = (planId: string | null) => plans.find((plan) => plan.planId === planId);
  for (const fact of ordered) {
    if (fact.kind === 'conference-held' && fact.conferenceType === 'initial' && fact.outcome === 'plan-started') {
      const planId = fact.planId ?? `${childId}:${fact.date}`;
      if (!byId(planId)) plans.push(newPlan(planId, 'initial-conference', fact.date, fact.eventId, fact.previousPlanCount));
    } else if (fact.kind === 'plan-started' && !byId(fact.planId)) {
      plans.push(newPlan(fact.planId, 'plan-record', fact.date, fact.eventId, fact.previousPlanCount));
    } else if (fact.kind === 'conference-held' && fact.conferenceType === 'review') {
      const plan = byId(fact.planId);
      if (!plan || plan.endEventId !== null || fact.date < plan.from) continue;
      plan.reviewConferences.push(fact);
      if (fact.outcome === 'plan-ended') endPlan(plan, fact.date, fact.eventId);
    } else if (fact.kind === 'plan-ended') {
      const plan = byId(fact.planId);
      if (plan && plan.endEventId === null && fact.date >= plan.from) endPlan(plan, fact.date, fact.eventId);
    }
  }
  return plans.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

function newPlan(
  planId: string,
  startedBy: PlanTimeline['startedBy'],
  from: CalendarDate,
  startEventId: string,
  previousPlanCount: number | null,
): PlanTimeline {
  return { planId, startedBy, from, until: null, startEventId, endEventId: null, previousPlanCount, reviewConferences: [] };
}

function endPlan(plan: PlanTimeline, on: CalendarDate, eventId: string): void {
  plan.until = on;
  plan.endEventId = eventId;
}

/** A child's IRO on D is the IRO of the latest allocation effective on or before D. */
function allocationsOf(ordered: ChildFact[]): IroAllocationSpan[] {
  const allocated = ordered.filter((f): f is Fact<'iro-allocated'> => f.kind === 'iro-allocated');
  return chained(
    allocated.map((f) => ({ from: f.date, until: null, value: f.iroId, eventId: f.eventId })),
    null,
  ).map(({ from, until, value, eventId }) => ({ from, until, iroId: value, eventId }));
}

/**
 * The days the child was looked after as FIGURES.md counts it: in a period of care,
 * leaving out the days under a short-break legal status (V3, V4).
 */
export function lookedAfterIntervals(timeline: Pick<ChildTimeline, 'periods'>): DateInterval[] {
  return merged(
    timeline.periods.flatMap((period) =>
      period.legalStatuses
        .filter((span) => !SHORT_BREAK_LEGAL_STATUSES.includes(span.value))
        .map(({ from, until }) => ({ from, until })),
    ),
  );
}

/** The days the child was on a child protection plan: planStart <= D < planEnd. */
export function protectionIntervals(timeline: Pick<ChildTimeline, 'plans'>): DateInterval[] {
  return merged(timeline.plans.map(({ from, until }) => ({ from, until })));
}
