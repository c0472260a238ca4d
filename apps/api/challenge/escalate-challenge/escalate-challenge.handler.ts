import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { StreamReader } from '../../../../libs/nest/streams/stream-reader';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { challengeStreamCommand } from '../challenge-stream-command';
import { EscalateChallenge } from './escalate-challenge.command';
import { ChallengeEscalatedResponse } from './escalate-challenge.response';

@CommandHandler(EscalateChallenge)
export class EscalateChallengeHandler implements ICommandHandler<EscalateChallenge> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly reader: StreamReader,
  ) {}

  async execute({ challengeId, input, origin }: EscalateChallenge): Promise<ChallengeEscalatedResponse> {
    const outcome = await this.runner.run(
      challengeStreamCommand({ type: 'escalateChallenge', challengeId, ...input }, this.reader),
      origin,
    );
    const escalated = appendedEvent(outcome, 'ChallengeEscalated');
    return {
      ...accepted(challengeId, outcome),
      fromStage: escalated.fromStage,
      stage: escalated.toStage,
      responseDueBy: escalated.responseDueBy,
    };
  }
}
