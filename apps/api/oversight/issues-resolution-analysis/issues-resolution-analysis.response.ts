import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const stageMap = (description: string) =>
  ApiProperty({
    description: `${description}; keys 1, 2, 3, 4, cafcass`,
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { '1': 3, '2': 0, '3': 1, '4': 1, cafcass: 1 },
  });

export class PercentFigureResponse {
  @ApiProperty({ type: Number, nullable: true, description: 'one decimal place, half away from zero; null when the denominator is 0', example: 60 }) value!: number | null;
  @ApiProperty({ example: 3 }) numerator!: number;
  @ApiProperty({ example: 5 }) denominator!: number;
  @ApiPropertyOptional({ description: 'why value is null' }) reason?: string;
}

export class StageFiguresResponse {
  @ApiProperty({ description: 'challenges that entered the stage by `to`' }) entered!: number;
  @ApiProperty({ type: PercentFigureResponse, description: "of the stage's deadlines fallen due or answered by `to`, those answered on time" })
  deadlineMetPercent!: PercentFigureResponse;
  @ApiProperty({ type: Number, nullable: true, description: 'median working days spent at the stage, over the stays that ended by `to`' }) medianWorkingDays!: number | null;
}

export class LookedAfterVsProtectionResponse {
  @ApiProperty() lookedAfter!: number;
  @ApiProperty() protection!: number;
  @ApiProperty() neither!: number;
}

export class ChallengeGroupSummaryResponse {
  @ApiProperty({ description: 'challenges of the cohort in the group', example: 3 }) raised!: number;
  @ApiProperty({ description: 'of those, escalated past stage 1 by `to`', example: 1 }) escalated!: number;
  @ApiProperty({ description: 'resolved by `to`', example: 1 }) resolved!: number;
  @ApiProperty({ description: 'open on `to`', example: 2 }) open!: number;
  @ApiProperty({ description: 'open on `to` and past their stage deadline with no answer', example: 1 }) overdue!: number;
}

const groupMap = (description: string, example: string) =>
  ApiProperty({
    description,
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ChallengeGroupSummaryResponse' },
    example: { [example]: { raised: 3, escalated: 1, resolved: 1, open: 2, overdue: 1 } },
  });

export class IssuesResolutionAnalysisResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ description: 'challenges raised from `from` to `to` (challenges.raised)' }) raised!: number;
  @ApiProperty({ description: 'per category, every category present (challenges.byCategory)', type: 'object', additionalProperties: { type: 'integer' } })
  byCategory!: Record<string, number>;
  @stageMap('by the highest stage reached by `to` (challenges.byHighestStage)') byHighestStage!: Record<string, number>;
  @ApiProperty({ type: String, nullable: true, description: 'the stage with the largest count; on a tie the higher (challenges.mostCommonHighestStage)' })
  mostCommonHighestStage!: string | null;
  @ApiProperty({ description: 'resolved by `to`' }) resolved!: number;
  @stageMap('resolved by `to`, by the stage resolved at') resolvedAtStage!: Record<string, number>;
  @ApiProperty({ type: PercentFigureResponse, description: 'of those resolved by `to`, those resolved at stage 1 without escalation' })
  resolvedAtLowestLevelPercent!: PercentFigureResponse;
  @ApiProperty({ description: 'referred to Cafcass by `to` (challenges.cafcassReferrals)' }) cafcassReferrals!: number;
  @ApiProperty({ description: 'resolved by `to` with outcome recovery-plan-agreed (challenges.recoveryPlansAgreed)' }) recoveryPlansAgreed!: number;
  @ApiProperty({
    description: 'per stage (keys 1, 2, 3, 4, cafcass)',
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/StageFiguresResponse' },
  })
  stages!: Record<string, StageFiguresResponse>;
  @stageMap('open on `to`, by the stage they were at') openByStage!: Record<string, number>;
  @stageMap('open on `to` and past their stage deadline with no answer') overdueByStage!: Record<string, number>;
  @ApiProperty({ type: LookedAfterVsProtectionResponse, description: 'whether on the day raised a child named was looked after, on a plan (both may count), or neither (challenges.lookedAfterVsProtection)' })
  lookedAfterVsProtection!: LookedAfterVsProtectionResponse;
  @groupMap('by the IRO who raised each challenge', 'iro-7') byRaisedBy!: Record<string, ChallengeGroupSummaryResponse>;
  @groupMap('by who each was addressed to (the team or manager); `not given` when the IRO named no one', 'Team manager, Children in Care 2')
  byAddressedTo!: Record<string, ChallengeGroupSummaryResponse>;
  @groupMap('by the month each was raised (yyyy-mm)', '2019-06') byMonth!: Record<string, ChallengeGroupSummaryResponse>;
  @ApiProperty({ type: [String], description: 'the challenges counted' }) challengeIds!: string[];
}
