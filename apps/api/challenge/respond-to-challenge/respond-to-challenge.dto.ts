import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsFreeText } from '../../shared/text-fields';

export class RespondToChallengeDto {
  @ApiProperty({ format: 'date', example: '2020-02-07' })
  @IsCalendarDate()
  respondedOn!: string;

  @ApiProperty({ example: 'Service manager, Children in Care' })
  @IsFreeText(200)
  respondedBy!: string;

  @ApiProperty({ example: 'Permanence planning meeting booked for 14 February.' })
  @IsFreeText()
  response!: string;
}
