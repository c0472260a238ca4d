import { accept, Decision, DecisionContext } from '../decision/decision';
import { ChallengeCommand } from './challenge-commands';
import { ChallengeState } from './challenge-state';
import { stepNotAllowed } from './challenge-step-checks';

type RespondToChallenge = Extract<ChallengeCommand, { type: 'respondToChallenge' }>;

/** The manager's (or Cafcass's) response at the challenge's current stage. */
export function respondToChallenge(command: RespondToChallenge, state: ChallengeState, context: DecisionContext): Decision {
  const { challengeId, respondedOn, respondedBy, response } = command;
  const refused = stepNotAllowed(state, 'response', respondedOn, context);
  if (refused) return refused;
  return accept({
    type: 'ChallengeResponded',
    data: { challengeId, respondedOn, respondedBy, response, stage: state.stage!, effectiveDate: respondedOn },
  });
}
