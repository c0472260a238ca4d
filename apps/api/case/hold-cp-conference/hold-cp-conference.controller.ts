import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { ChildIdParams } from '../child-id.params';
import { HoldCPConference } from './hold-cp-conference.command';
import { HoldCPConferenceDto } from './hold-cp-conference.dto';
import { CPConferenceHeldResponse } from './hold-cp-conference.response';

@ApiTags('children')
@Controller('children/:childId/cp-conferences')
export class HoldCPConferenceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Record a child protection conference the IRO chaired (CPConferenceHeld)',
    description:
      'An initial conference (which may start a plan) is measured against 15 working days from the strategy discussion; ' +
      'review conferences against 3 months from the initial one, then 6 months.',
    response: CPConferenceHeldResponse,
    rules: [
      'no-open-plan', 'plan-already-open', 'strategy-discussion-after-conference', 'conference-before-last-conference',
      'plan-start-before-last-plan-end', 'date-in-future', 'before-birth',
    ],
  })
  holdCPConference(
    @Param() { childId }: ChildIdParams,
    @Body() input: HoldCPConferenceDto,
    @Origin() origin: CommandOrigin,
  ): Promise<CPConferenceHeldResponse> {
    return this.commands.execute(new HoldCPConference(childId, input, origin));
  }
}
