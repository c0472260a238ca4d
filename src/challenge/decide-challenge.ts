import { Decision } from '../decision/decision';
import { decideVoid } from '../case/record-voiding';
import { ChallengeCommand } from './challenge-commands';
import { ChallengeDecisionContext } from './challenge-decision-context';
import { refuseChallenge } from './challenge-rules';
import { ChallengeState } from './challenge-state';
import { challengeNotFound } from './challenge-step-checks';
import { escalateChallenge } from './escalate-challenge';
import { raiseChallenge } from './raise-challenge';
import { resolveChallenge } from './resolve-challenge';
import { respondToChallenge } from './respond-to-challenge';

/**
 * The challenge decider: the events a command records, or the rule it breaks.
 * `state` is foldChallenge of the challenge's stream (voided records left out).
 */
export function decideChallenge(command: ChallengeCommand, state: ChallengeState, context: ChallengeDecisionContext): Decision {
  if (command.type === 'raiseChallenge') return raiseChallenge(command, state, context);
  if (command.type === 'voidChallengeRecord') {
    // a void may correct a raise or a resolution entered wrongly, so it needs only a stream with records
    const streamIsEmpty = state.eventsSeen === null && state.voidedIds.length === 0;
    if (streamIsEmpty) return refuseChallenge('challenge-not-found', `Challenge ${command.challengeId} has not been raised.`);
    return decideVoid(state, command, context);
  }
  const notFound = challengeNotFound(state, command.challengeId);
  if (notFound) return notFound;
  switch (command.type) {
    case 'escalateChallenge':
      return escalateChallenge(command, state, context);
    case 'respondToChallenge':
      return respondToChallenge(command, state, context);
    case 'resolveChallenge':
      return resolveChallenge(command, state, context);
  }
}
