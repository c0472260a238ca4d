import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { EscalateChallengeDto } from './escalate-challenge.dto';
import { ChallengeEscalatedResponse } from './escalate-challenge.response';

export class EscalateChallenge extends Command<ChallengeEscalatedResponse> {
  constructor(
    readonly challengeId: string,
    readonly input: EscalateChallengeDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
