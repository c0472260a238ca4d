import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { ChildIdParams } from '../child-id.params';
import { StartCare } from './start-care.command';
import { StartCareDto } from './start-care.dto';
import { CareStartedResponse } from './start-care.response';

@ApiTags('children')
@Controller('children/:childId/care-periods')
export class StartCareController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Start a period of care with its first placement (CareStarted)',
    response: CareStartedResponse,
    rules: ['already-in-care', 'care-start-before-last-care-end', 'date-in-future', 'before-birth'],
  })
  startCare(@Param() { childId }: ChildIdParams, @Body() input: StartCareDto, @Origin() origin: CommandOrigin): Promise<CareStartedResponse> {
    return this.commands.execute(new StartCare(childId, input, origin));
  }
}
