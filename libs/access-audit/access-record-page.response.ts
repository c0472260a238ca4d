import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../src/events/codes';

/** One read of a record, as GET /audit/access answers it (AccessRecordView). */
export class AccessRecordResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) accessedAt!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ description: 'the kind of record read (a child\'s case, history, oversight, a challenge, a figure trace)' }) what!: string;
  @ApiProperty({ description: 'the route pattern read, e.g. /children/:childId' }) route!: string;
  @ApiProperty({ description: 'the id read (bounded; an id that is not well formed is marked invalid)' }) recordId!: string;
  @ApiProperty({ type: [String], description: 'the children the record names' }) childIds!: string[];
  @ApiProperty({ enum: ['granted', 'denied'] }) outcome!: string;
  @ApiProperty() correlationId!: string;
}

export class AccessRecordPageResponse {
  @ApiProperty({ description: 'the range read: a date or an instant' }) from!: string;
  @ApiProperty({ description: 'the range read: a date or an instant' }) to!: string;
  @ApiProperty({ type: [AccessRecordResponse] }) items!: AccessRecordResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last page' }) nextCursor!: string | null;
}
