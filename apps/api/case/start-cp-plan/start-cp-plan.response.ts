import { ApiProperty } from '@nestjs/swagger';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';

export class CPPlanStartedResponse extends CommandAcceptedResponse {
  @ApiProperty({ example: 'C1001:2020-01-06', description: 'the plan started: `<childId>:<startDate>`' })
  planId!: string;
  @ApiProperty({ format: 'date', description: 'the first review conference: 3 months after the start of the plan' })
  nextReviewConferenceDueBy!: string;
}
