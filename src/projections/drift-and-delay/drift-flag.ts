import { CalendarDate } from '../../calendar/calendar-date';
import { DateInterval } from './date-intervals';

/** The drift-and-delay flags, in the order they are listed. */
export const DRIFT_FLAGS = [
  'review-overdue',
  'cp-review-overdue',
  'cp-plan-over-15-months',
  'cp-plan-over-18-months',
  'cp-plan-over-24-months',
  'repeat-cp-plan',
  'repeat-cp-plan-within-2-years',
  'no-permanence-plan-at-second-review',
  'three-or-more-placements-in-12-months',
  'placed-with-parents-on-care-order-over-6-months',
  'challenge-overdue',
  'challenge-over-20-working-days',
  'not-visited-before-review',
] as const;
export type DriftFlagName = (typeof DRIFT_FLAGS)[number];

export function isDriftFlagName(value: string): value is DriftFlagName {
  return (DRIFT_FLAGS as readonly string[]).includes(value);
}

/** The records and dates a flag rests on, so the panel can trace it. */
export interface FlagEvidence {
  eventIds: string[];
  dates: Record<string, CalendarDate>;
}

/**
 * When a flag is true for a child, worked out from the child's records alone: from
 * `from` until `until` (exclusive; null: until something is recorded that ends it). A
 * flag that depends on time passing (a review not held by its due date) has its window
 * start on the day it becomes true, so it is true on any later date even though no event
 * arrived then. The reason and evidence are what stood on each day of the window, so a
 * run whose reason changes on the way (another placement counted) is cut into windows
 * there, each with `since`, the day the run became true.
 */
export interface FlagWindow extends DateInterval {
  flag: DriftFlagName;
  since: CalendarDate;
  reason: string;
  evidence: FlagEvidence;
}

/** A flag true on a date: since the earliest of its windows that is open then, with every such window's reason and evidence. */
export interface DriftFlag {
  flag: DriftFlagName;
  since: CalendarDate;
  reason: string;
  evidence: FlagEvidence[];
}

export function flagWindow(
  flag: DriftFlagName,
  interval: DateInterval,
  reason: string,
  evidence: FlagEvidence,
  since: CalendarDate = interval.from,
): FlagWindow {
  return { flag, from: interval.from, until: interval.until, since, reason, evidence };
}
