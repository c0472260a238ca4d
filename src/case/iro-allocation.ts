import { accept, Decision, DecisionContext } from '../decision/decision';
import { CaseCommand } from './case-commands';
import { CaseState } from './case-state';
import { recordDateNotAllowed } from './record-checks';

type AllocateIro = Extract<CaseCommand, { type: 'allocateIro' }>;

/** An IRO may be allocated at any time, to an unborn child too (a pre-birth plan). */
export function allocateIro(command: AllocateIro, state: CaseState, context: DecisionContext): Decision {
  const { childId, iroId, effectiveDate } = command;
  const refused = recordDateNotAllowed(state, 'IRO allocation', effectiveDate, context, 'allowed-while-unborn');
  if (refused) return refused;
  return accept({ type: 'IroAllocated', data: { childId, iroId, effectiveDate } });
}
