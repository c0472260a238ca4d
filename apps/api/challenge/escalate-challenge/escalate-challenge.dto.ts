import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ChallengeStage } from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { IsFreeText } from '../../shared/text-fields';

const ESCALATION_STAGES = [2, 3, 4, 'cafcass'] as const;

export class EscalateChallengeDto {
  @ApiProperty({ format: 'date', example: '2020-02-12' })
  @IsCalendarDate()
  escalatedOn!: string;

  @ApiProperty({
    oneOf: [{ type: 'integer', enum: [2, 3, 4] }, { type: 'string', enum: ['cafcass'] }],
    description: 'a higher stage than now; stages may be bypassed and Cafcass reached from any stage',
    example: 2,
  })
  @IsIn(ESCALATION_STAGES, { message: 'toStage must be one of 2, 3, 4 or "cafcass"' })
  toStage!: Exclude<ChallengeStage, 1>;

  @ApiProperty({ example: 'No response from the team manager within 5 working days.' })
  @IsFreeText()
  reason!: string;
}
