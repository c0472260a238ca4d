import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { firstReviewConferenceDueDate } from '../../../../src/timescales/child-protection-conferences';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { caseStreamCommand } from '../case-stream-command';
import { StartCPPlan } from './start-cp-plan.command';
import { CPPlanStartedResponse } from './start-cp-plan.response';

@CommandHandler(StartCPPlan)
export class StartCPPlanHandler implements ICommandHandler<StartCPPlan> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: StartCPPlan): Promise<CPPlanStartedResponse> {
    const outcome = await this.runner.run(caseStreamCommand({ type: 'startChildProtectionPlan', childId, ...input }), origin);
    const plan = appendedEvent(outcome, 'ChildProtectionPlanStarted');
    return {
      ...accepted(childId, outcome),
      planId: plan.planId,
      nextReviewConferenceDueBy: firstReviewConferenceDueDate(plan.startDate),
    };
  }
}
