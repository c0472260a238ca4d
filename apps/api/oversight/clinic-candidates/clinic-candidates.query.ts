import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, registerDecorator, ValidationOptions } from 'class-validator';
import { CalendarDate } from '../../../../src/calendar/calendar-date';
import { DRIFT_FLAGS, isDriftFlagName } from '../../../../src/projections/drift-and-delay/drift-flag';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsRecordId } from '../../../../libs/nest/validation/is-record-id';
import { ApiAsAtProperty } from '../as-at.property';
import { PageQuery } from '../page.query';

/** The flag names of a comma-separated `flags`, blanks left out. */
export const flagNamesOf = (flags: string | undefined): string[] =>
  (flags ?? '').split(',').map((name) => name.trim()).filter((name) => name.length > 0);

/** A comma-separated list of drift flag names; the message names the unknown ones and lists the valid ones. */
function IsDriftFlagList(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDriftFlagList',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value }) => {
          const unknown = flagNamesOf(typeof value === 'string' ? value : '').filter((name) => !isDriftFlagName(name));
          return `flags names unknown flags (${unknown.join(', ')}); the flags are: ${DRIFT_FLAGS.join(', ')}`;
        },
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && flagNamesOf(value).every(isDriftFlagName) },
    });
}

export class ClinicCandidatesQuery extends PageQuery {
  @ApiPropertyOptional({ description: `comma-separated flag names; none: every flag. One of: ${DRIFT_FLAGS.join(', ')}`, example: 'review-overdue,challenge-overdue' })
  @IsOptional()
  @IsString()
  @IsDriftFlagList()
  flags?: string;

  @ApiPropertyOptional({ description: "only this IRO's children (allocated on asAt)", example: 'IRO7' })
  @IsOptional()
  @IsRecordId()
  iroId?: string;

  @ApiAsAtProperty('the date the flags are evaluated on')
  @IsOptional()
  @IsCalendarDate()
  asAt?: CalendarDate;
}
