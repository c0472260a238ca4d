import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { ChildIdParams } from '../child-id.params';
import { ChangePlacement } from './change-placement.command';
import { ChangePlacementDto } from './change-placement.dto';

@ApiTags('children')
@Controller('children/:childId/placements')
export class ChangePlacementController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Record a change of placement (PlacementChanged)',
    response: CommandAcceptedResponse,
    rules: ['not-in-care', 'date-in-future', 'before-birth'],
  })
  changePlacement(
    @Param() { childId }: ChildIdParams,
    @Body() input: ChangePlacementDto,
    @Origin() origin: CommandOrigin,
  ): Promise<CommandAcceptedResponse> {
    return this.commands.execute(new ChangePlacement(childId, input, origin));
  }
}
