import { CalendarDate } from '../../calendar/calendar-date';
import { LegalStatus, PlacementType, SHORT_BREAK_LEGAL_STATUSES } from '../../events/codes';
import { ChildFact, inDateOrder } from './child-facts';
import { DateInterval, merged } from './date-intervals';

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
  const ordered = inDateOrder(facts);
  return {
    periods: periodsOf(ofKindsInOrder(ordered, CARE_FACT_KINDS)),
    plans: plansOf(childId, ofKindsInOrder(ordered, PROTECTION_FACT_KINDS)),
    allocations: allocationsOf(ofKindsInOrder(ordered, ALLOCATION_FACT_KINDS)),
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

/**
 * The facts of these kinds from facts already in date order: the same as ofKinds, since
 * the date order is total (by date, then position, and each fact has its own position),
 * so sorting all facts once serves each part of the timeline.
 */
const ofKindsInOrder = (ordered: readonly ChildFact[], kinds: ReadonlySet<ChildFact['kind']>) =>
  ordered.filter((fact) => kinds.has(fact.kind));

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

// Written as plain loops, one pass over the facts: a rebuild derives every child's timeline.
function periodsOf(ordered: ChildFact[]): PeriodTimeline[] {
  const periods: PeriodTimeline[] = [];
  const legal: Span<LegalStatus>[][] = [];
  const placed: Span<PlacementType>[][] = [];
  for (const fact of ordered) {
    if (fact.kind !== 'care-started' || periodWithId(periods, fact.periodId)) continue;
    let ended: Fact<'care-ended'> | undefined;
    for (const candidate of ordered) {
      if (candidate.kind === 'care-ended' && candidate.periodId === fact.periodId) {
        ended = candidate;
        break;
      }
    }
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
    legal.push([{ from: fact.date, until: null, value: fact.legalStatus, eventId: fact.eventId }]);
    placed.push([{ from: fact.date, until: null, value: fact.placementType, eventId: fact.eventId }]);
  }
  if (periods.length === 0) return periods;
  for (const fact of ordered) {
    if (fact.kind === 'legal-status-changed') {
      const at = periodIndexOn(periods, fact.date);
      if (at >= 0) legal[at].push({ from: fact.date, until: null, value: fact.legalStatus, eventId: fact.eventId });
    } else if (fact.kind === 'placement-changed') {
      const at = periodIndexOn(periods, fact.date);
      if (at >= 0) placed[at].push({ from: fact.date, until: null, value: fact.placementType, eventId: fact.eventId });
    } else if (fact.kind === 'review-held') {
      periodWithId(periods, fact.periodId)?.reviews.push(fact);
    }
  }
  for (let i = 0; i < periods.length; i += 1) {
    periods[i].legalStatuses = chained(legal[i], periods[i].until);
    periods[i].placements = chained(placed[i], periods[i].until);
  }
  return periods;
}

function periodWithId(periods: readonly PeriodTimeline[], periodId: string): PeriodTimeline | undefined {
  for (const period of periods) if (period.periodId === periodId) return period;
  return undefined;
}

/** The first period the date falls in (from <= date < until), -1 when none. */
function periodIndexOn(periods: readonly PeriodTimeline[], date: CalendarDate): number {
  for (let i = 0; i < periods.length; i += 1) {
    const period = periods[i];
    if (period.from <= date && (period.until === null || date < period.until)) return i;
  }
  return -1;
}

/** Each span lasts until the next one starts (or the end); a span replaced on its own first day is dropped. */
function chained<T>(spans: Span<T>[], end: CalendarDate | null): Span<T>[] {
  const result: Span<T>[] = [];
  for (let i = 0; i < spans.length; i += 1) {
    const span = spans[i];
    const until = i + 1 < spans.length ? spans[i + 1].from : end;
    if (until !== null && until <= span.from) continue;
    result.push({ from: span.from, until, value: span.value, eventId: span.eventId });
  }
  return result;
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
  const allocated: Span<string>[] = [];
  for (const fact of ordered) {
    if (fact.kind === 'iro-allocated') allocated.push({ from: fact.date, until: null, value: fact.iroId, eventId: fact.eventId });
  }
  return chained(allocated, null).map(({ from, until, value, eventId }) => ({ from, until, iroId: value, eventId }));
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
