import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { caseStreamCommand } from '../case-stream-command';
import { StartCare } from './start-care.command';
import { CareStartedResponse } from './start-care.response';

@CommandHandler(StartCare)
export class StartCareHandler implements ICommandHandler<StartCare> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: StartCare): Promise<CareStartedResponse> {
    const outcome = await this.runner.run(caseStreamCommand({ type: 'startCare', childId, ...input }), origin);
    const { periodId, firstReviewDueBy } = appendedEvent(outcome, 'CareStarted');
    return { ...accepted(childId, outcome), periodId, firstReviewDueBy };
  }
}
