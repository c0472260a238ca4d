import { addDays, CalendarDate } from '../calendar/calendar-date';
import { Decision, DecisionContext } from '../decision/decision';
import { CaseState } from './case-state';
import { refuseCase } from './case-rules';

/** What an unborn child may have recorded before its expected date of birth. */
export type BeforeBirth = 'allowed-while-unborn' | 'not-allowed';

/** Every command but registration needs the child to be registered (the API answers 404). */
export function childNotRegistered(state: CaseState, childId: string): Decision | null {
  return state.registered ? null : refuseCase('child-not-registered', `Child ${childId} is not registered.`);
}

/** A pregnancy's length: the earliest a pre-birth record can stand before the birth. */
export const PRE_BIRTH_DAYS = 280;

/**
 * A record's date must not be after today, nor before the child's birth. Child protection
 * conferences, a plan start or end and an IRO allocation may be dated in the pregnancy (a
 * pre-birth plan), whether the child is still unborn or has been born since; nothing else.
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
  const birth = dateOfBirth ?? expectedDateOfBirth;
  if (!birth || date >= birth) return null;
  const described = dateOfBirth
    ? `the child's birth on ${dateOfBirth}`
    : `the unborn child's expected date of birth (${expectedDateOfBirth})`;
  if (beforeBirth === 'not-allowed') {
    return refuseCase('before-birth', `The ${what} is dated ${date}, before ${described}.`);
  }
  if (date < addDays(birth, -PRE_BIRTH_DAYS)) {
    return refuseCase('before-birth', `The ${what} is dated ${date}, more than a pregnancy before ${described}.`);
  }
  return null;
}
