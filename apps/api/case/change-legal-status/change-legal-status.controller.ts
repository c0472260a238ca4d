import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { ChildIdParams } from '../child-id.params';
import { ChangeLegalStatus } from './change-legal-status.command';
import { ChangeLegalStatusDto } from './change-legal-status.dto';

@ApiTags('children')
@Controller('children/:childId/legal-statuses')
export class ChangeLegalStatusController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Record a change of legal status (LegalStatusChanged)',
    response: CommandAcceptedResponse,
    rules: ['not-in-care', 'date-in-future', 'before-birth'],
  })
  changeLegalStatus(
    @Param() { childId }: ChildIdParams,
    @Body() input: ChangeLegalStatusDto,
    @Origin() origin: CommandOrigin,
  ): Promise<CommandAcceptedResponse> {
    return this.commands.execute(new ChangeLegalStatus(childId, input, origin));
  }
}
