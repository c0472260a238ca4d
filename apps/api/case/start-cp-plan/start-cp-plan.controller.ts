import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { ChildIdParams } from '../child-id.params';
import { StartCPPlan } from './start-cp-plan.command';
import { StartCPPlanDto } from './start-cp-plan.dto';
import { CPPlanStartedResponse } from './start-cp-plan.response';

@ApiTags('children')
@Controller('children/:childId/cp-plans')
export class StartCPPlanController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Record a child protection plan that starts without an initial conference here, e.g. transferred in (ChildProtectionPlanStarted)',
    description:
      "Dated from the plan's real start (for a transfer in, the day it started in the other authority): the plan's age " +
      '(cp-plan-over-15/18/24-months) and its first review conference, due 3 months after the start, count from it. ' +
      'A plan started at an initial conference here is recorded with POST /children/{childId}/cp-conferences instead.',
    response: CPPlanStartedResponse,
    rules: ['plan-already-open', 'plan-start-before-last-plan-end', 'date-in-future', 'before-birth'],
  })
  startCPPlan(
    @Param() { childId }: ChildIdParams,
    @Body() input: StartCPPlanDto,
    @Origin() origin: CommandOrigin,
  ): Promise<CPPlanStartedResponse> {
    return this.commands.execute(new StartCPPlan(childId, input, origin));
  }
}
