import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generatedId } from '../../shared/generated-id';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { StreamReader } from '../../../../libs/nest/streams/stream-reader';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { challengeStreamCommand } from '../challenge-stream-command';
import { RaiseChallenge } from './raise-challenge.command';
import { ChallengeRaisedResponse } from './raise-challenge.response';

@CommandHandler(RaiseChallenge)
export class RaiseChallengeHandler implements ICommandHandler<RaiseChallenge> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly reader: StreamReader,
  ) {}

  async execute({ input, origin }: RaiseChallenge): Promise<ChallengeRaisedResponse> {
    const challengeId = input.challengeId ?? generatedId('challenge', origin);
    const outcome = await this.runner.run(
      challengeStreamCommand({ type: 'raiseChallenge', ...input, challengeId }, this.reader),
      origin,
    );
    const raised = appendedEvent(outcome, 'ChallengeRaised');
    return { ...accepted(challengeId, outcome), stage: raised.stage, responseDueBy: raised.responseDueBy };
  }
}
