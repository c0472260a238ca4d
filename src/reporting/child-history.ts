import { CalendarDate } from '../calendar/calendar-date';
import {
  EthnicityCode, LegalStatus, ParticipationCode, PlacementType, ReasonCeased, Sex,
  SHORT_BREAK_LEGAL_STATUSES,
} from '../events/codes';
import { byDate } from './by-date';
import { firstReviewDue, nextReviewDue } from './due-dates';
import { derivePlans, InitialConference, ProtectionPlan, ReviewConference } from './protection-plans';
import { ChildFact, ChildFacts } from './report-facts';

/**
 * A child's history as the figures read it, derived from the child's facts at report
 * time (so a backdated or voided record re-orders everything after it): periods of care
 * with their placements and legal statuses, reviews with the due date each is measured
 * against, child protection plans with their conferences, and IRO allocations.
 */
export interface ChildHistory {
  childId: string;
  sex: Sex;
  dateOfBirth?: CalendarDate;
  expectedDateOfBirth?: CalendarDate;
  ethnicity?: EthnicityCode;
  familyId?: string;
  periods: CarePeriod[];
  reviews: LookedAfterReview[];
  plans: ProtectionPlan[];
  initialConferences: InitialConference[];
  reviewConferences: ReviewConference[];
  iroAllocations: { date: CalendarDate; iroId: string }[];
}

export interface PlacementSpell {
  start: CalendarDate;
  placementType: PlacementType;
  outside: boolean;
}

export interface CarePeriod {
  periodId: string;
  start: CalendarDate;
  /** the day care ended: not looked after on it */
  end?: CalendarDate;
  reasonCeased?: ReasonCeased;
  /** ordered by start; the first is the placement at the start of care */
  placements: PlacementSpell[];
  legalStatuses: { start: CalendarDate; legalStatus: LegalStatus }[];
}

export interface LookedAfterReview {
  reviewId: string;
  periodId: string;
  heldOn: CalendarDate;
  participation: ParticipationCode;
  visited: boolean | null;
  dueBy: CalendarDate;
  /** held while the child's legal status was V3 / V4 (short breaks) */
  shortBreak: boolean;
}


export function deriveChildHistory(child: ChildFacts): ChildHistory {
  const history: ChildHistory = {
    childId: child.childId, sex: 'unknown', periods: [], reviews: [], plans: [], initialConferences: [],
    reviewConferences: [], iroAllocations: [],
  };
  const ends: Extract<ChildFact, { type: 'CareEnded' }>[] = [];
  const changes: Extract<ChildFact, { type: 'PlacementChanged' | 'LegalStatusChanged' }>[] = [];
  const reviews: Extract<ChildFact, { type: 'ReviewHeld' }>[] = [];
  const conferences: Extract<ChildFact, { type: 'CPConferenceHeld' }>[] = [];
  const planStarts: Extract<ChildFact, { type: 'ChildProtectionPlanStarted' }>[] = [];
  const planEnds: Extract<ChildFact, { type: 'ChildProtectionPlanEnded' }>[] = [];

  for (const fact of child.facts) {
    switch (fact.type) {
      case 'ChildRegistered':
        history.sex = fact.sex;
        history.dateOfBirth = fact.dateOfBirth;
        history.expectedDateOfBirth = fact.expectedDateOfBirth;
        history.ethnicity = fact.ethnicity;
        history.familyId = fact.familyId;
        break;
      case 'CareStarted':
        history.periods.push({
          periodId: fact.periodId, start: fact.startDate,
          placements: [{ start: fact.startDate, placementType: fact.placementType, outside: fact.outside }],
          legalStatuses: [{ start: fact.startDate, legalStatus: fact.legalStatus }],
        });
        break;
      case 'CareEnded': ends.push(fact); break;
      case 'PlacementChanged': case 'LegalStatusChanged': changes.push(fact); break;
      case 'IroAllocated': history.iroAllocations.push({ date: fact.date, iroId: fact.iroId }); break;
      case 'ReviewHeld': reviews.push(fact); break;
      case 'CPConferenceHeld': conferences.push(fact); break;
      case 'ChildProtectionPlanStarted': planStarts.push(fact); break;
      case 'ChildProtectionPlanEnded': planEnds.push(fact); break;
    }
  }
  history.periods.sort(byDate((p) => p.start));
  for (const end of ends) {
    const period = history.periods.find((p) => p.periodId === end.periodId);
    if (period) {
      period.end = end.endDate;
      period.reasonCeased = end.reasonCeased;
    }
  }
  // stable sort: on the same day the later record wins
  changes.sort(byDate((c) => c.date));
  for (const change of changes) {
    const period = periodContaining(history.periods, change.date);
    if (!period) continue;
    if (change.type === 'PlacementChanged') {
      period.placements.push({ start: change.date, placementType: change.placementType, outside: change.outside });
    } else {
      period.legalStatuses.push({ start: change.date, legalStatus: change.legalStatus });
    }
  }
  history.iroAllocations.sort(byDate((a) => a.date));
  history.reviews = dueDatedReviews(history.periods, reviews);
  derivePlans(history, conferences, planStarts, planEnds);
  return history;
}

