import { ApiProperty } from '@nestjs/swagger';
import { CommandAcceptedResponse } from '../../shared/command-accepted.response';

export class ReviewHeldResponse extends CommandAcceptedResponse {
  @ApiProperty() reviewId!: string;
  @ApiProperty({ description: 'the period of care the review belongs to' }) periodId!: string;
  @ApiProperty({ description: '1 for the first review of the period of care, 2 for the second, ...' }) sequence!: number;
  @ApiProperty({ format: 'date', description: 'the due date the review was measured against' }) dueBy!: string;
  @ApiProperty({ description: 'held on or before dueBy' }) heldInTime!: boolean;
  @ApiProperty({ format: 'date', description: '3 months after the first review, then 6 months after each' }) nextReviewDueBy!: string;
}
