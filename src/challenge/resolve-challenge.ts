import { accept, Decision, DecisionContext } from '../decision/decision';
import { ChallengeCommand } from './challenge-commands';
import { refuseChallenge } from './challenge-rules';
import { ChallengeState } from './challenge-state';
import { stepNotAllowed } from './challenge-step-checks';

type ResolveChallenge = Extract<ChallengeCommand, { type: 'resolveChallenge' }>;

/** Closes the challenge at its current stage with an outcome; an agreed recovery plan has actions. */
export function resolveChallenge(command: ResolveChallenge, state: ChallengeState, context: DecisionContext): Decision {
  const { challengeId, resolvedOn, outcome, recoveryPlan } = command;
  const refused = stepNotAllowed(state, 'resolution', resolvedOn, context);
  if (refused) return refused;
  if (outcome === 'recovery-plan-agreed' && !recoveryPlan?.actions.length) {
    return refuseChallenge(
      'recovery-plan-required',
      'The outcome recovery-plan-agreed needs the recovery plan, with at least one action and its due date.',
    );
  }
  if (outcome !== 'recovery-plan-agreed' && recoveryPlan !== undefined) {
    return refuseChallenge(
      'recovery-plan-not-allowed',
      `A recovery plan is recorded only with the outcome recovery-plan-agreed, not ${outcome}.`,
    );
  }
  return accept({
    type: 'ChallengeResolved',
    data: {
      challengeId,
      resolvedOn,
      outcome,
      stage: state.stage!,
      ...(recoveryPlan !== undefined && {
        recoveryPlan: { actions: recoveryPlan.actions.map(({ action, dueBy }) => ({ action, dueBy })) },
      }),
      effectiveDate: resolvedOn,
    },
  });
}
