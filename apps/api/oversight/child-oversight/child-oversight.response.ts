import { ApiProperty } from '@nestjs/swagger';
import { STAGE_KEYS } from '../../../../src/projections/issues-resolution/challenge-stages';
import { DriftFlagResponse } from '../drift-flag.response';

export class CarePeriodOnDateResponse {
  @ApiProperty() periodId!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ description: 'SSDA903 legal status on the date' }) legalStatus!: string;
  @ApiProperty({ description: 'SSDA903 placement type on the date' }) placementType!: string;
  @ApiProperty({ format: 'date' }) placementSince!: string;
}

export class PlanOnDateResponse {
  @ApiProperty() planId!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
}

export class OpenChallengeResponse {
  @ApiProperty() challengeId!: string;
  @ApiProperty({ format: 'date' }) raisedOn!: string;
  @ApiProperty({ enum: STAGE_KEYS }) stage!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) responseDueBy!: string | null;
  @ApiProperty({ description: 'past its stage deadline with no answer' }) overdue!: boolean;
}

export class ChildOversightResponse {
  @ApiProperty() childId!: string;
  @ApiProperty({ format: 'date' }) asAt!: string;
  @ApiProperty({ enum: ['looked-after', 'cp-plan', 'both', 'neither'], description: 'looked after leaves out short breaks (V3/V4)' }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the IRO of the latest allocation effective on or before asAt' }) iroId!: string | null;
  @ApiProperty({ type: CarePeriodOnDateResponse, nullable: true }) carePeriod!: CarePeriodOnDateResponse | null;
  @ApiProperty({ type: PlanOnDateResponse, nullable: true }) plan!: PlanOnDateResponse | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'while looked after' }) nextReviewDueBy!: string | null;
  @ApiProperty({ description: 'days the next review is overdue on asAt (0 when not)' }) reviewDaysOverdue!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'while on a plan' }) nextConferenceDueBy!: string | null;
  @ApiProperty() conferenceDaysOverdue!: number;
  @ApiProperty({ type: [OpenChallengeResponse] }) openChallenges!: OpenChallengeResponse[];
  @ApiProperty({ type: [DriftFlagResponse] }) flags!: DriftFlagResponse[];
}
