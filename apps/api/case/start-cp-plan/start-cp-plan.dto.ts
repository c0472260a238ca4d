import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CATEGORIES_OF_ABUSE, CategoryOfAbuse } from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsFreeText } from '../../shared/text-fields';

/** A child protection plan that starts without an initial conference here (e.g. transferred in from another authority). */
export class StartCPPlanDto {
  @ApiProperty({
    format: 'date',
    example: '2020-01-06',
    description: "the plan's real start (for a plan transferred in, the day it started in the other authority): its age and first review conference count from it",
  })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ enum: CATEGORIES_OF_ABUSE, description: 'the category of abuse at the start of the plan (CIN census)' })
  @IsIn(CATEGORIES_OF_ABUSE)
  categoryOfAbuse!: CategoryOfAbuse;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 99, description: 'plans before this one, not recorded here (the CIN census NumberOfPreviousCPP)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  previousPlanCount?: number;

  @ApiPropertyOptional({ maxLength: 4000, example: 'Transferred in from Leeds.', description: 'why the plan starts without an initial conference here' })
  @IsOptional()
  @IsFreeText()
  reason?: string;
}
