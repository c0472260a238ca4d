import { CalendarDate, daysBetween } from '../../calendar/calendar-date';
import { LegalStatus, PlacementType } from '../../events/codes';
import { currentSpell, isOverdueAt, challengeAsAt } from '../issues-resolution/challenge-history';
import { StageKey } from '../issues-resolution/challenge-stages';
import { childTimeline } from './child-timeline';
import { contains } from './date-intervals';
import { conferenceDueChain, dueOn, reviewDueChain } from './due-chains';
import { DriftFlag } from './drift-flag';
import { driftFlagsAt, iroOn, lookedAfterOn, onPlanOn, OversightDocument } from './oversight-document';

export type OversightStatus = 'looked-after' | 'cp-plan' | 'both' | 'neither';

/** A child's oversight on a date: what the panel sees for one child. */
export interface ChildOversight {
  childId: string;
  asAt: CalendarDate;
  status: OversightStatus;
  iroId: string | null;
  /** the period of care the child is in on `asAt` (also under a short-break legal status) */
  carePeriod: {
    periodId: string;
    startDate: CalendarDate;
    legalStatus: LegalStatus;
    placementType: PlacementType;
    placementSince: CalendarDate;
  } | null;
  plan: { planId: string; startDate: CalendarDate } | null;
  /** while looked after: the next review's due date and how many days it is overdue on `asAt` (0 when not) */
  nextReviewDueBy: CalendarDate | null;
  reviewDaysOverdue: number;
  /** while on a plan: the next review conference's due date and days overdue */
  nextConferenceDueBy: CalendarDate | null;
  conferenceDaysOverdue: number;
  openChallenges: { challengeId: string; raisedOn: CalendarDate; stage: StageKey; responseDueBy: CalendarDate | null; overdue: boolean }[];
  flags: DriftFlag[];
}

/** The child's oversight as it stood on `asAt`, from the records effective on or before it. */
export function oversightAt(document: OversightDocument, asAt: CalendarDate): ChildOversight {
  const timeline = childTimeline(document.childId, document.facts);
  const lookedAfter = lookedAfterOn(document, asAt);
  const onPlan = onPlanOn(document, asAt);
  const period = timeline.periods.find((p) => contains(p, asAt));
  const plan = timeline.plans.find((p) => contains(p, asAt));
  const review = lookedAfter && period ? dueOn(reviewDueChain(period), asAt) : undefined;
  const conference = plan ? dueOn(conferenceDueChain(plan), asAt) : undefined;
  const legal = period?.legalStatuses.find((span) => contains(span, asAt));
  const placed = period?.placements.find((span) => contains(span, asAt));
  return {
    childId: document.childId,
    asAt,
    status: lookedAfter && onPlan ? 'both' : lookedAfter ? 'looked-after' : onPlan ? 'cp-plan' : 'neither',
    iroId: iroOn(document, asAt),
    carePeriod:
      period && legal && placed
        ? { periodId: period.periodId, startDate: period.from, legalStatus: legal.value, placementType: placed.value, placementSince: placed.from }
        : null,
    plan: plan ? { planId: plan.planId, startDate: plan.from } : null,
    nextReviewDueBy: review?.dueBy ?? null,
    reviewDaysOverdue: review ? Math.max(0, daysBetween(review.dueBy, asAt)) : 0,
    nextConferenceDueBy: conference?.dueBy ?? null,
    conferenceDaysOverdue: conference ? Math.max(0, daysBetween(conference.dueBy, asAt)) : 0,
    openChallenges: document.challenges
      .map((challenge) => challengeAsAt(challenge, asAt))
      .filter((challenge) => challenge !== undefined && challenge.status === 'open')
      .map((challenge) => {
        const spell = currentSpell(challenge!);
        return {
          challengeId: challenge!.challengeId,
          raisedOn: challenge!.raisedOn,
          stage: spell.stage,
          responseDueBy: spell.responseDueBy,
          overdue: isOverdueAt(spell, asAt),
        };
      }),
    flags: driftFlagsAt(document, asAt),
  };
}
