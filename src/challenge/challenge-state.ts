import { CalendarDate } from '../calendar/calendar-date';
import { ChallengeCategory, ChallengeOutcome, ChallengeStage } from '../events/codes';
import { RecoveryPlanAction } from '../events/oversight-events';
import { Chain, SeenEvent } from '../case/case-state';

/** One stage of the Issues Resolution Process as this challenge went through it. */
export interface StageVisit {
  stage: ChallengeStage;
  enteredOn: CalendarDate;
  /** null at Cafcass */
  responseDueBy: CalendarDate | null;
  /** when it escalated past this stage or was resolved at it */
  leftOn?: CalendarDate;
}

export interface ChallengeResponse {
  respondedOn: CalendarDate;
  respondedBy: string;
  response: string;
  stage: ChallengeStage;
}

/** A challenge as the decider sees it: the fold of its stream, voided records left out. */
export interface ChallengeState {
  raised: boolean;
  challengeId: string | null;
  childIds: string[];
  category: ChallengeCategory | null;
  raisedBy: string | null;
  raisedOn: CalendarDate | null;
  summary: string | null;
  addressedTo: string | null;
  stage: ChallengeStage | null;
  highestStage: ChallengeStage | null;
  stageHistory: StageVisit[];
  /** the date of the latest raise, escalation or response */
  lastStepOn: CalendarDate | null;
  responses: ChallengeResponse[];
  resolved: boolean;
  resolvedOn: CalendarDate | null;
  outcome: ChallengeOutcome | null;
  recoveryPlan: { actions: RecoveryPlanAction[] } | null;
  /** every event folded with its id, latest first (seenEventTypes gives them by id) */
  eventsSeen: Chain<SeenEvent>;
  /** ids of voided events (they are left out of the fold) */
  voidedIds: string[];
  /** ids of the standing steps of the raised challenge (raise, escalations, responses, resolution), in the order recorded */
  stepIds: string[];
  /** by event id: the ids of the standing steps that stand on it (every later one), in the order recorded */
  dependents: Record<string, string[]>;
}

export const initialChallengeState: ChallengeState = {
  raised: false,
  challengeId: null,
  childIds: [],
  category: null,
  raisedBy: null,
  raisedOn: null,
  summary: null,
  addressedTo: null,
  stage: null,
  highestStage: null,
  stageHistory: [],
  lastStepOn: null,
  responses: [],
  resolved: false,
  resolvedOn: null,
  outcome: null,
  recoveryPlan: null,
  eventsSeen: null,
  voidedIds: [],
  stepIds: [],
  dependents: {},
};