export { planOn } from './protection-plans';
export type { InitialConference, ProtectionPlan, ReviewConference };

/** The period the child was in on `date` (start <= date < end), whatever its legal status. */
export function periodContaining(periods: CarePeriod[], date: CalendarDate): CarePeriod | undefined {
  let found: CarePeriod | undefined;
  for (const period of periods) {
    if (period.start <= date && (period.end === undefined || date < period.end)) found = period;
  }
  return found;
}

export function placementOn(period: CarePeriod, date: CalendarDate): PlacementSpell {
  let current = period.placements[0];
  for (const spell of period.placements) if (spell.start <= date) current = spell;
  return current;
}

export function legalStatusOn(period: CarePeriod, date: CalendarDate): LegalStatus {
  let current = period.legalStatuses[0].legalStatus;
  for (const status of period.legalStatuses) if (status.start <= date) current = status.legalStatus;
  return current;
}

export const isShortBreak = (legalStatus: LegalStatus): boolean => SHORT_BREAK_LEGAL_STATUSES.includes(legalStatus);

/**
 * The day the period's child became looked after for reviews (reg 33): its start, or for
 * a period begun as short breaks (V3 / V4) the first legal status that is not one.
 */
export function lookedAfterFrom(period: CarePeriod): CalendarDate {
  let from: CalendarDate | undefined;
  for (const { start, legalStatus } of period.legalStatuses) if (!isShortBreak(legalStatus) && (from === undefined || start < from)) from = start;
  return from === undefined || from < period.start ? period.start : from;
}

/** Looked after on `date`: in a period of care on that day whose legal status is not V3 / V4. */
export function lookedAfterPeriodOn(history: ChildHistory, date: CalendarDate): CarePeriod | undefined {
  const period = periodContaining(history.periods, date);
  if (!period || isShortBreak(legalStatusOn(period, date))) return undefined;
  return period;
}

function dueDatedReviews(periods: CarePeriod[], facts: Extract<ChildFact, { type: 'ReviewHeld' }>[]): LookedAfterReview[] {
  const byPeriod = new Map<CarePeriod | undefined, typeof facts>();
  for (const fact of facts) {
    const period =
      periods.find((p) => p.periodId === fact.periodId) ??
      periods.find((p) => p.start <= fact.heldOn && (p.end === undefined || fact.heldOn <= p.end));
    const list = byPeriod.get(period) ?? [];
    list.push(fact);
    byPeriod.set(period, list);
  }
  const reviews: LookedAfterReview[] = [];
  for (const [period, list] of byPeriod) {
    list.sort(byDate((r) => r.heldOn));
    list.forEach((fact, index) => {
      const dueBy = !period
        ? fact.recordedDueBy
        : index === 0
          ? firstReviewDue(0, lookedAfterFrom(period))
          : nextReviewDue(index, list[index - 1].heldOn);
      reviews.push({
        reviewId: fact.reviewId, periodId: period?.periodId ?? fact.periodId, heldOn: fact.heldOn,
        participation: fact.participation, visited: fact.visited, dueBy,
        shortBreak: period ? isShortBreak(legalStatusOn(period, fact.heldOn)) : false,
      });
    });
  }
  return reviews.sort(byDate((r) => r.heldOn));
}

/** The child's IRO on `date`: the latest allocation effective on or before it. */
export function iroOn(history: ChildHistory, date: CalendarDate): string | undefined {
  let iroId: string | undefined;
  for (const allocation of history.iroAllocations) if (allocation.date <= date) iroId = allocation.iroId;
  return iroId;
}

/**
 * Unborn on `date`: `date` is before the child's birth, the expected one while only that is
 * recorded. A birth recorded later does not make the child born earlier: on a date before
 * it, the child was unborn, whichever of the two dates the history holds now.
 */
export function unbornOn(history: ChildHistory, date: CalendarDate): boolean {
  const birth = birthDate(history);
  return birth !== undefined && date < birth;
}

export function birthDate(history: ChildHistory): CalendarDate | undefined {
  return history.dateOfBirth ?? history.expectedDateOfBirth;
}
