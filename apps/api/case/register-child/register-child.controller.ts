import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';
import { RegisterChild } from './register-child.command';
import { RegisterChildDto } from './register-child.dto';

@ApiTags('children')
@Controller('children')
export class RegisterChildController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Register a child (ChildRegistered)',
    description: 'With a date of birth, or with an expected date of birth for an unborn child.',
    response: CommandAcceptedResponse,
    rules: ['child-already-registered', 'date-in-future', 'exactly-one-birth-date'],
  })
  registerChild(@Body() input: RegisterChildDto, @Origin() origin: CommandOrigin): Promise<CommandAcceptedResponse> {
    return this.commands.execute(new RegisterChild(input, origin));
  }
}
