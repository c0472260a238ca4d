import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PARTICIPATION_CODES, ParticipationCode } from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsRecordId } from '../../../../libs/nest/validation/is-record-id';
import { IsFreeText } from '../../shared/text-fields';

export class HoldReviewDto {
  @ApiPropertyOptional({ description: 'a new uuid when not given' })
  @IsOptional()
  @IsRecordId()
  reviewId?: string;

  @ApiProperty({ format: 'date', example: '2020-01-30' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiProperty({ example: 'IRO7', description: 'the IRO who chaired the review' })
  @IsRecordId()
  chairIroId!: string;

  @ApiProperty({ enum: PARTICIPATION_CODES, description: 'SSDA903 review participation code: PN0 for a child under 4, only' })
  @IsIn(PARTICIPATION_CODES)
  participation!: ParticipationCode;

  @ApiProperty({ description: 'whether the IRO saw the child before the review' })
  @IsBoolean()
  iroVisitedBeforeReview!: boolean;

  @ApiPropertyOptional({ description: 'whether a permanence plan was in place (expected by the second review)' })
  @IsOptional()
  @IsBoolean()
  permanencePlanInPlace?: boolean;

  @ApiPropertyOptional({ description: 'why the review was late, when it was' })
  @IsOptional()
  @IsFreeText()
  lateReason?: string;
}
