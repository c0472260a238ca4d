import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { ETHNICITY_CODES, EthnicityCode, SEXES, Sex } from '../../../../src/events/codes';
import { ExactlyOneOf } from '../../../../libs/nest/validation/exactly-one-of';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsRecordId } from '../../../../libs/nest/validation/is-record-id';

export class RegisterChildDto {
  @ApiProperty({ example: 'C1001' })
  @IsRecordId()
  childId!: string;

  @ApiPropertyOptional({ format: 'date', example: '2012-06-14', description: 'exactly one of dateOfBirth and expectedDateOfBirth' })
  @ValidateIf((dto: RegisterChildDto) => dto.dateOfBirth !== undefined || dto.expectedDateOfBirth === undefined)
  @ExactlyOneOf(['dateOfBirth', 'expectedDateOfBirth'])
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ format: 'date', example: '2020-07-01', description: 'for an unborn child, instead of dateOfBirth' })
  @IsOptional()
  @IsCalendarDate()
  expectedDateOfBirth?: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex!: Sex;

  @ApiPropertyOptional({ enum: ETHNICITY_CODES, description: 'SSDA903 ETHNIC code' })
  @IsOptional()
  @IsIn(ETHNICITY_CODES)
  ethnicity?: EthnicityCode;

  @ApiPropertyOptional({ description: 'family or sibling group' })
  @IsOptional()
  @IsRecordId()
  familyId?: string;
}
