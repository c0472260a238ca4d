import { addDays, CalendarDate } from '../calendar/calendar-date';
import { addMonths, ageOn } from '../calendar/calendar-months';
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

/** A child is under 18 (Children Act 1989 s105). */
const ADULTHOOD = 18;

/**
 * Care and child protection begin only for a child: not on or after the 18th birthday
 * (no check while only an expected date of birth is known).
 */
export function notAChildOn(state: CaseState, what: string, date: CalendarDate): Decision | null {
  const dateOfBirth = state.child?.dateOfBirth;
  if (!dateOfBirth || ageOn(dateOfBirth, date) < ADULTHOOD) return null;
  return refuseCase(
    'not-a-child',
    `The ${what} is dated ${date}, on or after the young person's 18th birthday (born ${dateOfBirth}, 18 on ` +
      `${eighteenthBirthday(dateOfBirth)}): care and child protection begin only for a child, under 18 (Children Act 1989 s105).`,
  );
}

/** the first day of being 18 (for a birth on 29 February, 1 March in a year without one) */
function eighteenthBirthday(dateOfBirth: CalendarDate): CalendarDate {
  const clamped = addMonths(dateOfBirth, ADULTHOOD * 12);
  return ageOn(dateOfBirth, clamped) < ADULTHOOD ? addDays(clamped, 1) : clamped;
}
