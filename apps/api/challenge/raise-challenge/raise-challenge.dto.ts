import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { CHALLENGE_CATEGORIES, ChallengeCategory } from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsRecordId } from '../../../../libs/nest/validation/is-record-id';
import { IsFreeText } from '../../shared/text-fields';

export class RaiseChallengeDto {
  @ApiPropertyOptional({ description: 'a new uuid when not given' })
  @IsOptional()
  @IsRecordId()
  challengeId?: string;

  @ApiProperty({
    type: [String], minItems: 1, maxItems: 500, uniqueItems: true, example: ['C1001'],
    description: 'one child, or several for a service-level challenge',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'childIds must name each child once' })
  @IsRecordId({ each: true, message: 'each of childIds must be 1-64 characters of A-Z, a-z, 0-9, _ and -' })
  childIds!: string[];

  @ApiProperty({ format: 'date', example: '2020-02-03' })
  @IsCalendarDate()
  raisedOn!: string;

  @ApiProperty({ example: 'IRO7', description: 'the IRO raising it' })
  @IsRecordId()
  raisedBy!: string;

  @ApiProperty({ enum: CHALLENGE_CATEGORIES })
  @IsIn(CHALLENGE_CATEGORIES)
  category!: ChallengeCategory;

  @ApiProperty({ example: 'No permanence plan at the second review.' })
  @IsFreeText()
  summary!: string;

  @ApiPropertyOptional({ example: 'Team manager, Children in Care 2', description: 'who the challenge is addressed to' })
  @IsOptional()
  @IsFreeText(200)
  addressedTo?: string;
}
