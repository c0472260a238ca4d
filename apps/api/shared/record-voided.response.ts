import { ApiProperty } from '@nestjs/swagger';
import { CommandAcceptedResponse } from './command-accepted.response';

export class RecordVoidedResponse extends CommandAcceptedResponse {
  @ApiProperty() voidedEventId!: string;
  @ApiProperty({ example: 'ReviewHeld', description: 'the type of the record voided' }) voidedType!: string;
}
