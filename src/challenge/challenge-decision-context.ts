import { CaseState } from '../case/case-state';
import { DecisionContext } from '../decision/decision';

/**
 * What the challenge decider may know besides the challenge: today, configuration and,
 * to raise a challenge, the case of every child it names (foldCase of each child's stream).
 * A child missing from `children` counts as not registered.
 */
export type ChallengeDecisionContext = DecisionContext & { children?: Record<string, CaseState> };
