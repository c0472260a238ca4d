import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { RaiseChallengeDto } from './raise-challenge.dto';
import { ChallengeRaisedResponse } from './raise-challenge.response';

export class RaiseChallenge extends Command<ChallengeRaisedResponse> {
  constructor(
    readonly input: RaiseChallengeDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
