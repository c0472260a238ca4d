import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { LEGAL_STATUSES, LegalStatus } from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';

export class ChangeLegalStatusDto {
  @ApiProperty({ format: 'date', example: '2020-02-10' })
  @IsCalendarDate()
  effectiveDate!: string;

  @ApiProperty({ enum: LEGAL_STATUSES, description: 'SSDA903 LS code' })
  @IsIn(LEGAL_STATUSES)
  legalStatus!: LegalStatus;
}
