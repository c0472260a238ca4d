import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { ChildIdParams } from '../child-id.params';
import { EndCPPlan } from './end-cp-plan.command';
import { EndCPPlanDto } from './end-cp-plan.dto';
import { CPPlanEndedResponse } from './end-cp-plan.response';

@ApiTags('children')
@Controller('children/:childId/cp-plan-endings')
export class EndCPPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'End the open child protection plan without a review conference here, e.g. transferred out (ChildProtectionPlanEnded)',
    description:
      'A plan ended at a review conference here is recorded with POST /children/{childId}/cp-conferences (outcome plan-ended) instead.',
    response: CPPlanEndedResponse,
    rules: ['no-open-plan', 'plan-end-on-start-day', 'plan-end-before-last-conference', 'date-in-future', 'before-birth'],
  })
  endCPPlan(
    @Param() { childId }: ChildIdParams,
    @Body() input: EndCPPlanDto,
    @Origin() origin: CommandOrigin,
  ): Promise<CPPlanEndedResponse> {
    return this.commands.execute(new EndCPPlan(childId, input, origin));
  }
}
