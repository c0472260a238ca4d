import { CalendarDate } from '../../calendar/calendar-date';
import { challengeFlagWindows, ChildChallenge } from './challenge-flag-windows';
import { ChildFact } from './child-facts';
import {
  ALLOCATION_FACT_KINDS, CARE_FACT_KINDS, carePeriodsOf, ChildTimeline, childTimeline, iroAllocationsOf, lookedAfterIntervals,
  PeriodTimeline, PlanTimeline, PROTECTION_FACT_KINDS, protectionIntervals, protectionPlansOf,
} from './child-timeline';
import { contains, DateInterval, merged } from './date-intervals';
import { conferenceDueChain, reviewDueChain } from './due-chains';
import { DRIFT_FLAGS, DriftFlag, DriftFlagName, FlagWindow } from './drift-flag';
import { placementFlagWindows } from './placement-flag-windows';
import { protectionFlagWindows } from './protection-flag-windows';
import { reviewFlagWindows } from './review-flag-windows';

/** The `oversight` collection: one document per child. */
export const OVERSIGHT = 'oversight';

export interface IroAllocationInterval extends DateInterval {
  iroId: string;
}

/**
 * A child's drift-and-delay document: the child's dated facts (one per non-voided
 * record) and the challenges naming the child, which the flags are evaluated from at a
 * date (`driftFlagsAt`), and what the queries filter on: the days the child was looked
 * after (short breaks left out), on a plan, and named in an open challenge, and the IRO
 * allocations. `nextReviewDueBy` / `nextConferenceDueBy` are what is due next in the
 * open period of care / plan after the last record. Nothing here depends on today.
 */
export interface OversightDocument {
  _id: string;
  childId: string;
  facts: ChildFact[];
  challenges: ChildChallenge[];
  lookedAfter: DateInterval[];
  protection: DateInterval[];
  iroAllocations: IroAllocationInterval[];
  /** from raising to resolution of each challenge naming the child */
  challengesOpen: DateInterval[];
  /**
   * the days any of the three above holds: the only days the child can have a flag or be
   * in a caseload, so the one interval list the read store filters on for those queries
   */
  active: DateInterval[];
  nextReviewDueBy: CalendarDate | null;
  nextConferenceDueBy: CalendarDate | null;
}

export function emptyOversightDocument(childId: string): OversightDocument {
  return {
    _id: childId,
    childId,
    facts: [],
    challenges: [],
    lookedAfter: [],
    protection: [],
    iroAllocations: [],
    challengesOpen: [],
    active: [],
    nextReviewDueBy: null,
    nextConferenceDueBy: null,
  };
}

/** A copy with some parts replaced (written out field by field: spreading is slow on a hot path). */
export function oversightWith(document: OversightDocument, changes: Partial<Omit<OversightDocument, '_id' | 'childId'>>): OversightDocument {
  return {
    _id: document._id,
    childId: document.childId,
    facts: changes.facts ?? document.facts,
    challenges: changes.challenges ?? document.challenges,
    lookedAfter: changes.lookedAfter ?? document.lookedAfter,
    protection: changes.protection ?? document.protection,
    iroAllocations: changes.iroAllocations ?? document.iroAllocations,
    challengesOpen: changes.challengesOpen ?? document.challengesOpen,
    active: changes.active ?? document.active,
    nextReviewDueBy: changes.nextReviewDueBy !== undefined ? changes.nextReviewDueBy : document.nextReviewDueBy,
    nextConferenceDueBy: changes.nextConferenceDueBy !== undefined ? changes.nextConferenceDueBy : document.nextConferenceDueBy,
  };
}

/**
 * The parts of a child's document, each derived from its own facts: a new or voided
 * fact re-derives only its part, which keeps a replay of a million events cheap.
 */
export type OversightAspect = 'care' | 'reviews' | 'protection' | 'allocations' | 'challenges';
export const ALL_ASPECTS: readonly OversightAspect[] = ['care', 'reviews', 'protection', 'allocations', 'challenges'];

/**
 * The aspect a child fact belongs to; none for the registration, which nothing derived
 * reads. A review changes only what is due next; a care, placement or legal status
 * record changes the periods of care.
 */
export function aspectOf(fact: ChildFact): OversightAspect | undefined {
  if (fact.kind === 'review-held') return 'reviews';
  if (CARE_FACT_KINDS.has(fact.kind)) return 'care';
  if (PROTECTION_FACT_KINDS.has(fact.kind)) return 'protection';
  if (ALLOCATION_FACT_KINDS.has(fact.kind)) return 'allocations';
  return undefined;
}

/**
 * The document with the named aspects derived again from its facts and challenges (all
 * of them by default). Deriving only some gives the same document as deriving all,
 * since each aspect reads only its own facts.
 */
