import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { accepted } from '../../shared/appended-event';
import { caseStreamCommand } from '../case-stream-command';
import { RegisterChild } from './register-child.command';

@CommandHandler(RegisterChild)
export class RegisterChildHandler implements ICommandHandler<RegisterChild> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ input, origin }: RegisterChild): Promise<CommandAcceptedResponse> {
    const outcome = await this.runner.run(caseStreamCommand({ type: 'registerChild', ...input }), origin);
    return accepted(input.childId, outcome);
  }
}
