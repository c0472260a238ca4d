import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { ChallengeIdParams } from '../challenge-id.params';
import { EscalateChallenge } from './escalate-challenge.command';
import { EscalateChallengeDto } from './escalate-challenge.dto';
import { ChallengeEscalatedResponse } from './escalate-challenge.response';

@ApiTags('challenges')
@Controller('challenges/:id/escalations')
export class EscalateChallengeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Escalate the challenge to a higher stage, or refer it to Cafcass (ChallengeEscalated)',
    description: 'Stages may be bypassed (IRO Handbook 6.2); Cafcass may be reached from any stage. The new stage gets its response deadline.',
    response: ChallengeEscalatedResponse,
    rules: ['escalation-not-forward', 'before-last-step', 'challenge-resolved', 'date-in-future'],
  })
  escalateChallenge(@Param() { id }: ChallengeIdParams, @Body() input: EscalateChallengeDto, @Origin() origin: CommandOrigin): Promise<ChallengeEscalatedResponse> {
    return this.commands.execute(new EscalateChallenge(id, input, origin));
  }
}
