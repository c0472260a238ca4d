import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { CalendarDate } from '../../../../src/calendar/calendar-date';
import { CHALLENGE_CATEGORIES, ChallengeCategory } from '../../../../src/events/codes';
import { STAGE_KEYS, StageKey } from '../../../../src/projections/issues-resolution/challenge-stages';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsRecordId } from '../../../../libs/nest/validation/is-record-id';
import { ApiAsAtProperty } from '../as-at.property';
import { PageQuery } from '../page.query';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ChallengeListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'], description: 'open or resolved on `asAt`' })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ enum: STAGE_KEYS, description: 'the stage the challenge was at on `asAt` (a resolved challenge: the stage it was resolved at)' })
  @IsOptional()
  @IsIn(STAGE_KEYS)
  stage?: StageKey;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only challenges past their current stage deadline with no answer on `asAt`; false: only the others' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiAsAtProperty('the date the list is judged on: only the challenges raised by then, with their status, stage and overdue then')
  @IsOptional()
  @IsCalendarDate()
  asAt?: CalendarDate;

  @ApiPropertyOptional({ description: 'the IRO who raised it', example: 'IRO7' })
  @IsOptional()
  @IsRecordId()
  raisedBy?: string;

  @ApiPropertyOptional({ enum: CHALLENGE_CATEGORIES })
  @IsOptional()
  @IsIn(CHALLENGE_CATEGORIES)
  category?: ChallengeCategory;

  @ApiPropertyOptional({ description: 'a child the challenge names', example: 'C1001' })
  @IsOptional()
  @IsRecordId()
  childId?: string;

  @ApiPropertyOptional({ description: 'raised on or after', format: 'date', example: '2019-04-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: CalendarDate;

  @ApiPropertyOptional({ description: 'raised on or before', format: 'date', example: '2020-03-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: CalendarDate;
}
