import { CalendarDate } from '../calendar/calendar-date';
import {
  CategoryOfAbuse, CategoryOfNeed, ChallengeCategory, ChallengeOutcome, ChallengeStage,
  ConferenceOutcome, ConferenceType, EthnicityCode, LegalStatus, ParticipationCode,
  PlacementType, ReasonCeased, ReasonPlaceChange, Sex,
} from './codes';

/**
 * Every event's data carries `effectiveDate`: when it happened in the world.
 * The store adds when it was recorded and its global position.
 * Event type names are stable strings; each has a schema version (see schema-versions.ts).
 */
interface Effective {
  effectiveDate: CalendarDate;
}

// ---- child's case, stream child-<childId> -------------------------------------

export interface ChildRegistered extends Effective {
  childId: string;
  dateOfBirth?: CalendarDate;
  /** set instead of dateOfBirth for an unborn child */
  expectedDateOfBirth?: CalendarDate;
  sex: Sex;
  ethnicity?: EthnicityCode;
  familyId?: string;
}

export interface CareStarted extends Effective {
  childId: string;
  /** the period of care's id: `<childId>:<startDate>` */
  periodId: string;
  startDate: CalendarDate;
  legalStatus: LegalStatus;
  placementType: PlacementType;
  placedOutsideLocalAuthority: boolean;
  categoryOfNeed?: CategoryOfNeed;
  /** addWorkingDays(startDate, 20) */
  firstReviewDueBy: CalendarDate;
}

export interface PlacementChanged extends Effective {
  childId: string;
  placementType: PlacementType;
  placedOutsideLocalAuthority: boolean;
  reasonForChange?: ReasonPlaceChange;
}

export interface LegalStatusChanged extends Effective {
  childId: string;
  legalStatus: LegalStatus;
}

export interface CareEnded extends Effective {
  childId: string;
  periodId: string;
  endDate: CalendarDate;
  reasonCeased: ReasonCeased;
}

export interface IroAllocated extends Effective {
  childId: string;
  iroId: string;
}

export interface ReviewHeld extends Effective {
  childId: string;
  reviewId: string;
  periodId: string;
  heldOn: CalendarDate;
  /** 'unknown' when imported from an SSDA903 return, which names no chair */
  chairIroId: string;
  participation: ParticipationCode;
  /** null: not known (an imported review) */
  iroVisitedBeforeReview: boolean | null;
  permanencePlanInPlace?: boolean;
  lateReason?: string;
  /** 1 for the first review of the period of care, 2 for the second, ... */
  sequence: number;
  /** the due date the review was measured against */
  dueBy: CalendarDate;
  heldInTime: boolean;
  nextReviewDueBy: CalendarDate;
}

export interface CPConferenceHeld extends Effective {
  childId: string;
  conferenceId: string;
  type: ConferenceType;
  heldOn: CalendarDate;
  strategyDiscussionOn?: CalendarDate;
  chairIroId: string;
  outcome: ConferenceOutcome;
  categoryOfAbuse?: CategoryOfAbuse;
  previousPlanCount?: number;
  /** the plan this conference started, continued or ended: `<childId>:<initial heldOn>` */
  planId?: string;
  /** initial: addWorkingDays(strategyDiscussionOn, 15); review: 3 then 6 months */
  dueBy: CalendarDate;
  heldInTime: boolean;
  /** while a plan is open after this conference */
  nextReviewConferenceDueBy?: CalendarDate;
}

/** A plan start not implied by a conference outcome (e.g. transferred in). */
export interface ChildProtectionPlanStarted extends Effective {
  childId: string;
  planId: string;
  startDate: CalendarDate;
  categoryOfAbuse: CategoryOfAbuse;
  previousPlanCount?: number;
  /** why the plan starts without an initial conference here, in words (e.g. transferred in from another authority) */
  reason?: string;
}

/** A plan end not implied by a conference outcome (e.g. the child moved away). */
export interface ChildProtectionPlanEnded extends Effective {
  childId: string;
  planId: string;
  endDate: CalendarDate;
  reason?: string;
}

// ---- challenge, stream challenge-<challengeId> --------------------------------

export interface ChallengeRaised extends Effective {
  challengeId: string;
  childIds: string[];
  raisedOn: CalendarDate;
  raisedBy: string;
  category: ChallengeCategory;
  summary: string;
  addressedTo?: string;
  stage: 1;
  responseDueBy: CalendarDate;
}

export interface ChallengeEscalated extends Effective {
  challengeId: string;
  escalatedOn: CalendarDate;
  fromStage: ChallengeStage;
  toStage: ChallengeStage;
  reason: string;
  /** null at Cafcass, which has no IRP deadline */
  responseDueBy: CalendarDate | null;
}

export interface ChallengeResponded extends Effective {
  challengeId: string;
  respondedOn: CalendarDate;
  respondedBy: string;
  response: string;
  stage: ChallengeStage;
}

export interface RecoveryPlanAction {
  action: string;
  dueBy: CalendarDate;
}

export interface ChallengeResolved extends Effective {
  challengeId: string;
  resolvedOn: CalendarDate;
  outcome: ChallengeOutcome;
  stage: ChallengeStage;
  recoveryPlan?: { actions: RecoveryPlanAction[] };
}

// ---- either stream -------------------------------------------------------------

/** A record entered wrongly: it stops counting anywhere. The right one is entered anew. */
export interface RecordVoided extends Effective {
  /** the id of the voided event, in this same stream */
  eventId: string;
  voidedType: string;
  reason: string;
}

export interface OversightEventMap {
  ChildRegistered: ChildRegistered;
  CareStarted: CareStarted;
  PlacementChanged: PlacementChanged;
  LegalStatusChanged: LegalStatusChanged;
  CareEnded: CareEnded;
  IroAllocated: IroAllocated;
  ReviewHeld: ReviewHeld;
  CPConferenceHeld: CPConferenceHeld;
  ChildProtectionPlanStarted: ChildProtectionPlanStarted;
  ChildProtectionPlanEnded: ChildProtectionPlanEnded;
  ChallengeRaised: ChallengeRaised;
  ChallengeEscalated: ChallengeEscalated;
  ChallengeResponded: ChallengeResponded;
  ChallengeResolved: ChallengeResolved;
  RecordVoided: RecordVoided;
}

export type OversightEventType = keyof OversightEventMap;

/** An event's type and data, as a decider returns it. */
export type OversightEvent = {
  [K in OversightEventType]: { type: K; data: OversightEventMap[K] };
}[OversightEventType];

export type EventOf<K extends OversightEventType> = Extract<OversightEvent, { type: K }>;
