import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { accepted } from '../../shared/appended-event';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { caseStreamCommand } from '../case-stream-command';
import { ChangePlacement } from './change-placement.command';

@CommandHandler(ChangePlacement)
export class ChangePlacementHandler implements ICommandHandler<ChangePlacement> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: ChangePlacement): Promise<CommandAcceptedResponse> {
    const outcome = await this.runner.run(caseStreamCommand({ type: 'changePlacement', childId, ...input }), origin);
    return accepted(childId, outcome);
  }
}
