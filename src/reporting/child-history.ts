import { CalendarDate } from '../calendar/calendar-date';
import {
  CategoryOfAbuse, EthnicityCode, LegalStatus, ParticipationCode, PlacementType, ReasonCeased, Sex,
  SHORT_BREAK_LEGAL_STATUSES,
} from '../events/codes';
import {
  firstReviewConferenceDueDate, firstReviewDueDate, initialConferenceDueDate, laterReviewConferenceDueDate, nextReviewDueDate,
} from '../timescales';
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

export interface ProtectionPlan {
  planId: string;
  start: CalendarDate;
  end?: CalendarDate;
  categoryOfAbuse?: CategoryOfAbuse;
  previousPlanCount?: number;
}

export interface InitialConference {
  conferenceId: string;
  heldOn: CalendarDate;
  strategyDiscussionOn?: CalendarDate;
}

export interface ReviewConference {
  conferenceId: string;
  heldOn: CalendarDate;
  planId?: string;
  dueBy: CalendarDate;
}

const byDate = <T>(dateOf: (item: T) => CalendarDate) => (a: T, b: T): number =>
  dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0;

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
          ? firstReviewDueDate(period.start)
          : nextReviewDueDate(index, list[index - 1].heldOn);
      reviews.push({
        reviewId: fact.reviewId, periodId: period?.periodId ?? fact.periodId, heldOn: fact.heldOn,
        participation: fact.participation, visited: fact.visited, dueBy,
        shortBreak: period ? isShortBreak(legalStatusOn(period, fact.heldOn)) : false,
      });
    });
  }
  return reviews.sort(byDate((r) => r.heldOn));
}

function derivePlans(
  history: ChildHistory,
  conferences: Extract<ChildFact, { type: 'CPConferenceHeld' }>[],
  planStarts: Extract<ChildFact, { type: 'ChildProtectionPlanStarted' }>[],
  planEnds: Extract<ChildFact, { type: 'ChildProtectionPlanEnded' }>[],
): void {
  const plans = new Map<string, ProtectionPlan>();
  const sortedConferences = [...conferences].sort(byDate((c) => c.heldOn));
  for (const conference of sortedConferences) {
    if (conference.conferenceType !== 'initial') continue;
    history.initialConferences.push({
      conferenceId: conference.conferenceId, heldOn: conference.heldOn, strategyDiscussionOn: conference.strategyDiscussionOn,
    });
    if (conference.outcome !== 'plan-started') continue;
    const planId = conference.planId ?? `${history.childId}:${conference.heldOn}`;
    if (!plans.has(planId)) {
      plans.set(planId, {
        planId, start: conference.heldOn, categoryOfAbuse: conference.categoryOfAbuse, previousPlanCount: conference.previousPlanCount,
      });
    }
  }
  for (const started of planStarts) {
    if (!plans.has(started.planId)) {
      plans.set(started.planId, {
        planId: started.planId, start: started.startDate, categoryOfAbuse: started.categoryOfAbuse, previousPlanCount: started.previousPlanCount,
      });
    }
  }
  history.plans = [...plans.values()].sort(byDate((p) => p.start));
  const endings = [
    ...sortedConferences
      .filter((c) => c.conferenceType === 'review' && c.outcome === 'plan-ended')
      .map((c) => ({ planId: c.planId, endDate: c.heldOn })),
    ...planEnds.map((e) => ({ planId: e.planId as string | undefined, endDate: e.endDate })),
  ].sort(byDate((e) => e.endDate));
  for (const ending of endings) {
    const plan = planFor(history.plans, ending.planId, ending.endDate);
    if (plan && plan.end === undefined && plan.start < ending.endDate) plan.end = ending.endDate;
  }
  const reviewsByPlan = new Map<ProtectionPlan | undefined, Extract<ChildFact, { type: 'CPConferenceHeld' }>[]>();
  for (const conference of sortedConferences) {
    if (conference.conferenceType !== 'review') continue;
    const plan = planFor(history.plans, conference.planId, conference.heldOn);
    const list = reviewsByPlan.get(plan) ?? [];
    list.push(conference);
    reviewsByPlan.set(plan, list);
  }
  for (const [plan, list] of reviewsByPlan) {
    list.forEach((conference, index) => {
      const dueBy = !plan
        ? conference.recordedDueBy
        : index === 0
          ? firstReviewConferenceDueDate(plan.start)
          : laterReviewConferenceDueDate(list[index - 1].heldOn);
      history.reviewConferences.push({ conferenceId: conference.conferenceId, heldOn: conference.heldOn, planId: plan?.planId, dueBy });
    });
  }
  history.reviewConferences.sort(byDate((c) => c.heldOn));
}

/** The plan a conference or ending belongs to: by id, else the plan open on that day (start < date <= end). */
function planFor(plans: ProtectionPlan[], planId: string | undefined, date: CalendarDate): ProtectionPlan | undefined {
  if (planId) {
    const named = plans.find((p) => p.planId === planId);
    if (named) return named;
  }
  let found: ProtectionPlan | undefined;
  for (const plan of plans) {
    if (plan.start < date && (plan.end === undefined || date <= plan.end)) found = plan;
  }
  return found;
}

/** On a plan on `date`: planStart <= date < planEnd (or no end). */
export function planOn(history: ChildHistory, date: CalendarDate): ProtectionPlan | undefined {
  return history.plans.find((p) => p.start <= date && (p.end === undefined || date < p.end));
}

/** The child's IRO on `date`: the latest allocation effective on or before it. */
export function iroOn(history: ChildHistory, date: CalendarDate): string | undefined {
  let iroId: string | undefined;
  for (const allocation of history.iroAllocations) if (allocation.date <= date) iroId = allocation.iroId;
  return iroId;
}

/** Unborn on `date`: registered with only an expected date of birth, and `date` is before it. */
export function unbornOn(history: ChildHistory, date: CalendarDate): boolean {
  return history.dateOfBirth === undefined && history.expectedDateOfBirth !== undefined && date < history.expectedDateOfBirth;
}

export function birthDate(history: ChildHistory): CalendarDate | undefined {
  return history.dateOfBirth ?? history.expectedDateOfBirth;
}
