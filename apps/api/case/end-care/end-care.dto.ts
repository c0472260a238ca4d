import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { REASONS_CEASED, ReasonCeased } from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';

export class EndCareDto {
  @ApiProperty({ format: 'date', example: '2020-03-20', description: 'the day the child stopped being looked after' })
  @IsCalendarDate()
  endDate!: string;

  @ApiProperty({ enum: REASONS_CEASED, description: 'SSDA903 REC code' })
  @IsIn(REASONS_CEASED)
  reasonCeased!: ReasonCeased;
}
