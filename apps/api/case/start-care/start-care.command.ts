import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { StartCareDto } from './start-care.dto';
import { CareStartedResponse } from './start-care.response';

export class StartCare extends Command<CareStartedResponse> {
  constructor(
    readonly childId: string,
    readonly input: StartCareDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
