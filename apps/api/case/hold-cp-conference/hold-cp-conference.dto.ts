import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsOptional, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import {
  CATEGORIES_OF_ABUSE, CategoryOfAbuse, CONFERENCE_OUTCOMES, CONFERENCE_TYPES, ConferenceOutcome, ConferenceType,
} from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsRecordId } from '../../../../libs/nest/validation/is-record-id';

/** An initial conference starts a plan or decides none; a review conference continues or ends it. */
const OUTCOMES_BY_TYPE: Record<ConferenceType, readonly ConferenceOutcome[]> = {
  initial: ['plan-started', 'no-plan'],
  review: ['plan-continued', 'plan-ended'],
};

const FitsConferenceType = () =>
  ValidateBy({
    name: 'fitsConferenceType',
    validator: {
      validate: (outcome, args) => {
        const allowed = OUTCOMES_BY_TYPE[(args?.object as HoldCPConferenceDto).type];
        return allowed === undefined || allowed.includes(outcome as ConferenceOutcome);
      },
      defaultMessage: (args) => {
        const type = (args?.object as HoldCPConferenceDto).type;
        return `an ${type} conference has outcome ${OUTCOMES_BY_TYPE[type].join(' or ')}`;
      },
    },
  });

export class HoldCPConferenceDto {
  @ApiPropertyOptional({ description: 'a new uuid when not given' })
  @IsOptional()
  @IsRecordId()
  conferenceId?: string;

  @ApiProperty({ enum: CONFERENCE_TYPES })
  @IsIn(CONFERENCE_TYPES)
  type!: ConferenceType;

  @ApiProperty({ format: 'date', example: '2019-12-20' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2019-12-02',
    description: 'required for an initial conference: the strategy discussion at which section 47 enquiries began (due within 15 working days)',
  })
  @ValidateIf((dto: HoldCPConferenceDto) => dto.type === 'initial' || dto.strategyDiscussionOn !== undefined)
  @IsDefined({ message: 'an initial conference needs strategyDiscussionOn' })
  @IsCalendarDate()
  strategyDiscussionOn?: string;

  @ApiProperty({ example: 'IRO7' })
  @IsRecordId()
  chairIroId!: string;

  @ApiProperty({ enum: CONFERENCE_OUTCOMES, description: 'initial: plan-started or no-plan; review: plan-continued or plan-ended' })
  @IsIn(CONFERENCE_OUTCOMES)
  @FitsConferenceType()
  outcome!: ConferenceOutcome;

  @ApiPropertyOptional({ enum: CATEGORIES_OF_ABUSE, description: 'required when the outcome is plan-started' })
  @ValidateIf((dto: HoldCPConferenceDto) => dto.outcome === 'plan-started' || dto.categoryOfAbuse !== undefined)
  @IsDefined({ message: 'a plan-started outcome needs categoryOfAbuse' })
  @IsIn(CATEGORIES_OF_ABUSE)
  categoryOfAbuse?: CategoryOfAbuse;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 99, description: 'plans before this system (the CIN census NumberOfPreviousCPP)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  previousPlanCount?: number;
}
