import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { caseStreamCommand } from '../case-stream-command';
import { EndCPPlan } from './end-cp-plan.command';
import { CPPlanEndedResponse } from './end-cp-plan.response';

@CommandHandler(EndCPPlan)
export class EndCPPlanHandler implements ICommandHandler<EndCPPlan> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: EndCPPlan): Promise<CPPlanEndedResponse> {
    const outcome = await this.runner.run(caseStreamCommand({ type: 'endChildProtectionPlan', childId, ...input }), origin);
    const { planId } = appendedEvent(outcome, 'ChildProtectionPlanEnded');
    return { ...accepted(childId, outcome), planId };
  }
}
