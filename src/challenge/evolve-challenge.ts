import { laterOf } from '../calendar/calendar-date';
import { stageRank } from '../events/codes';
import { OversightEvent } from '../events/oversight-events';
import { ChallengeState, initialChallengeState, StageVisit } from './challenge-state';

type ChallengeEvent = OversightEvent & { id?: string };

/**
 * Applies one event of the challenge's stream. As for the case, a void only records the
 * voided id (and drops it from the steps): decisions fold with foldChallenge, which leaves
 * voided events out first. Steps on a challenge that is not raised (its raise was voided)
 * change nothing. Each step stands on every step before it (its stage, dates and deadline
 * came from them), so only the latest standing step can be voided.
 */
export function evolveChallenge(state: ChallengeState, event: ChallengeEvent): ChallengeState {
  const stepped = applyEvent(state, event);
  if (!event.id || !stepped.raised) return stepped;
  const id = event.id;
  if (event.type === 'ChallengeRaised') return { ...stepped, stepIds: [id] };
  if (!STEPS.has(event.type)) return stepped;
  const dependents = { ...stepped.dependents };
  for (const step of stepped.stepIds) dependents[step] = [...(Object.hasOwn(dependents, step) ? dependents[step] : []), id];
  return { ...stepped, stepIds: [...stepped.stepIds, id], dependents };
}

const STEPS = new Set<string>(['ChallengeEscalated', 'ChallengeResponded', 'ChallengeResolved']);

function applyEvent(state: ChallengeState, event: ChallengeEvent): ChallengeState {
  const seen: ChallengeState = event.id ? { ...state, eventsSeen: { item: { id: event.id, type: event.type }, before: state.eventsSeen } } : state;
  if (event.type === 'RecordVoided') return withoutVoided({ ...seen, voidedIds: [...seen.voidedIds, event.data.eventId] }, event.data.eventId);
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

function withoutVoided(state: ChallengeState, voidedId: string): ChallengeState {
  const dependents: Record<string, string[]> = {};
  for (const [step, ids] of Object.entries(state.dependents)) {
    const standing = ids.filter((id) => id !== voidedId);
    if (step !== voidedId && standing.length > 0) dependents[step] = standing;
  }
  return { ...state, dependents, stepIds: state.stepIds.filter((id) => id !== voidedId) };
}

function leaveCurrentStage(history: StageVisit[], leftOn: string): StageVisit[] {
  if (history.length === 0) return history;
  return [...history.slice(0, -1), { ...history[history.length - 1], leftOn }];
}

const laterStep = (state: ChallengeState, date: string): string =>
  state.lastStepOn === null ? date : laterOf(state.lastStepOn, date);
