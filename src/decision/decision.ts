import { CalendarDate } from '../calendar/calendar-date';
import { LocalAuthorityConfig } from '../config/local-authority-config';
import { OversightEvent } from '../events/oversight-events';

/** A rule that forbids a step. `rule` is a stable kebab-case id; the API answers 409 naming it. */
export interface RuleViolation {
  rule: string;
  message: string;
}

export type Decision = { events: OversightEvent[] } | { violation: RuleViolation };

export const accept = (...events: OversightEvent[]): Decision => ({ events });
export const reject = (rule: string, message: string): Decision => ({ violation: { rule, message } });
export const isViolation = (decision: Decision): decision is { violation: RuleViolation } =>
  'violation' in decision;

/** What a decider may know besides the state: today (from the injected clock) and configuration. */
export interface DecisionContext {
  today: CalendarDate;
  config: LocalAuthorityConfig;
}
