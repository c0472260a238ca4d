import { CalendarDate } from '../../calendar/calendar-date';
import { challengeFlagWindows, ChildChallenge } from './challenge-flag-windows';
import { ChildFact } from './child-facts';
import { childTimeline, lookedAfterIntervals, protectionIntervals } from './child-timeline';
import { contains, DateInterval } from './date-intervals';
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
 * A child's drift-and-delay document. It keeps the child's dated facts and the
 * challenges naming the child (what everything else is derived from, again, when a
 * record is voided), and what the queries filter on: the days looked after (short
 * breaks left out) and on a plan, the IRO allocations, and each flag's windows.
 * Nothing here depends on today: queries evaluate it at a date.
 */
export interface OversightDocument {
  _id: string;
  childId: string;
  facts: ChildFact[];
  challenges: ChildChallenge[];
  lookedAfter: DateInterval[];
  protection: DateInterval[];
  iroAllocations: IroAllocationInterval[];
  flagWindows: FlagWindow[];
}

export function emptyOversightDocument(childId: string): OversightDocument {
  return { _id: childId, childId, facts: [], challenges: [], lookedAfter: [], protection: [], iroAllocations: [], flagWindows: [] };
}

/** The document with everything derived from its facts and challenges worked out again. */
export function withDerived(document: OversightDocument): OversightDocument {
  const timeline = childTimeline(document.childId, document.facts);
  const lookedAfter = lookedAfterIntervals(timeline);
  const flagWindows = [
    ...reviewFlagWindows(timeline, lookedAfter),
    ...protectionFlagWindows(timeline),
    ...placementFlagWindows(timeline, lookedAfter),
    ...challengeFlagWindows(document.challenges),
  ].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : DRIFT_FLAGS.indexOf(a.flag) - DRIFT_FLAGS.indexOf(b.flag)));
  return {
    ...document,
    lookedAfter,
    protection: protectionIntervals(timeline),
    iroAllocations: timeline.allocations.map(({ iroId, from, until }) => ({ iroId, from, until })),
    flagWindows,
  };
}

/**
 * The child's flags on `asAt`, in the order of DRIFT_FLAGS: every flag with a window
 * open that day, since the earliest such window started. Time-based flags come out true
 * on any date inside their window, whether or not an event arrived on it.
 */
export function driftFlagsAt(document: Pick<OversightDocument, 'flagWindows'>, asAt: CalendarDate): DriftFlag[] {
  const open = new Map<DriftFlagName, FlagWindow[]>();
  for (const window of document.flagWindows) {
    if (!contains(window, asAt)) continue;
    open.set(window.flag, [...(open.get(window.flag) ?? []), window]);
  }
  return DRIFT_FLAGS.filter((flag) => open.has(flag)).map((flag) => {
    const windows = open.get(flag)!;
    return {
      flag,
      since: windows.reduce((earliest, w) => (w.from < earliest ? w.from : earliest), windows[0].from),
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

/** A MongoDB `$elemMatch` body for an interval array element open on `date`. */
export function openOn(date: CalendarDate): Record<string, unknown> {
  return { from: { $lte: date }, $or: [{ until: null }, { until: { $gt: date } }] };
}
