import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsFreeText } from '../../shared/text-fields';

/** The open child protection plan ends without a review conference here (e.g. transferred out to another authority). */
export class EndCPPlanDto {
  @ApiProperty({ format: 'date', example: '2020-03-20', description: 'the day the plan ended here: after its start, on or after its last conference' })
  @IsCalendarDate()
  endDate!: string;

  @ApiPropertyOptional({ maxLength: 4000, example: 'Transferred out to Leeds.', description: 'why the plan ends without a review conference here' })
  @IsOptional()
  @IsFreeText()
  reason?: string;
}
