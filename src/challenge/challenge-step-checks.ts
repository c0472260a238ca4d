import { CalendarDate } from '../calendar/calendar-date';
import { Decision, DecisionContext } from '../decision/decision';
import { refuseChallenge } from './challenge-rules';
import { ChallengeState } from './challenge-state';

/** Any step but raising needs a raised challenge (the API answers 404). */
export function challengeNotFound(state: ChallengeState, challengeId: string): Decision | null {
  return state.raised ? null : refuseChallenge('challenge-not-found', `Challenge ${challengeId} has not been raised.`);
}

/**
 * An escalation, response or resolution: the challenge is open, the step is not dated in
 * the future, nor before the challenge's last step.
 */
export function stepNotAllowed(
  state: ChallengeState,
  what: string,
  date: CalendarDate,
  context: Pick<DecisionContext, 'today'>,
): Decision | null {
  if (state.resolved) {
    return refuseChallenge(
      'challenge-resolved',
      `The challenge was resolved on ${state.resolvedOn} (${state.outcome}); no ${what} can follow.`,
    );
  }
  if (date > context.today) {
    return refuseChallenge('date-in-future', `The ${what} is dated ${date}, after today (${context.today}).`);
  }
  if (state.lastStepOn && date < state.lastStepOn) {
    return refuseChallenge(
      'before-last-step',
      `The ${what} is dated ${date}, before the challenge's last step on ${state.lastStepOn}.`,
    );
  }
  return null;
}
