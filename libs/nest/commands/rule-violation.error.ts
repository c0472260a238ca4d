import { RuleViolation } from '../../../src/decision/decision';

/**
 * A decider refused the command. The API answers 409 naming the rule, or 404 for the
 * rules that mean the child or challenge does not exist (see isNotFoundRule).
 */
export class RuleViolationError extends Error {
  constructor(readonly violation: RuleViolation) {
    super(violation.message);
    this.name = 'RuleViolationError';
  }
}

/** `child-not-registered`, `challenge-not-found` and any rule named like them mean 404. */
export const isNotFoundRule = (rule: string): boolean => /-not-(registered|found)$/.test(rule);
