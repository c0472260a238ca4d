import { addDays } from '../../calendar/calendar-date';
import { workingDaysBetween } from '../../calendar/working-days';
import { DateInterval, isEmpty } from '../drift-and-delay/date-intervals';
import { answeredOn, ChallengeHistory, currentSpell } from './challenge-history';
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
   * the days the challenge was overdue at a stage: from the day after the stage's
   * deadline until the stage was answered (a response, an escalation or the
   * resolution); `until` null while it is still unanswered
   */
  overdueIntervals: DateInterval[];
}

/** A challenge's document; whether its children were looked after or on a plan when it was raised is added by the queries (see children-at-raising.ts). */
export function challengeDocument(history: ChallengeHistory): ChallengeDocument {
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
    resolvedEventId: history.resolvedEventId,
    eventIds: history.eventIds,
    stage: current.stage,
    highestStage: current.stage,
    resolvedAtStage: resolved ? current.stage : null,
    workingDaysToResolve: history.resolvedOn === null ? null : workingDaysBetween(history.raisedOn, history.resolvedOn),
    overdueIntervals: history.stages.flatMap((spell) => {
      if (spell.responseDueBy === null) return [];
      const overdue = { from: addDays(spell.responseDueBy, 1), until: answeredOn(spell) };
      return isEmpty(overdue) ? [] : [overdue];
    }),
  };
}
