import { ApiProperty } from '@nestjs/swagger';
import { CHALLENGE_OUTCOMES } from '../../../../src/events/codes';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { ApiStageProperty } from '../challenge-stage.property';

export class ChallengeResolvedResponse extends CommandAcceptedResponse {
  @ApiStageProperty({ description: 'the stage it was resolved at' }) stage!: number | string;
  @ApiProperty({ enum: CHALLENGE_OUTCOMES }) outcome!: string;
}
