import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { RecordVoidedResponse } from '../../shared/record-voided.response';
import { VoidRecordDto } from '../../shared/void-record.dto';
import { ChildIdParams } from '../child-id.params';
import { VoidChildRecord } from './void-child-record.command';

@ApiTags('children')
@Controller('children/:childId/voids')
export class VoidChildRecordController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Void a record of the child entered wrongly (RecordVoided)',
    description: 'The record stops counting anywhere (decisions, read models, reports); enter the right one anew.',
    response: RecordVoidedResponse,
    rules: ['void-unknown-event', 'void-already-voided', 'void-cannot-be-voided'],
  })
  voidRecord(@Param() { childId }: ChildIdParams, @Body() input: VoidRecordDto, @Origin() origin: CommandOrigin): Promise<RecordVoidedResponse> {
    return this.commands.execute(new VoidChildRecord(childId, input, origin));
  }
}
