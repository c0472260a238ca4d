import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { ChildIdParams } from '../child-id.params';
import { EndCare } from './end-care.command';
import { EndCareDto } from './end-care.dto';

@ApiTags('children')
@Controller('children/:childId/care-endings')
export class EndCareController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'End the period of care (CareEnded)',
    response: CommandAcceptedResponse,
    rules: ['not-in-care', 'care-end-before-last-record', 'date-in-future', 'before-birth'],
  })
  endCare(
    @Param() { childId }: ChildIdParams,
    @Body() input: EndCareDto,
    @Origin() origin: CommandOrigin,
  ): Promise<CommandAcceptedResponse> {
    return this.commands.execute(new EndCare(childId, input, origin));
  }
}
