import { accept, Decision } from '../decision/decision';
import { stageRank } from '../events/codes';
import { stageResponseDueBy } from '../timescales/issues-resolution-stages';
import { ChallengeCommand } from './challenge-commands';
import { ChallengeDecisionContext } from './challenge-decision-context';
import { refuseChallenge } from './challenge-rules';
import { ChallengeState } from './challenge-state';
import { stepNotAllowed } from './challenge-step-checks';

type EscalateChallenge = Extract<ChallengeCommand, { type: 'escalateChallenge' }>;

/**
 * Moves the challenge to a higher stage. The IRO may bypass stages (IRO Handbook 6.2) and
 * refer to Cafcass from any stage; a challenge never moves back or stays put.
 */
export function escalateChallenge(command: EscalateChallenge, state: ChallengeState, context: ChallengeDecisionContext): Decision {
  const { challengeId, escalatedOn, toStage, reason } = command;
  const refused = stepNotAllowed(state, 'escalation', escalatedOn, context);
  if (refused) return refused;
  const fromStage = state.stage!;
  if (stageRank(toStage) <= stageRank(fromStage)) {
    return refuseChallenge(
      'escalation-not-forward',
      `The challenge is at stage ${fromStage}; an escalation must move it to a higher stage, not to ${toStage}.`,
    );
  }
  return accept({
    type: 'ChallengeEscalated',
    data: {
      challengeId,
      escalatedOn,
      fromStage,
      toStage,
      reason,
      responseDueBy: stageResponseDueBy(toStage, escalatedOn, context.config),
      effectiveDate: escalatedOn,
    },
  });
}
