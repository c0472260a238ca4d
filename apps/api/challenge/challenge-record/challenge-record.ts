import { CalendarDate } from '../../../../src/calendar/calendar-date';
import { ChallengeResponse, ChallengeState, StageVisit } from '../../../../src/challenge/challenge-state';
import { deadlineMetBy, isOverdueAt } from '../../../../src/projections/issues-resolution/challenge-history';
import { ChallengeRecordResponse } from './challenge-record.response';

/** The challenge as the API shows it (a raised challenge: raisedOn, stage... are set). */
export function challengeRecord(state: ChallengeState, revision: number, today: CalendarDate): ChallengeRecordResponse {
  const current = state.resolved ? undefined : state.stageHistory[state.stageHistory.length - 1];
  return {
    challengeId: state.challengeId!,
    revision,
    asOf: today,
    childIds: state.childIds,
    category: state.category!,
    raisedBy: state.raisedBy!,
    raisedOn: state.raisedOn!,
    summary: state.summary!,
    addressedTo: state.addressedTo,
    stage: state.stage!,
    highestStage: state.highestStage!,
    responseDueBy: current?.responseDueBy ?? null,
    stageHistory: state.stageHistory.map((visit, index) => {
      const spell = { responseDueBy: visit.responseDueBy, respondedOn: firstResponseAt(visit, state.responses), leftOn: visit.leftOn ?? null };
      return {
        stage: visit.stage,
        enteredOn: visit.enteredOn,
        responseDueBy: visit.responseDueBy,
        leftOn: spell.leftOn,
        overdue: isOverdueAt(spell, today),
        deadlineMet: deadlineMetBy(spell, state.resolved && index === state.stageHistory.length - 1),
      };
    }),
    responses: state.responses.map((response) => ({ ...response })),
    resolved: state.resolved,
    resolvedOn: state.resolvedOn,
    outcome: state.outcome,
    recoveryPlan: state.recoveryPlan,
  };
}

/** The first response recorded at this stage while the challenge was at it. */
function firstResponseAt(visit: StageVisit, responses: readonly ChallengeResponse[]): CalendarDate | null {
  let first: CalendarDate | null = null;
  for (const { stage, respondedOn } of responses) {
    if (stage !== visit.stage || respondedOn < visit.enteredOn) continue;
    if (first === null || respondedOn < first) first = respondedOn;
  }
  return first;
}
