import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, registerDecorator, ValidationOptions } from 'class-validator';
import { CalendarDate } from '../../../../src/calendar/calendar-date';
import { DRIFT_FLAGS, isDriftFlagName } from '../../../../src/projections/drift-and-delay/drift-flag';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsRecordId } from '../../../../libs/nest/validation/is-record-id';
import { ApiAsAtProperty } from '../as-at.property';
import { PageQuery } from '../page.query';

/** The flag names of a comma-separated `flags`, blanks left out. */
export const flagNamesOf = (flags: string | undefined): string[] =>
  (flags ?? '').split(',').map((name) => name.trim()).filter((name) => name.length > 0);

/** What is wrong with a `flags` value, in one message; null when it is a list of known flags. */
export function flagListProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'flags is given once, as a comma-separated list such as flags=review-overdue,cp-review-overdue';
  const names = flagNamesOf(value);
  if (names.length === 0) return `flags names no flag; leave it out for every flag, or name one or more of: ${DRIFT_FLAGS.join(', ')}`;
  const unknown = names.filter((name) => !isDriftFlagName(name));
  return unknown.length === 0 ? null : `flags names unknown flags (${unknown.join(', ')}); the flags are: ${DRIFT_FLAGS.join(', ')}`;
}

/** A comma-separated list of drift flag names, given once; the message names the unknown ones and lists the valid ones. */
function IsDriftFlagList(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDriftFlagList',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ value }) => flagListProblem(value) ?? '', ...options },
      validator: { validate: (value: unknown) => flagListProblem(value) === null },
    });
}

export class ClinicCandidatesQuery extends PageQuery {
  @ApiPropertyOptional({ description: `comma-separated flag names; none: every flag. One of: ${DRIFT_FLAGS.join(', ')}`, example: 'review-overdue,challenge-overdue' })
  @IsOptional()
  @IsDriftFlagList()
  flags?: string;

  @ApiPropertyOptional({
    description: "only this IRO's children (allocated on asAt). An IRO's own list is always the children allocated to them now, seen as on asAt",
    example: 'IRO7',
  })
  @IsOptional()
  @IsRecordId()
  iroId?: string;

  @ApiAsAtProperty('the date the flags are evaluated on')
  @IsOptional()
  @IsCalendarDate()
  asAt?: CalendarDate;
}
