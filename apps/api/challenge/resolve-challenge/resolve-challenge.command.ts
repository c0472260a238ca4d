import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { ResolveChallengeDto } from './resolve-challenge.dto';
import { ChallengeResolvedResponse } from './resolve-challenge.response';

export class ResolveChallenge extends Command<ChallengeResolvedResponse> {
  constructor(
    readonly challengeId: string,
    readonly input: ResolveChallengeDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
