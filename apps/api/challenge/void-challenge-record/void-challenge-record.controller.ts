import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { ChallengeIdParams } from '../challenge-id.params';
import { VoidChallengeRecord } from './void-challenge-record.command';
import { VoidRecordDto } from '../../shared/void-record.dto';
import { RecordVoidedResponse } from '../../shared/record-voided.response';

@ApiTags('challenges')
@Controller('challenges/:id/voids')
export class VoidChallengeRecordController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Void a record of the challenge entered wrongly (RecordVoided)',
    description: 'The record stops counting anywhere; enter the right one anew.',
    response: RecordVoidedResponse,
    rules: ['void-unknown-event', 'void-already-voided', 'void-cannot-be-voided'],
  })
  voidRecord(@Param() { id }: ChallengeIdParams, @Body() input: VoidRecordDto, @Origin() origin: CommandOrigin): Promise<RecordVoidedResponse> {
    return this.commands.execute(new VoidChallengeRecord(id, input, origin));
  }
}
