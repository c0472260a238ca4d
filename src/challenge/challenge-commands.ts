import { CalendarDate } from '../calendar/calendar-date';
import { ChallengeCategory, ChallengeOutcome, ChallengeStage } from '../events/codes';
import { RecoveryPlanAction } from '../events/oversight-events';

/** Commands on an IRO challenge (stream challenge-<challengeId>). Field names follow the HTTP API. */
export type ChallengeCommand =
  | {
      type: 'raiseChallenge'; challengeId: string; childIds: string[]; raisedOn: CalendarDate; raisedBy: string;
      category: ChallengeCategory; summary: string; addressedTo?: string;
    }
  | { type: 'escalateChallenge'; challengeId: string; escalatedOn: CalendarDate; toStage: Exclude<ChallengeStage, 1>; reason: string }
  | { type: 'respondToChallenge'; challengeId: string; respondedOn: CalendarDate; respondedBy: string; response: string }
  | { type: 'resolveChallenge'; challengeId: string; resolvedOn: CalendarDate; outcome: ChallengeOutcome; recoveryPlan?: { actions: RecoveryPlanAction[] } }
  | { type: 'voidChallengeRecord'; challengeId: string; eventId: string; reason: string; voidedOn: CalendarDate };

export type ChallengeCommandType = ChallengeCommand['type'];
