import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { VoidRecordDto } from '../../shared/void-record.dto';
import { RecordVoidedResponse } from '../../shared/record-voided.response';

export class VoidChildRecord extends Command<RecordVoidedResponse> {
  constructor(
    readonly childId: string,
    readonly input: VoidRecordDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
