import { Decision, reject } from '../decision/decision';
import { RECORD_RULES } from '../case/case-rules';

/** Every rule the challenge decider enforces, by id, in plain words. */
export const CHALLENGE_RULES = {
  ...RECORD_RULES,
  'challenge-already-raised': 'A challenge with this id is already raised.',
  'challenge-not-found': 'No challenge with this id has been raised.',
  'child-ids-required': 'A challenge names at least one child.',
  'child-ids-not-unique': 'A challenge names each child once.',
  'escalation-not-forward':
    'An escalation moves to a higher stage; the IRO may bypass stages and refer to Cafcass from any stage (IRO Handbook 6.2).',
  'before-last-step': "An escalation, response or resolution cannot be dated before the challenge's last step.",
  'challenge-resolved': 'A resolved challenge takes no further steps.',
  'recovery-plan-required': 'The outcome recovery-plan-agreed needs a recovery plan with at least one action.',
  'recovery-plan-not-allowed': 'A recovery plan is recorded only with the outcome recovery-plan-agreed.',
} as const;

export type ChallengeRuleId = keyof typeof CHALLENGE_RULES;

/** A refusal naming one of the challenge's rules. */
export const refuseChallenge = (rule: ChallengeRuleId, message: string): Decision => reject(rule, message);
