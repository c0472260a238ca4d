import { ApiProperty } from '@nestjs/swagger';
import { StoredOversightEvent } from '../../../src/events/envelope';

export class HistoryEventResponse {
  @ApiProperty({ description: 'the event id' }) id!: string;
  @ApiProperty({ example: 'ReviewHeld' }) type!: string;
  @ApiProperty({ format: 'date', description: 'when it happened in the world' }) effectiveDate!: string;
  @ApiProperty({ format: 'date-time', description: 'when the store recorded it' }) recordedAt!: string;
  @ApiProperty({ description: '0-based position in its stream' }) revision!: number;
  @ApiProperty({ description: 'global position across all streams' }) position!: number;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'correlationId, causationId, actor { userId, role }, idempotencyKey, source',
  })
  metadata!: Record<string, unknown>;
}

export class StreamHistoryResponse {
  @ApiProperty({ type: [HistoryEventResponse], description: 'in stream order; voided records stay, followed by their RecordVoided' })
  events!: HistoryEventResponse[];
}

export function streamHistory(events: StoredOversightEvent[]): StreamHistoryResponse {
  return {
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      effectiveDate: event.data.effectiveDate,
      recordedAt: event.recordedAt,
      revision: event.revision,
      position: event.position,
      schemaVersion: event.schemaVersion,
      data: event.data as unknown as Record<string, unknown>,
      metadata: event.metadata,
    })),
  };
}
