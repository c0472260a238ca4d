import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { AllocateIroDto } from './allocate-iro.dto';

export class AllocateIro extends Command<CommandAcceptedResponse> {
  constructor(
    readonly childId: string,
    readonly input: AllocateIroDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
