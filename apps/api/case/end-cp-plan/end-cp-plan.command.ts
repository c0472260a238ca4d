import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { EndCPPlanDto } from './end-cp-plan.dto';
import { CPPlanEndedResponse } from './end-cp-plan.response';

export class EndCPPlan extends Command<CPPlanEndedResponse> {
  constructor(
    readonly childId: string,
    readonly input: EndCPPlanDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
