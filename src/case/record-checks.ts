import { CalendarDate } from '../calendar/calendar-date';
import { Decision, DecisionContext } from '../decision/decision';
import { CaseState } from './case-state';
import { refuseCase } from './case-rules';

/** What an unborn child may have recorded before its expected date of birth. */
export type BeforeBirth = 'allowed-while-unborn' | 'not-allowed';

/** Every command but registration needs the child to be registered (the API answers 404). */
export function childNotRegistered(state: CaseState, childId: string): Decision | null {
  return state.registered ? null : refuseCase('child-not-registered', `Child ${childId} is not registered.`);
}

/**
 * A record's date must not be after today, nor before the child's birth. An unborn child
 * (registered with an expected date of birth) may have child protection conferences, a plan
 * start or end and an IRO allocation before that date, nothing else.
 */
export function recordDateNotAllowed(
  state: CaseState,
  what: string,
  date: CalendarDate,
  context: DecisionContext,
  beforeBirth: BeforeBirth,
): Decision | null {
  if (date > context.today) {
    return refuseCase('date-in-future', `The ${what} is dated ${date}, after today (${context.today}).`);
  }
  const { dateOfBirth, expectedDateOfBirth } = state.child ?? {};
  if (dateOfBirth && date < dateOfBirth) {
    return refuseCase('before-birth', `The ${what} is dated ${date}, before the child's birth on ${dateOfBirth}.`);
  }
  if (expectedDateOfBirth && date < expectedDateOfBirth && beforeBirth === 'not-allowed') {
    return refuseCase(
      'before-birth',
      `The ${what} is dated ${date}, before the unborn child's expected date of birth (${expectedDateOfBirth}).`,
    );
  }
  return null;
}
