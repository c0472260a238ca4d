import { ApiProperty } from '@nestjs/swagger';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';

export class ChallengeRaisedResponse extends CommandAcceptedResponse {
  @ApiProperty({ enum: [1], description: 'a challenge starts at stage 1 (informal)' }) stage!: 1;
  @ApiProperty({ format: 'date', description: "stage 1's response deadline, in working days from the local authority's configuration" })
  responseDueBy!: string;
}
