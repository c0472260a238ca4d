import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { ChallengeIdParams } from '../challenge-id.params';
import { ResolveChallenge } from './resolve-challenge.command';
import { ResolveChallengeDto } from './resolve-challenge.dto';
import { ChallengeResolvedResponse } from './resolve-challenge.response';

@ApiTags('challenges')
@Controller('challenges/:id/resolutions')
export class ResolveChallengeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Resolve the challenge with an outcome, and a recovery plan when one is agreed (ChallengeResolved)',
    description: 'Closes the challenge: it takes no further steps.',
    response: ChallengeResolvedResponse,
    rules: ['before-last-step', 'challenge-resolved', 'recovery-plan-required', 'recovery-plan-not-allowed', 'date-in-future'],
  })
  resolveChallenge(@Param() { id }: ChallengeIdParams, @Body() input: ResolveChallengeDto, @Origin() origin: CommandOrigin): Promise<ChallengeResolvedResponse> {
    return this.commands.execute(new ResolveChallenge(id, input, origin));
  }
}
