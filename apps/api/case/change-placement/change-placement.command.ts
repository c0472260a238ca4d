import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { ChangePlacementDto } from './change-placement.dto';

export class ChangePlacement extends Command<CommandAcceptedResponse> {
  constructor(
    readonly childId: string,
    readonly input: ChangePlacementDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
