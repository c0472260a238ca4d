import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { RegisterChildDto } from './register-child.dto';

export class RegisterChild extends Command<CommandAcceptedResponse> {
  constructor(
    readonly input: RegisterChildDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
