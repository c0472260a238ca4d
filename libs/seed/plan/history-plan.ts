import { CalendarDate } from '../../../src/calendar/calendar-date';
import {
  CategoryOfAbuse, ChallengeCategory, ChallengeOutcome, ChallengeStage, EthnicityCode, LegalStatus,
  ParticipationCode, PlacementType, ReasonCeased, ReasonPlaceChange, Sex,
} from '../../../src/events/codes';

/**
 * A seed history as planned, before any command is decided: every child's periods of
 * care, placements, legal statuses, reviews, protection plans and conferences, IRO
 * allocations, and every challenge with its steps. The planner builds it to the
 * profile's targets; the runner turns it into commands and decides them one by one.
 */
export interface HistoryPlan {
  children: PlannedChild[];
  challenges: PlannedChallenge[];
  iroIds: string[];
}

export interface PlannedChild {
  childId: string;
  sex: Sex;
  dateOfBirth?: CalendarDate;
  /** an unborn child, registered before birth */
  expectedDateOfBirth?: CalendarDate;
  ethnicity?: EthnicityCode;
  familyId?: string;
  periods: PlannedCarePeriod[];
  plans: PlannedProtectionPlan[];
  /** initial conferences that decided no plan */
  initialConferencesWithoutPlan: PlannedInitialConference[];
  iroAllocations: { on: CalendarDate; iroId: string }[];
}

export interface PlannedCarePeriod {
  start: CalendarDate;
  /** the day care ended (not looked after on it); none: still in care at the history's end */
  end?: CalendarDate;
  reasonCeased?: ReasonCeased;
  /** ordered; the first is at the start */
  legalStatuses: { on: CalendarDate; legalStatus: LegalStatus }[];
  /** ordered; the first is at the start */
  placements: PlannedPlacement[];
  reviews: PlannedReview[];
}

export interface PlannedPlacement {
  on: CalendarDate;
  placementType: PlacementType;
  outside: boolean;
  reasonForChange?: ReasonPlaceChange;
}

export interface PlannedReview {
  heldOn: CalendarDate;
  participation: ParticipationCode;
  visited: boolean;
  /** held after its due date (the planner's intent; the decider measures it) */
  late: boolean;
  /** an extra review, e.g. after a placement move, before the next one was due */
  extra: boolean;
}

export interface PlannedInitialConference {
  strategyDiscussionOn: CalendarDate;
  heldOn: CalendarDate;
}

export interface PlannedProtectionPlan extends PlannedInitialConference {
  categoryOfAbuse: CategoryOfAbuse;
  previousPlanCount?: number;
  /** review conferences, in order; when `ended`, the last one ends the plan */
  reviews: CalendarDate[];
  ended: boolean;
}

export type PlannedChallengeStep =
  | { type: 'respond'; on: CalendarDate; by: string; response: string }
  | { type: 'escalate'; on: CalendarDate; toStage: Exclude<ChallengeStage, 1>; reason: string }
  | { type: 'resolve'; on: CalendarDate; outcome: ChallengeOutcome; recoveryPlan?: { actions: { action: string; dueBy: CalendarDate }[] } };

export interface PlannedChallenge {
  challengeId: string;
  childIds: string[];
  raisedOn: CalendarDate;
  raisedBy: string;
  category: ChallengeCategory;
  summary: string;
  addressedTo: string;
  steps: PlannedChallengeStep[];
}
