import { addDays, CalendarDate } from '../../calendar/calendar-date';
import { workingDaysBetween } from '../../calendar/working-days';
import { ChallengeHistory, currentSpell } from './challenge-history';
import { StageKey } from './challenge-stages';

/** The `challenges` collection: one document per challenge that counts (its raising not voided). */
export const CHALLENGES = 'challenges';

export interface ChallengeDocument extends ChallengeHistory {
  _id: string;
  /** the stage it is at now */
  stage: StageKey;
  /** the highest stage reached (stages only move forward, so the current one) */
  highestStage: StageKey;
  resolvedAtStage: StageKey | null;
  /** working days from raised to resolved */
  workingDaysToResolve: number | null;
  /**
   * the first day the challenge is overdue at its current stage if nothing more happens:
   * the day after the stage's deadline while that stage has had no answer; null when
   * answered in time, resolved, or at Cafcass
   */
  overdueFrom: CalendarDate | null;
  /** whether on the day it was raised any child it names was looked after (V3/V4 short breaks left out) */
  lookedAfterAtRaising: boolean;
  /** whether on the day it was raised any child it names was on a child protection plan */
  protectionAtRaising: boolean;
}

export interface ChildrenAtRaising {
  lookedAfter: boolean;
  protection: boolean;
}

export function challengeDocument(history: ChallengeHistory, atRaising: ChildrenAtRaising): ChallengeDocument {
  const current = currentSpell(history);
  const resolved = history.status === 'resolved';
  return {
    _id: history.challengeId,
    challengeId: history.challengeId,
    childIds: history.childIds,
    category: history.category,
    raisedBy: history.raisedBy,
    raisedOn: history.raisedOn,
    addressedTo: history.addressedTo,
    stages: history.stages,
    status: history.status,
    outcome: history.outcome,
    resolvedOn: history.resolvedOn,
    recoveryPlanAgreed: history.recoveryPlanAgreed,
    eventIds: history.eventIds,
    stage: current.stage,
    highestStage: current.stage,
    resolvedAtStage: resolved ? current.stage : null,
    workingDaysToResolve: history.resolvedOn === null ? null : workingDaysBetween(history.raisedOn, history.resolvedOn),
    overdueFrom:
      !resolved && current.responseDueBy !== null && current.respondedOn === null ? addDays(current.responseDueBy, 1) : null,
    lookedAfterAtRaising: atRaising.lookedAfter,
    protectionAtRaising: atRaising.protection,
  };
}
