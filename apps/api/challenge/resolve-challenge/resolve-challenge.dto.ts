import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsObject, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { CHALLENGE_OUTCOMES, ChallengeOutcome } from '../../../../src/events/codes';
import { IsCalendarDate } from '../../../../libs/nest/validation/is-calendar-date';
import { ValidateEachAs } from '../../../../libs/nest/validation/validate-each-as';
import { IsFreeText } from '../../shared/text-fields';

export class RecoveryPlanActionDto {
  @ApiProperty({ example: 'Convene a permanence planning meeting' })
  @IsFreeText(1000)
  action!: string;

  @ApiProperty({ format: 'date', example: '2020-03-13' })
  @IsCalendarDate()
  dueBy!: string;
}

export class RecoveryPlanDto {
  @ApiProperty({ type: [RecoveryPlanActionDto], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateEachAs(() => RecoveryPlanActionDto, 'an object with action and dueBy')
  actions!: RecoveryPlanActionDto[];
}

const OnlyWithRecoveryPlanAgreed = () =>
  ValidateBy({
    name: 'onlyWithRecoveryPlanAgreed',
    validator: {
      validate: (_plan, args) => (args?.object as ResolveChallengeDto).outcome === 'recovery-plan-agreed',
      defaultMessage: () => 'a recoveryPlan is recorded only with the outcome recovery-plan-agreed',
    },
  });

export class ResolveChallengeDto {
  @ApiProperty({ format: 'date', example: '2020-02-20' })
  @IsCalendarDate()
  resolvedOn!: string;

  @ApiProperty({ enum: CHALLENGE_OUTCOMES })
  @IsIn(CHALLENGE_OUTCOMES)
  outcome!: ChallengeOutcome;

  @ApiPropertyOptional({ type: RecoveryPlanDto, description: 'required with recovery-plan-agreed, and only then' })
  @ValidateIf((dto: ResolveChallengeDto) => dto.outcome === 'recovery-plan-agreed' || dto.recoveryPlan !== undefined)
  @IsDefined({ message: 'the outcome recovery-plan-agreed needs a recoveryPlan' })
  @OnlyWithRecoveryPlanAgreed()
  @IsObject()
  @ValidateNested()
  @Type(() => RecoveryPlanDto)
  recoveryPlan?: RecoveryPlanDto;
}
