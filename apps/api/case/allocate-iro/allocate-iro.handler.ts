import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { accepted } from '../../shared/appended-event';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { caseStreamCommand } from '../case-stream-command';
import { AllocateIro } from './allocate-iro.command';

@CommandHandler(AllocateIro)
export class AllocateIroHandler implements ICommandHandler<AllocateIro> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: AllocateIro): Promise<CommandAcceptedResponse> {
    const outcome = await this.runner.run(caseStreamCommand({ type: 'allocateIro', childId, ...input }), origin);
    return accepted(childId, outcome);
  }
}
