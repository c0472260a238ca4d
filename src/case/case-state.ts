import { CalendarDate } from '../calendar/calendar-date';
import {
  CategoryOfAbuse, CategoryOfNeed, EthnicityCode, LegalStatus, ParticipationCode, PlacementType, ReasonCeased, Sex,
} from '../events/codes';
import { OversightEventType } from '../events/oversight-events';

export interface ChildFacts {
  childId: string;
  /** null for an unborn child */
  dateOfBirth: CalendarDate | null;
  /** set instead of dateOfBirth for an unborn child */
  expectedDateOfBirth: CalendarDate | null;
  sex: Sex;
  ethnicity: EthnicityCode | null;
  familyId: string | null;
}

/** The looked-after reviews held in one period of care. */
export interface PeriodReviews {
  held: number;
  lastHeldOn: CalendarDate | null;
  /** the first review's due date until one is held, then the next one's */
  nextDueBy: CalendarDate;
}

export interface CarePeriod {
  /** `<childId>:<startDate>` */
  periodId: string;
  startDate: CalendarDate;
  endDate: CalendarDate | null;
  reasonCeased: ReasonCeased | null;
  categoryOfNeed: CategoryOfNeed | null;
  legalStatus: LegalStatus;
  legalStatusSince: CalendarDate;
  placementType: PlacementType;
  placedOutsideLocalAuthority: boolean;
  placementSince: CalendarDate;
  firstReviewDueBy: CalendarDate;
  /**
   * the first day of the period not on short breaks (V3, V4): the day the child became
   * looked after for reviews (reg 33), which the first review is due 20 working days
   * after; null while the period has been short breaks only
   */
  lookedAfterSince: CalendarDate | null;
  reviews: PeriodReviews;
  /** the latest date of a placement, legal status or review recorded in the period */
  lastRecordOn: CalendarDate;
}

export interface ChildProtectionPlan {
  /** `<childId>:<initial conference heldOn>`, or `<childId>:<startDate>` for a plan started without a conference */
  planId: string;
  startDate: CalendarDate;
  categoryOfAbuse: CategoryOfAbuse;
  startedBy: 'initial-conference' | 'plan-record';
  endDate: CalendarDate | null;
  /** review conferences held on this plan */
  reviewConferencesHeld: number;
  /** the initial or latest review conference; null for a plan started without a conference and not yet reviewed */
  lastConferenceOn: CalendarDate | null;
  /** while the plan is open */
  nextReviewConferenceDueBy: CalendarDate | null;
}

export interface IroAllocation {
  iroId: string;
  since: CalendarDate;
}

/**
 * A list that shares its tail: a fold adds one item in O(1) rather than copying what it
 * has (a case's history can be long, and an import folds a million events).
 */
export type Chain<T> = { readonly item: T; readonly before: Chain<T> } | null;

export function chainItems<T>(chain: Chain<T>): T[] {
  const items: T[] = [];
  for (let link = chain; link !== null; link = link.before) items.push(link.item);
  return items.reverse();
}

/** An event a fold has seen, by its id. */
export interface SeenEvent {
  id: string;
  type: OversightEventType;
}

/** the type of every event folded with an id, by id, in the order recorded */
export const seenEventTypes = (seen: Chain<SeenEvent>): Map<string, OversightEventType> =>
  new Map(chainItems(seen).map(({ id, type }) => [id, type]));

/** every standing record but the registration and voids, in the order recorded */
export const standingRecordsOf = (state: Pick<CaseState, 'records'>): StandingRecord[] => chainItems(state.records);

/** by event id: the ids of the standing records that stand on it, in the order recorded */
export function dependentsOf(state: Pick<CaseState, 'dependents'>): Record<string, string[]> {
  const byParent: Record<string, string[]> = Object.create(null);
  for (const { parent, id } of chainItems(state.dependents)) (byParent[parent] ??= []).push(id);
  return byParent;
}

/** A standing record of the case (not the registration, not a void), to check it against a new date of birth. */
export interface StandingRecord {
  /** null for an event folded without its id */
  eventId: string | null;
  type: OversightEventType;
  /** the date it takes effect */
  date: CalendarDate;
  /** a review's id and participation */
  reviewId?: string;
  participation?: ParticipationCode;
  /** the legal status a care start or legal status change records */
  legalStatus?: LegalStatus;
  /** the placement a care start or placement change records */
  placementType?: PlacementType;
}

/**
 * The event ids behind each period of care and plan (events folded with an id), so that the
 * fold knows which records stand on which.
 */
export interface RecordLinks {
  /**
   * by periodId: its CareStarted, its latest review, its CareEnded, and for a period begun
   * as short breaks the legal status its first review is counted from
   */
  periods: Record<string, { startId: string | null; lastReviewId: string | null; endId: string | null; offShortBreaksId: string | null }>;
  /** by planId: the record that started it, its latest review conference, the record that ended it */
  plans: Record<string, { startId: string | null; lastConferenceId: string | null; endId: string | null }>;
}

/** A child's case as the decider sees it: the fold of the child's stream, voided records left out. */
export interface CaseState {
  registered: boolean;
  child: ChildFacts | null;
  inCare: boolean;
  /** the open period of care, also the last of `periods` */
  currentPeriod: CarePeriod | null;
  /** every period of care, oldest first */
  periods: CarePeriod[];
  iro: IroAllocation | null;
  /** the open child protection plan, also the last of `plans` */
  openPlan: ChildProtectionPlan | null;
  /** every child protection plan recorded here, oldest first */
  plans: ChildProtectionPlan[];
  /** every event folded with its id, latest first (seenEventTypes gives them by id) */
  eventsSeen: Chain<SeenEvent>;
  /** ids of voided events (they are left out of the fold) */
  voidedIds: string[];
  /** every standing record but the registration and voids, latest first (standingRecordsOf gives them in order) */
  records: Chain<StandingRecord>;
  /** which standing record stands on which, latest first (dependentsOf gives them by event id) */
  dependents: Chain<{ parent: string; id: string }>;
  recordLinks: RecordLinks;
}

export const initialCaseState: CaseState = {
  registered: false,
  child: null,
  inCare: false,
  currentPeriod: null,
  periods: [],
  iro: null,
  openPlan: null,
  plans: [],
  eventsSeen: null,
  voidedIds: [],
  records: null,
  dependents: null,
  recordLinks: { periods: {}, plans: {} },
};

/** The date of birth, or for an unborn child the expected one. */
export function birthDateOf(state: CaseState): CalendarDate | null {
  return state.child?.dateOfBirth ?? state.child?.expectedDateOfBirth ?? null;
}

/** The period of care the child was in on `date`: startDate <= date < endDate (or no end). */
export function periodOn(state: CaseState, date: CalendarDate): CarePeriod | null {
  return state.periods.find((p) => p.startDate <= date && (p.endDate === null || date < p.endDate)) ?? null;
}

export function lastPeriodOf(state: CaseState): CarePeriod | null {
  return state.periods[state.periods.length - 1] ?? null;
}

export function lastPlanOf(state: CaseState): ChildProtectionPlan | null {
  return state.plans[state.plans.length - 1] ?? null;
}
