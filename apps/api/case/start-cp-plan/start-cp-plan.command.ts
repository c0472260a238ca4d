import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { StartCPPlanDto } from './start-cp-plan.dto';
import { CPPlanStartedResponse } from './start-cp-plan.response';

export class StartCPPlan extends Command<CPPlanStartedResponse> {
  constructor(
    readonly childId: string,
    readonly input: StartCPPlanDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
