import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ChildFactsResponse {
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) dateOfBirth!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) expectedDateOfBirth!: string | null;
  @ApiProperty({ description: 'registered with only an expected date of birth that is still to come' }) unborn!: boolean;
  @ApiProperty({ enum: ['male', 'female', 'unknown'] }) sex!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) ethnicity!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) familyId!: string | null;
}

export class PlacementResponse {
  @ApiProperty() placementType!: string;
  @ApiProperty() placedOutsideLocalAuthority!: boolean;
  @ApiProperty({ format: 'date' }) since!: string;
}

export class LegalStatusResponse {
  @ApiProperty() legalStatus!: string;
  @ApiProperty({ format: 'date' }) since!: string;
}

export class PeriodOfCareResponse {
  @ApiProperty() periodId!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) endDate!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reasonCeased!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) categoryOfNeed!: string | null;
  @ApiProperty() reviewsHeld!: number;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) lastReviewOn!: string | null;
}

export class IroResponse {
  @ApiProperty() iroId!: string;
  @ApiProperty({ format: 'date' }) since!: string;
}

export class ChildProtectionPlanResponse {
  @ApiProperty() planId!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({
    enum: ['initial-conference', 'plan-record'],
    description: 'initial-conference: started at an initial conference here; plan-record: started without one here (e.g. transferred in from another authority)',
  })
  startedBy!: 'initial-conference' | 'plan-record';
  @ApiProperty() categoryOfAbuse!: string;
  @ApiProperty() reviewConferencesHeld!: number;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) lastConferenceOn!: string | null;
}

export class DueNextResponse {
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'the next looked-after review, while in care' })
  reviewDueBy!: string | null;
  @ApiProperty({ description: 'reviewDueBy is before today' }) reviewOverdue!: boolean;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'the next review conference, while a plan is open' })
  reviewConferenceDueBy!: string | null;
  @ApiProperty({ description: 'reviewConferenceDueBy is before today' }) reviewConferenceOverdue!: boolean;
}

/** A child's case as it stands today (voided records left out). */
export class ChildRecordResponse {
  @ApiProperty() childId!: string;
  @ApiProperty({ description: "the stream's revision: send it as If-Match to base a change on what you read" }) revision!: number;
  @ApiProperty({ format: 'date', description: "today, by the service's clock" }) asOf!: string;
  @ApiProperty({ type: ChildFactsResponse }) child!: ChildFactsResponse;
  @ApiProperty() inCare!: boolean;
  @ApiPropertyOptional({ type: PeriodOfCareResponse, nullable: true }) currentPeriodOfCare!: PeriodOfCareResponse | null;
  @ApiPropertyOptional({ type: PlacementResponse, nullable: true }) placement!: PlacementResponse | null;
  @ApiPropertyOptional({ type: LegalStatusResponse, nullable: true }) legalStatus!: LegalStatusResponse | null;
  @ApiPropertyOptional({ type: IroResponse, nullable: true }) iro!: IroResponse | null;
  @ApiPropertyOptional({ type: ChildProtectionPlanResponse, nullable: true }) openChildProtectionPlan!: ChildProtectionPlanResponse | null;
  @ApiProperty({ type: DueNextResponse }) dueNext!: DueNextResponse;
  @ApiProperty({ type: [PeriodOfCareResponse], description: 'every period of care, oldest first' }) periodsOfCare!: PeriodOfCareResponse[];
  @ApiProperty({ description: 'child protection plans recorded here, open or ended' }) childProtectionPlans!: number;
}
