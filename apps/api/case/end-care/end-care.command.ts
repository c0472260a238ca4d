import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { EndCareDto } from './end-care.dto';

export class EndCare extends Command<CommandAcceptedResponse> {
  constructor(
    readonly childId: string,
    readonly input: EndCareDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
