import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { ChallengeIdParams } from '../challenge-id.params';
import { RespondToChallenge } from './respond-to-challenge.command';
import { RespondToChallengeDto } from './respond-to-challenge.dto';
import { ChallengeRespondedResponse } from './respond-to-challenge.response';

@ApiTags('challenges')
@Controller('challenges/:id/responses')
export class RespondToChallengeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Record the response to the challenge at its current stage (ChallengeResponded)',
    description: 'A response does not close the challenge: resolve it, or escalate it when the response does not settle the issue.',
    response: ChallengeRespondedResponse,
    rules: ['before-last-step', 'challenge-resolved', 'date-in-future'],
  })
  respondToChallenge(@Param() { id }: ChallengeIdParams, @Body() input: RespondToChallengeDto, @Origin() origin: CommandOrigin): Promise<ChallengeRespondedResponse> {
    return this.commands.execute(new RespondToChallenge(id, input, origin));
  }
}
