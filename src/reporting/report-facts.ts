import { CalendarDate } from '../calendar/calendar-date';
import {
  CategoryOfAbuse, ChallengeCategory, ChallengeOutcome, ChallengeStage, ConferenceOutcome, ConferenceType,
  EthnicityCode, LegalStatus, ParticipationCode, PlacementType, ReasonCeased, Sex,
} from '../events/codes';

/**
 * The compact facts the annual report is computed from: one small record per event that
 * a figure reads, grouped by child and by challenge. Each fact keeps `key`, the
 * eventKey() of the event's id, so that a later RecordVoided in the same stream can
 * take it out again (a voided record counts nowhere). Facts are plain JSON: the
 * `annual-report` projection stores them as documents.
 */
export type ChildFact =
  | { type: 'ChildRegistered'; key: number; dateOfBirth?: CalendarDate; expectedDateOfBirth?: CalendarDate; sex: Sex; ethnicity?: EthnicityCode; familyId?: string }
  | { type: 'CareStarted'; key: number; periodId: string; startDate: CalendarDate; legalStatus: LegalStatus; placementType: PlacementType; outside: boolean }
  | { type: 'CareEnded'; key: number; periodId: string; endDate: CalendarDate; reasonCeased: ReasonCeased }
  | { type: 'PlacementChanged'; key: number; date: CalendarDate; placementType: PlacementType; outside: boolean }
  | { type: 'LegalStatusChanged'; key: number; date: CalendarDate; legalStatus: LegalStatus }
  | { type: 'IroAllocated'; key: number; date: CalendarDate; iroId: string }
  | {
      type: 'ReviewHeld'; key: number; reviewId: string; periodId: string; heldOn: CalendarDate;
      participation: ParticipationCode; visited: boolean | null; recordedDueBy: CalendarDate;
    }
  | {
      type: 'CPConferenceHeld'; key: number; conferenceId: string; conferenceType: ConferenceType; heldOn: CalendarDate;
      strategyDiscussionOn?: CalendarDate; outcome: ConferenceOutcome; categoryOfAbuse?: CategoryOfAbuse;
      previousPlanCount?: number; planId?: string; recordedDueBy: CalendarDate;
    }
  | { type: 'ChildProtectionPlanStarted'; key: number; planId: string; startDate: CalendarDate; categoryOfAbuse: CategoryOfAbuse; previousPlanCount?: number }
  | { type: 'ChildProtectionPlanEnded'; key: number; planId: string; endDate: CalendarDate };

export type ChallengeFact =
  | { type: 'ChallengeRaised'; key: number; childIds: string[]; raisedOn: CalendarDate; category: ChallengeCategory }
  | { type: 'ChallengeEscalated'; key: number; escalatedOn: CalendarDate; toStage: ChallengeStage }
  | { type: 'ChallengeResolved'; key: number; resolvedOn: CalendarDate; outcome: ChallengeOutcome };

export interface ChildFacts {
  childId: string;
  /** in the order recorded */
  facts: ChildFact[];
}

export interface ChallengeFacts {
  challengeId: string;
  facts: ChallengeFact[];
}

export interface ReportFacts {
  children: Map<string, ChildFacts>;
  challenges: Map<string, ChallengeFacts>;
  /** only events recorded at or before this instant were folded (null: all) */
  asOf: string | null;
  /** the global position of the last event folded, 0 when none */
  position: number;
}

export function initialFacts(asOf: string | null = null): ReportFacts {
  return { children: new Map(), challenges: new Map(), asOf, position: 0 };
}

export const CHILD_STREAM_PREFIX = 'child-';
export const CHALLENGE_STREAM_PREFIX = 'challenge-';
