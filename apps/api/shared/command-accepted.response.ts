import { ApiProperty } from '@nestjs/swagger';

/** What every command answers with (201), before what it computed. */
export class CommandAcceptedResponse {
  @ApiProperty({ description: 'the child (childId) or challenge (challengeId) the command recorded against', example: 'C1001' })
  id!: string;

  @ApiProperty({ description: "the stream's revision after this command; send it as If-Match to base the next change on it", example: 3 })
  revision!: number;

  @ApiProperty({ type: [String], description: 'ids of the events recorded, in order (to void one later)' })
  eventIds!: string[];
}
