import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { RespondToChallengeDto } from './respond-to-challenge.dto';
import { ChallengeRespondedResponse } from './respond-to-challenge.response';

export class RespondToChallenge extends Command<ChallengeRespondedResponse> {
  constructor(
    readonly challengeId: string,
    readonly input: RespondToChallengeDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
