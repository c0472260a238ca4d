import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { ChildIdParams } from '../child-id.params';
import { AllocateIro } from './allocate-iro.command';
import { AllocateIroDto } from './allocate-iro.dto';

@ApiTags('children')
@Controller('children/:childId/iro-allocations')
export class AllocateIroController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Allocate an IRO to the child (IroAllocated)',
    response: CommandAcceptedResponse,
    rules: ['date-in-future', 'before-birth'],
  })
  allocateIro(
    @Param() { childId }: ChildIdParams,
    @Body() input: AllocateIroDto,
    @Origin() origin: CommandOrigin,
  ): Promise<CommandAcceptedResponse> {
    return this.commands.execute(new AllocateIro(childId, input, origin));
  }
}
