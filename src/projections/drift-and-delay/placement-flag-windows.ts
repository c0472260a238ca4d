import { addDays, CalendarDate } from '../../calendar/calendar-date';
import { addMonths } from '../../calendar/calendar-months';
import {
  CARE_ORDER_LEGAL_STATUSES, PlacementType, SHORT_BREAK_LEGAL_STATUSES, TEMPORARY_PLACEMENT_TYPES,
} from '../../events/codes';
import { ChildTimeline, PeriodTimeline } from './child-timeline';
import { clipTo, contains, cutAt, DateInterval, firstDateMonthsAfter, isEmpty } from './date-intervals';
import { flagWindow, FlagWindow } from './drift-flag';
import { longDate } from './long-date';

/** A placement as FIGURES.md counts them. */
export interface CountedPlacement extends DateInterval {
  placementType: PlacementType;
  /** its start, then each return to it from a temporary placement */
  records: { eventId: string; date: CalendarDate }[];
}

/**
 * Placements as FIGURES.md counts them (and src/reporting's placement counting, so a
 * flag and the year's figure agree): one starts at the start of care or at a placement
 * change; temporary placements (T0-T4) do not count, and a move back from a temporary
 * placement to the type held just before it continues that placement. Placements begun
 * under a short-break legal status (V3, V4) do not count. Each lasts until the next
 * counted placement starts, or care ends.
 */
export function countedPlacements(periods: readonly PeriodTimeline[]): CountedPlacement[] {
  const counted: CountedPlacement[] = [];
  for (const period of periods) {
    const inPeriod: CountedPlacement[] = [];
    let afterTemporary = false;
    for (const span of period.placements) {
      const last = inPeriod[inPeriod.length - 1];
      if (TEMPORARY_PLACEMENT_TYPES.includes(span.value)) {
        afterTemporary = true;
        continue;
      }
      if (afterTemporary && last && last.placementType === span.value) {
        last.records.push({ eventId: span.eventId, date: span.from });
        afterTemporary = false;
        continue;
      }
      afterTemporary = false;
      const legal = period.legalStatuses.find((l) => l.from <= span.from && (l.until === null || span.from < l.until));
      if (legal && SHORT_BREAK_LEGAL_STATUSES.includes(legal.value)) continue;
      if (last) last.until = span.from;
      inPeriod.push({ from: span.from, until: period.until, placementType: span.value, records: [{ eventId: span.eventId, date: span.from }] });
    }
    counted.push(...inPeriod);
  }
  return counted;
}

const PLACEMENTS_FLAGGED = 3;

/**
 * three-or-more-placements-in-12-months, while looked after: on date D, the placements
 * the child was in on some day after addMonths(D, -12) up to D (the same window as the
 * year's count on 31 March) number three or more. A placement counts on D from the day
 * it starts until the first D whose 12 months no longer reach its last day.
 */
export function placementFlagWindows(timeline: Pick<ChildTimeline, 'periods'>, lookedAfter: readonly DateInterval[]): FlagWindow[] {
  return [...manyPlacementWindows(timeline, lookedAfter), ...placedWithParentsWindows(timeline, lookedAfter)];
}

function manyPlacementWindows(timeline: Pick<ChildTimeline, 'periods'>, lookedAfter: readonly DateInterval[]): FlagWindow[] {
  const counting = countedPlacements(timeline.periods).map((placement) => ({
    placement,
    from: placement.from,
    until: placement.until === null ? null : firstDateMonthsAfter(addDays(placement.until, -1), 12),
  }));
  const changes = new Map<CalendarDate, number>();
  for (const c of counting) {
    changes.set(c.from, (changes.get(c.from) ?? 0) + 1);
    if (c.until !== null) changes.set(c.until, (changes.get(c.until) ?? 0) - 1);
  }
  const windows: DateInterval[] = [];
  let count = 0;
  let open: CalendarDate | null = null;
  for (const date of [...changes.keys()].sort()) {
    count += changes.get(date)!;
    if (count >= PLACEMENTS_FLAGGED && open === null) open = date;
    if (count < PLACEMENTS_FLAGGED && open !== null) {
      windows.push({ from: open, until: date });
      open = null;
    }
  }
  if (open !== null) windows.push({ from: open, until: null });

  // the placements counted, and their records, change inside a run: cut it there so each day reads what stood then
  const cuts = counting.flatMap((c) => [...c.placement.records.map((r) => r.date), ...(c.until === null ? [] : [c.until])]);
  return windows.flatMap((window) =>
    clipTo(window, lookedAfter).flatMap((part) =>
      cutAt(part, cuts).map((piece) => {
        const inWindow = counting.filter((c) => contains(c, piece.from)).map((c) => c.placement);
        return flagWindow(
          'three-or-more-placements-in-12-months',
          piece,
          `${inWindow.length} placements within 12 months, starting ${inWindow.map((p) => longDate(p.from)).join(', ')}.`,
          {
            eventIds: inWindow.flatMap((p) => p.records.filter((r) => r.date <= piece.from).map((r) => r.eventId)),
            dates: Object.fromEntries(inWindow.map((p, i) => [`placement${i + 1}Start`, p.from])),
          },
          part.from,
        );
      }),
    ),
  );
}

/**
 * placed-with-parents-on-care-order-over-6-months: placed with parents (P1) under a
 * care order (C1 interim or C2 full) continuously since S: true from addMonths(S, 6),
 * which clamps (S on 31 August gives 28 February).
 */
function placedWithParentsWindows(timeline: Pick<ChildTimeline, 'periods'>, lookedAfter: readonly DateInterval[]): FlagWindow[] {
  const windows: FlagWindow[] = [];
  for (const period of timeline.periods) {
    const boundaries = [...new Set([...period.legalStatuses, ...period.placements].map((span) => span.from))].sort();
    let stretch: { from: CalendarDate; eventIds: string[] } | null = null;
    const close = (until: CalendarDate | null) => {
      if (stretch === null) return;
      const over: DateInterval = { from: addMonths(stretch.from, 6), until };
      if (!isEmpty(over)) {
        const since = stretch.from;
        windows.push(
          ...clipTo(over, lookedAfter).map((part) =>
            flagWindow(
              'placed-with-parents-on-care-order-over-6-months',
              part,
              `Placed with parents on a care order since ${longDate(since)}, over 6 months.`,
              { eventIds: stretch!.eventIds, dates: { placedWithParentsOnCareOrderSince: since } },
            ),
          ),
        );
      }
      stretch = null;
    };
    for (const date of boundaries) {
      const legal = period.legalStatuses.find((span) => span.from <= date && (span.until === null || date < span.until));
      const placed = period.placements.find((span) => span.from <= date && (span.until === null || date < span.until));
      const qualifies = legal && placed && placed.value === 'P1' && CARE_ORDER_LEGAL_STATUSES.includes(legal.value);
      if (qualifies && stretch === null) stretch = { from: date, eventIds: [placed!.eventId, legal!.eventId].filter(unique) };
      if (!qualifies) close(date);
    }
    close(period.until);
  }
  return windows;
}

const unique = <T>(value: T, index: number, all: T[]) => all.indexOf(value) === index;
