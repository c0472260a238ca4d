import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { StreamReader } from '../../../../libs/nest/streams/stream-reader';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { challengeStreamCommand } from '../challenge-stream-command';
import { ResolveChallenge } from './resolve-challenge.command';
import { ChallengeResolvedResponse } from './resolve-challenge.response';

@CommandHandler(ResolveChallenge)
export class ResolveChallengeHandler implements ICommandHandler<ResolveChallenge> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly reader: StreamReader,
  ) {}

  async execute({ challengeId, input, origin }: ResolveChallenge): Promise<ChallengeResolvedResponse> {
    const { recoveryPlan, ...rest } = input;
    const outcome = await this.runner.run(
      challengeStreamCommand(
        {
          type: 'resolveChallenge',
          challengeId,
          ...rest,
          ...(recoveryPlan && { recoveryPlan: { actions: recoveryPlan.actions.map(({ action, dueBy }) => ({ action, dueBy })) } }),
        },
        this.reader,
      ),
      origin,
    );
    const resolved = appendedEvent(outcome, 'ChallengeResolved');
    return { ...accepted(challengeId, outcome), stage: resolved.stage, outcome: resolved.outcome };
  }
}
