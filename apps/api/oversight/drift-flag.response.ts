import { ApiProperty } from '@nestjs/swagger';
import { DRIFT_FLAGS } from '../../../src/projections/drift-and-delay/drift-flag';

export class FlagEvidenceResponse {
  @ApiProperty({ type: [String], description: 'the records the flag rests on' }) eventIds!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', format: 'date' }, example: { dueBy: '2020-01-02', countedFrom: '2019-12-02' } })
  dates!: Record<string, string>;
}

export class ClinicFlagResponse {
  @ApiProperty({ enum: DRIFT_FLAGS }) flag!: string;
  @ApiProperty({ format: 'date', description: 'the day it became true' }) since!: string;
  @ApiProperty({ description: 'in plain words', example: 'The looked-after review due by 2 January 2020 has not been held.' }) reason!: string;
}

export class DriftFlagResponse extends ClinicFlagResponse {
  @ApiProperty({ type: [FlagEvidenceResponse] }) evidence!: FlagEvidenceResponse[];
}
