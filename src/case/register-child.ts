import { addDays, CalendarDate } from '../calendar/calendar-date';
import { ageOn } from '../calendar/calendar-months';
import { accept, Decision, DecisionContext, isViolation } from '../decision/decision';
import { OversightEventType } from '../events/oversight-events';
import { CaseCommand } from './case-commands';
import { refuseCase } from './case-rules';
import { CaseState, StandingRecord, standingRecordsOf } from './case-state';
import { placementTooYoungFor } from './dfe-guards';
import { PRE_BIRTH_DAYS } from './record-checks';

type RegisterChild = Extract<CaseCommand, { type: 'registerChild' }>;

/**
 * Registers a child, born (dateOfBirth) or unborn (expectedDateOfBirth). The registration
 * is effective on the day it is made. A child registered again after the registration was
 * voided keeps the records that stand, so they must fit the new (expected) date of birth.
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
  const misfit = standingRecordBeforeBirth(state, dateOfBirth, expectedDateOfBirth);
  if (misfit) return misfit;
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

/** What may be dated in the pregnancy (a pre-birth plan); the rest not before the birth. */
const ALLOWED_WHILE_UNBORN = new Set<OversightEventType>([
  'CPConferenceHeld', 'ChildProtectionPlanStarted', 'ChildProtectionPlanEnded', 'IroAllocated',
]);

const RECORD_WORDS: Partial<Record<OversightEventType, string>> = {
  CareStarted: 'care start', PlacementChanged: 'placement change', LegalStatusChanged: 'legal status change',
  CareEnded: 'care ending', IroAllocated: 'IRO allocation', ReviewHeld: 'review', CPConferenceHeld: 'conference',
  ChildProtectionPlanStarted: 'plan start', ChildProtectionPlanEnded: 'plan ending',
};

function standingRecordBeforeBirth(
  state: CaseState,
  dateOfBirth: CalendarDate | undefined,
  expectedDateOfBirth: CalendarDate | undefined,
): Decision | null {
  const birth = dateOfBirth ?? expectedDateOfBirth;
  if (!birth) return null;
  const described = dateOfBirth ? `the date of birth ${dateOfBirth}` : `the expected date of birth ${expectedDateOfBirth}`;
  const fix = 'Correct the date of birth, or void that record first.';
  for (const record of standingRecordsOf(state)) {
    const named = nameOf(record);
    if (record.date < birth) {
      const unbornAllowed = ALLOWED_WHILE_UNBORN.has(record.type);
      if (!unbornAllowed || record.date < addDays(birth, -PRE_BIRTH_DAYS)) {
        const when = unbornAllowed ? 'more than a pregnancy before' : 'before';
        return refuseCase('before-birth', `The ${named}, dated ${record.date}, stands ${when} ${described}. ${fix}`);
      }
    }
    if (dateOfBirth && (record.type === 'CareStarted' || record.type === 'ChildProtectionPlanStarted') && ageOn(dateOfBirth, record.date) >= 18) {
      return refuseCase(
        'not-a-child',
        `The ${named}, dated ${record.date}, would stand on or after the 18th birthday with ${described}: care and child ` +
          `protection begin only for a child (Children Act 1989 s105). ${fix}`,
      );
    }
    const tooYoung = dateOfBirth && record.placementType ? placementTooYoungFor(record.placementType, record.date, dateOfBirth) : null;
    if (tooYoung && isViolation(tooYoung)) {
      return refuseCase(tooYoung.violation.rule as 'placement-age', `The ${named}: ${tooYoung.violation.message} ${fix}`);
    }
    if (record.type === 'ReviewHeld' && record.participation !== undefined && record.date >= birth) {
      const age = ageOn(birth, record.date);
      const underFour = record.participation === 'PN0';
      if (underFour !== age < 4) {
        return refuseCase(
          'participation-age',
          `The ${named} on ${record.date} records participation ${record.participation}, but with ${described} the child ` +
            `was ${age} then (PN0 is for a child under 4, and only for them). ${fix}`,
        );
      }
    }
  }
  return null;
}

function nameOf(record: StandingRecord): string {
  const words = RECORD_WORDS[record.type] ?? record.type;
  const id = record.type === 'ReviewHeld' && record.reviewId ? ` ${record.reviewId}` : '';
  return `${words}${id}${record.eventId ? ` (record ${record.eventId})` : ''}`;
}
