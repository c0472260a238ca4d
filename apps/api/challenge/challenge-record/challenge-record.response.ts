import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHALLENGE_CATEGORIES, CHALLENGE_OUTCOMES } from '../../../../src/events/codes';
import { ApiStageProperty } from '../challenge-stage.property';

export class StageVisitResponse {
  @ApiStageProperty() stage!: number | string;
  @ApiProperty({ format: 'date' }) enteredOn!: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: "the stage's response deadline; null at Cafcass" })
  responseDueBy!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'when it escalated past this stage or was resolved at it' })
  leftOn!: string | null;
  @ApiProperty({ description: 'overdue today: past its deadline with no answer yet (no response, escalation or resolution), as in GET /challenges?overdue=true' })
  overdue!: boolean;
  @ApiProperty({
    type: Boolean, nullable: true,
    description: 'whether it was answered (a response, or the resolution at this stage) by its deadline, as in GET /challenges: ' +
      'false when escalated after it with no response; null while pending, when escalated before it with no response (not measured), and at Cafcass',
  })
  deadlineMet!: boolean | null;
}

export class ChallengeResponseResponse {
  @ApiProperty({ format: 'date' }) respondedOn!: string;
  @ApiProperty() respondedBy!: string;
  @ApiProperty() response!: string;
  @ApiStageProperty() stage!: number | string;
}

export class RecoveryPlanActionResponse {
  @ApiProperty() action!: string;
  @ApiProperty({ format: 'date' }) dueBy!: string;
}

export class RecoveryPlanResponse {
  @ApiProperty({ type: [RecoveryPlanActionResponse] }) actions!: RecoveryPlanActionResponse[];
}

/** A challenge as it stands today, with its way through the stages. */
export class ChallengeRecordResponse {
  @ApiProperty() challengeId!: string;
  @ApiProperty({ description: "the stream's revision: send it as If-Match to base a change on what you read" }) revision!: number;
  @ApiProperty({ format: 'date', description: "today, by the service's clock" }) asOf!: string;
  @ApiProperty({ type: [String] }) childIds!: string[];
  @ApiProperty({ enum: CHALLENGE_CATEGORIES }) category!: string;
  @ApiProperty() raisedBy!: string;
  @ApiProperty({ format: 'date' }) raisedOn!: string;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) addressedTo!: string | null;
  @ApiStageProperty({ description: 'the stage it is at (or was resolved at)' }) stage!: number | string;
  @ApiStageProperty() highestStage!: number | string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: "the current stage's deadline while open" })
  responseDueBy!: string | null;
  @ApiProperty({ type: [StageVisitResponse] }) stageHistory!: StageVisitResponse[];
  @ApiProperty({ type: [ChallengeResponseResponse] }) responses!: ChallengeResponseResponse[];
  @ApiProperty() resolved!: boolean;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) resolvedOn!: string | null;
  @ApiPropertyOptional({ enum: CHALLENGE_OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiPropertyOptional({ type: RecoveryPlanResponse, nullable: true }) recoveryPlan!: RecoveryPlanResponse | null;
}
