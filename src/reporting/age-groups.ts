import { CalendarDate } from '../calendar/calendar-date';

export const AGE_GROUPS = ['under1', '1-4', '5-9', '10-15', '16+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number] | 'unknown';

/** The age group on `date` by completed years; 'unknown' when no date of birth was given. */
export function ageGroupOn(dateOfBirth: CalendarDate | undefined, date: CalendarDate): AgeGroup {
  if (dateOfBirth === undefined) return 'unknown';
  const age = completedYears(dateOfBirth, date);
  if (age < 1) return 'under1';
  if (age <= 4) return '1-4';
  if (age <= 9) return '5-9';
  if (age <= 15) return '10-15';
  return '16+';
}

/**
 * Completed years from `dateOfBirth` to `date` (as calendar ageOn), read straight from the
 * 'yyyy-mm-dd' strings: it runs for every child of every report, so no splitting.
 */
export function completedYears(dateOfBirth: CalendarDate, date: CalendarDate): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
