import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { StreamReader } from '../../../../libs/nest/streams/stream-reader';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { challengeStreamCommand } from '../challenge-stream-command';
import { RespondToChallenge } from './respond-to-challenge.command';
import { ChallengeRespondedResponse } from './respond-to-challenge.response';

@CommandHandler(RespondToChallenge)
export class RespondToChallengeHandler implements ICommandHandler<RespondToChallenge> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly reader: StreamReader,
  ) {}

  async execute({ challengeId, input, origin }: RespondToChallenge): Promise<ChallengeRespondedResponse> {
    const outcome = await this.runner.run(
      challengeStreamCommand({ type: 'respondToChallenge', challengeId, ...input }, this.reader),
      origin,
    );
    return { ...accepted(challengeId, outcome), stage: appendedEvent(outcome, 'ChallengeResponded').stage };
  }
}
