import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsRecordId } from '../../../../libs/nest/validation/is-record-id';

export class AllocateIroDto {
  @ApiProperty({ example: 'IRO7' })
  @IsRecordId()
  iroId!: string;

  @ApiProperty({ format: 'date', example: '2020-01-07' })
  @IsCalendarDate()
  effectiveDate!: string;
}