export function withDerived(document: OversightDocument, aspects: readonly OversightAspect[] = ALL_ASPECTS): OversightDocument {
  const changes: Partial<OversightDocument> = {};
  const periodsToo = aspects.includes('care') || aspects.includes('reviews');
  const plansToo = aspects.includes('protection');
  const allocationsToo = aspects.includes('allocations');
  // all three (a replay's documents are derived in full): one sort of the facts serves them
  const timeline: Partial<ChildTimeline> =
    periodsToo && plansToo && allocationsToo ? childTimeline(document.childId, document.facts) : {};
  if (periodsToo) {
    const periods = timeline.periods ?? carePeriodsOf(document.facts);
    if (aspects.includes('care')) changes.lookedAfter = lookedAfterIntervals({ periods });
    changes.nextReviewDueBy = nextReviewDueBy(periods);
  }
  if (plansToo) {
    const plans = timeline.plans ?? protectionPlansOf(document.childId, document.facts);
    changes.protection = protectionIntervals({ plans });
    changes.nextConferenceDueBy = nextConferenceDueBy(plans);
  }
  if (allocationsToo) {
    changes.iroAllocations = (timeline.allocations ?? iroAllocationsOf(document.facts)).map(({ iroId, from, until }) => ({ iroId, from, until }));
  }
  if (aspects.includes('challenges')) {
    changes.challengesOpen = merged(document.challenges.map((challenge) => ({ from: challenge.raisedOn, until: challenge.resolvedOn })));
  }
  if (changes.lookedAfter || changes.protection || changes.challengesOpen) {
    changes.active = merged([
      ...(changes.lookedAfter ?? document.lookedAfter),
      ...(changes.protection ?? document.protection),
      ...(changes.challengesOpen ?? document.challengesOpen),
    ]);
  }
  return oversightWith(document, changes);
}

/** The next review of the open period of care after the last review recorded; null when not in care. */
function nextReviewDueBy(periods: readonly PeriodTimeline[]): CalendarDate | null {
  const last = periods[periods.length - 1];
  if (!last || last.until !== null) return null;
  const chain = reviewDueChain(last);
  return chain[chain.length - 1].dueBy;
}

/** The next review conference of the open plan after the last conference recorded; null when no plan is open. */
function nextConferenceDueBy(plans: readonly PlanTimeline[]): CalendarDate | null {
  const last = plans[plans.length - 1];
  if (!last || last.until !== null) return null;
  const chain = conferenceDueChain(last);
  return chain[chain.length - 1].dueBy;
}

/**
 * When each flag is true for the child, worked out from the document's facts and
 * challenges alone: windows of dates, each from the day the flag became true (see
 * FlagWindow), in date order.
 */
export function driftFlagWindows(document: Pick<OversightDocument, 'childId' | 'facts' | 'challenges'>): FlagWindow[] {
  const periods = { periods: carePeriodsOf(document.facts) };
  const lookedAfter = lookedAfterIntervals(periods);
  return [
    ...reviewFlagWindows(periods, lookedAfter),
    ...placementFlagWindows(periods, lookedAfter),
    ...protectionFlagWindows({ plans: protectionPlansOf(document.childId, document.facts) }),
    ...challengeFlagWindows(document.challenges),
  ].sort(inFlagOrder);
}

/** A total order, so that the windows come out the same however the records arrived. */
function inFlagOrder(a: FlagWindow, b: FlagWindow): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.flag !== b.flag) return DRIFT_FLAGS.indexOf(a.flag) - DRIFT_FLAGS.indexOf(b.flag);
  const untilA = a.until ?? '9999-12-31';
  const untilB = b.until ?? '9999-12-31';
  if (untilA !== untilB) return untilA < untilB ? -1 : 1;
  return a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;
}

/**
 * The child's flags on `asAt`, in the order of DRIFT_FLAGS: every flag with a window
 * open that day, since the earliest such window's run became true, with the reasons and
 * evidence as they stood that day. Time-based flags come out true on any date inside
 * their window, whether or not an event arrived on it.
 */
export function driftFlagsAt(document: Pick<OversightDocument, 'childId' | 'facts' | 'challenges'>, asAt: CalendarDate): DriftFlag[] {
  const open = new Map<DriftFlagName, FlagWindow[]>();
  for (const window of driftFlagWindows(document)) {
    if (!contains(window, asAt)) continue;
    const windows = open.get(window.flag);
    if (windows) windows.push(window);
    else open.set(window.flag, [window]);
  }
  return DRIFT_FLAGS.filter((flag) => open.has(flag)).map((flag) => {
    const windows = open.get(flag)!;
    return {
      flag,
      since: windows.reduce((earliest, w) => (w.since < earliest ? w.since : earliest), windows[0].since),
      reason: windows.map((w) => w.reason).join(' '),
      evidence: windows.map((w) => w.evidence),
    };
  });
}

/** The child's IRO on `date`: the latest allocation effective on or before it. */
export function iroOn(document: Pick<OversightDocument, 'iroAllocations'>, date: CalendarDate): string | null {
  return document.iroAllocations.find((allocation) => contains(allocation, date))?.iroId ?? null;
}

export function lookedAfterOn(document: Pick<OversightDocument, 'lookedAfter'>, date: CalendarDate): boolean {
  return document.lookedAfter.some((interval) => contains(interval, date));
}

export function onPlanOn(document: Pick<OversightDocument, 'protection'>, date: CalendarDate): boolean {
  return document.protection.some((interval) => contains(interval, date));
}

/**
 * A MongoDB `$elemMatch` body for an interval array element open on `date`. `$not`
 * matches a null `until` (still open) as well as a later one, and is cheaper to evaluate
 * in process than an `$or`.
 */
export function openOn(date: CalendarDate): Record<string, unknown> {
  return { from: { $lte: date }, until: { $not: { $lte: date } } };
}
