import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';

export class CPConferenceHeldResponse extends CommandAcceptedResponse {
  @ApiProperty() conferenceId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the plan this conference started, continued or ended' })
  planId!: string | null;
  @ApiProperty({ format: 'date', description: 'initial: 15 working days after the strategy discussion; review: 3 months, then 6 months' })
  dueBy!: string;
  @ApiProperty() heldInTime!: boolean;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'while a plan is open after this conference' })
  nextReviewConferenceDueBy!: string | null;
}
