import { ApiProperty } from '@nestjs/swagger';
import { ClinicFlagResponse } from '../drift-flag.response';

export class ClinicCandidateResponse {
  @ApiProperty() childId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the IRO allocated on asAt' }) iroId!: string | null;
  @ApiProperty({ type: [ClinicFlagResponse], description: 'the flags asked for that are true on asAt' }) flags!: ClinicFlagResponse[];
}

export class ClinicCandidatesResponse {
  @ApiProperty({ type: [ClinicCandidateResponse], description: 'by number of flags, then the longest-standing flag (earliest since), then child id' })
  items!: ClinicCandidateResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last page' }) nextCursor!: string | null;
}
