import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { RecordVoidedResponse } from '../../shared/record-voided.response';
import { caseStreamCommand } from '../case-stream-command';
import { VoidChildRecord } from './void-child-record.command';

@CommandHandler(VoidChildRecord)
export class VoidChildRecordHandler implements ICommandHandler<VoidChildRecord> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: VoidChildRecord): Promise<RecordVoidedResponse> {
    const voidedOn = this.runner.decisionContext().today;
    const outcome = await this.runner.run(caseStreamCommand({ type: 'voidRecord', childId, ...input, voidedOn }), origin);
    const voided = appendedEvent(outcome, 'RecordVoided');
    return { ...accepted(childId, outcome), voidedEventId: voided.eventId, voidedType: voided.voidedType };
  }
}
