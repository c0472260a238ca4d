import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { ApiStageProperty } from '../challenge-stage.property';

export class ChallengeRespondedResponse extends CommandAcceptedResponse {
  @ApiStageProperty({ description: 'the stage the response was given at' }) stage!: number | string;
}
