import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { accepted } from '../../shared/appended-event';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { caseStreamCommand } from '../case-stream-command';
import { ChangeLegalStatus } from './change-legal-status.command';

@CommandHandler(ChangeLegalStatus)
export class ChangeLegalStatusHandler implements ICommandHandler<ChangeLegalStatus> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: ChangeLegalStatus): Promise<CommandAcceptedResponse> {
    const outcome = await this.runner.run(caseStreamCommand({ type: 'changeLegalStatus', childId, ...input }), origin);
    return accepted(childId, outcome);
  }
}
