import { laterOf } from '../calendar/calendar-date';
import { stageRank } from '../events/codes';
import { OversightEvent } from '../events/oversight-events';
import { ChallengeState, initialChallengeState, StageVisit } from './challenge-state';

type ChallengeEvent = OversightEvent & { id?: string };

/**
 * Applies one event of the challenge's stream. As for the case, a void only records the
 * voided id: decisions fold with foldChallenge, which leaves voided events out first.
 * Steps on a challenge that is not raised (its raise was voided) change nothing.
 */
export function evolveChallenge(state: ChallengeState, event: ChallengeEvent): ChallengeState {
  const seen: ChallengeState = event.id ? { ...state, eventsSeen: { ...state.eventsSeen, [event.id]: event.type } } : state;
  if (event.type === 'RecordVoided') return { ...seen, voidedIds: [...seen.voidedIds, event.data.eventId] };
  if (event.type === 'ChallengeRaised') {
    const d = event.data;
    return {
      ...seen,
      raised: true,
      challengeId: d.challengeId,
      childIds: [...d.childIds],
      category: d.category,
      raisedBy: d.raisedBy,
      raisedOn: d.raisedOn,
      summary: d.summary,
      addressedTo: d.addressedTo ?? null,
      stage: d.stage,
      highestStage: d.stage,
      stageHistory: [{ stage: d.stage, enteredOn: d.raisedOn, responseDueBy: d.responseDueBy }],
      lastStepOn: d.raisedOn,
    };
  }
  if (!seen.raised) return seen;
  switch (event.type) {
    case 'ChallengeEscalated': {
      const d = event.data;
      const highest = seen.highestStage;
      return {
        ...seen,
        stage: d.toStage,
        highestStage: highest === null || stageRank(d.toStage) > stageRank(highest) ? d.toStage : highest,
        stageHistory: [
          ...leaveCurrentStage(seen.stageHistory, d.escalatedOn),
          { stage: d.toStage, enteredOn: d.escalatedOn, responseDueBy: d.responseDueBy },
        ],
        lastStepOn: laterStep(seen, d.escalatedOn),
      };
    }
    case 'ChallengeResponded': {
      const { respondedOn, respondedBy, response, stage } = event.data;
      return {
        ...seen,
        responses: [...seen.responses, { respondedOn, respondedBy, response, stage }],
        lastStepOn: laterStep(seen, respondedOn),
      };
    }
    case 'ChallengeResolved': {
      const d = event.data;
      return {
        ...seen,
        resolved: true,
        resolvedOn: d.resolvedOn,
        outcome: d.outcome,
        recoveryPlan: d.recoveryPlan ?? null,
        stageHistory: leaveCurrentStage(seen.stageHistory, d.resolvedOn),
        lastStepOn: laterStep(seen, d.resolvedOn),
      };
    }
    default:
      return seen;
  }
}

/** The challenge as it stands after these events, voided records left out so that they count nowhere. */
export function foldChallenge(events: readonly (OversightEvent & { id: string })[]): ChallengeState {
  const voided = new Set(events.flatMap((event) => (event.type === 'RecordVoided' ? [event.data.eventId] : [])));
  return events.filter((event) => !voided.has(event.id)).reduce(evolveChallenge, initialChallengeState);
}

function leaveCurrentStage(history: StageVisit[], leftOn: string): StageVisit[] {
  if (history.length === 0) return history;
  return [...history.slice(0, -1), { ...history[history.length - 1], leftOn }];
}

const laterStep = (state: ChallengeState, date: string): string =>
  state.lastStepOn === null ? date : laterOf(state.lastStepOn, date);
