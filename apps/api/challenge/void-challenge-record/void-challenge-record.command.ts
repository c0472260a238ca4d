import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { VoidRecordDto } from '../../shared/void-record.dto';
import { RecordVoidedResponse } from '../../shared/record-voided.response';

export class VoidChallengeRecord extends Command<RecordVoidedResponse> {
  constructor(
    readonly challengeId: string,
    readonly input: VoidRecordDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
