import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { StreamReader } from '../../../../libs/nest/streams/stream-reader';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { RecordVoidedResponse } from '../../shared/record-voided.response';
import { challengeStreamCommand } from '../challenge-stream-command';
import { VoidChallengeRecord } from './void-challenge-record.command';

@CommandHandler(VoidChallengeRecord)
export class VoidChallengeRecordHandler implements ICommandHandler<VoidChallengeRecord> {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly reader: StreamReader,
  ) {}

  async execute({ challengeId, input, origin }: VoidChallengeRecord): Promise<RecordVoidedResponse> {
    const voidedOn = this.reader.today();
    const outcome = await this.runner.run(
      challengeStreamCommand({ type: 'voidChallengeRecord', challengeId, ...input, voidedOn }, this.reader),
      origin,
    );
    const voided = appendedEvent(outcome, 'RecordVoided');
    return { ...accepted(challengeId, outcome), voidedEventId: voided.eventId, voidedType: voided.voidedType };
  }
}
