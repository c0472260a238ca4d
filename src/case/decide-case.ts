import { Decision, DecisionContext, isViolation } from '../decision/decision';
import { CaseCommand } from './case-commands';
import { CaseState, dependentsOf } from './case-state';
import { changeLegalStatus, changePlacement, endCare, startCare } from './care-periods';
import { endChildProtectionPlan, holdCPConference, startChildProtectionPlan } from './child-protection';
import { allocateIro } from './iro-allocation';
import { holdReview } from './looked-after-review';
import { reviewLeftOnShortBreaks } from './dfe-guards';
import { childNotRegistered } from './record-checks';
import { decideVoid } from './record-voiding';
import { registerChild } from './register-child';

/**
 * The child's case decider: the events a command records, or the rule it breaks.
 * `state` is foldCase of the child's stream (voided records left out).
 */
export function decideCase(command: CaseCommand, state: CaseState, context: DecisionContext): Decision {
  if (command.type === 'registerChild') return registerChild(command, state, context);
  const unregistered = childNotRegistered(state, command.childId);
  if (unregistered) return unregistered;
  switch (command.type) {
    case 'startCare':
      return startCare(command, state, context);
    case 'changePlacement':
      return changePlacement(command, state, context);
    case 'changeLegalStatus':
      return changeLegalStatus(command, state, context);
    case 'endCare':
      return endCare(command, state, context);
    case 'allocateIro':
      return allocateIro(command, state, context);
    case 'holdReview':
      return holdReview(command, state, context);
    case 'holdCPConference':
      return holdCPConference(command, state, context);
    case 'startChildProtectionPlan':
      return startChildProtectionPlan(command, state, context);
    case 'endChildProtectionPlan':
      return endChildProtectionPlan(command, state, context);
    case 'voidRecord': {
      const decided = decideVoid({ ...state, dependents: dependentsOf(state) }, command, context);
      const [voiding] = isViolation(decided) ? [] : decided.events;
      if (voiding?.type !== 'RecordVoided' || voiding.data.voidedType !== 'LegalStatusChanged') return decided;
      return reviewLeftOnShortBreaks(state, command.eventId) ?? decided;
    }
  }
}
