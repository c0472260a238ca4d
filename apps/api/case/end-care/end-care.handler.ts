import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { accepted } from '../../shared/appended-event';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { caseStreamCommand } from '../case-stream-command';
import { EndCare } from './end-care.command';

@CommandHandler(EndCare)
export class EndCareHandler implements ICommandHandler<EndCare> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: EndCare): Promise<CommandAcceptedResponse> {
    const outcome = await this.runner.run(caseStreamCommand({ type: 'endCare', childId, ...input }), origin);
    return accepted(childId, outcome);
  }
}
