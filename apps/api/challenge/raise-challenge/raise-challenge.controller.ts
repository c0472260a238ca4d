import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { RaiseChallenge } from './raise-challenge.command';
import { RaiseChallengeDto } from './raise-challenge.dto';
import { ChallengeRaisedResponse } from './raise-challenge.response';

@ApiTags('challenges')
@Controller('challenges')
export class RaiseChallengeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: "Raise a challenge about a child's plan, at stage 1 of the Issues Resolution Process (ChallengeRaised)",
    description: 'Every child named must be registered (404 child-not-registered otherwise).',
    response: ChallengeRaisedResponse,
    rules: ['challenge-already-raised', 'date-in-future', 'before-birth'],
  })
  raiseChallenge(@Body() input: RaiseChallengeDto, @Origin() origin: CommandOrigin): Promise<ChallengeRaisedResponse> {
    return this.commands.execute(new RaiseChallenge(input, origin));
  }
}
