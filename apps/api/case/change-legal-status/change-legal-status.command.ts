import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { ChangeLegalStatusDto } from './change-legal-status.dto';

export class ChangeLegalStatus extends Command<CommandAcceptedResponse> {
  constructor(
    readonly childId: string,
    readonly input: ChangeLegalStatusDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
