import { ApiProperty } from '@nestjs/swagger';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';

export class CareStartedResponse extends CommandAcceptedResponse {
  @ApiProperty({ example: 'C1001:2020-01-06', description: 'the period of care: <childId>:<startDate>' })
  periodId!: string;

  @ApiProperty({ format: 'date', example: '2020-02-03', description: 'the first looked-after review is due within 20 working days' })
  firstReviewDueBy!: string;
}
