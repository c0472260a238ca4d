import { accept, Decision, DecisionContext } from '../decision/decision';
import { CaseCommand } from './case-commands';
import { refuseCase } from './case-rules';
import { CaseState } from './case-state';

type RegisterChild = Extract<CaseCommand, { type: 'registerChild' }>;

/**
 * Registers a child, born (dateOfBirth) or unborn (expectedDateOfBirth). The registration
 * is effective on the day it is made.
 */
export function registerChild(command: RegisterChild, state: CaseState, context: DecisionContext): Decision {
  const { childId, dateOfBirth, expectedDateOfBirth, sex, ethnicity, familyId } = command;
  if (state.registered) {
    return refuseCase('child-already-registered', `Child ${childId} is already registered.`);
  }
  if ((dateOfBirth === undefined) === (expectedDateOfBirth === undefined)) {
    return refuseCase(
      'exactly-one-birth-date',
      'Give either a date of birth or, for an unborn child, an expected date of birth, not both and not neither.',
    );
  }
  if (dateOfBirth !== undefined && dateOfBirth > context.today) {
    return refuseCase(
      'date-in-future',
      `The date of birth ${dateOfBirth} is after today (${context.today}); an unborn child is registered with an expected date of birth.`,
    );
  }
  return accept({
    type: 'ChildRegistered',
    data: {
      childId,
      ...(dateOfBirth !== undefined && { dateOfBirth }),
      ...(expectedDateOfBirth !== undefined && { expectedDateOfBirth }),
      sex,
      ...(ethnicity !== undefined && { ethnicity }),
      ...(familyId !== undefined && { familyId }),
      effectiveDate: context.today,
    },
  });
}
