import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { ApiStageProperty } from '../challenge-stage.property';

export class ChallengeEscalatedResponse extends CommandAcceptedResponse {
  @ApiStageProperty({ description: 'the stage it left' }) fromStage!: number | string;
  @ApiStageProperty({ description: 'the stage it is at now' }) stage!: number | string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: "the new stage's response deadline; null at Cafcass" })
  responseDueBy!: string | null;
}
