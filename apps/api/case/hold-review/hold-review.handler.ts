import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generatedId } from '../../shared/generated-id';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { caseStreamCommand } from '../case-stream-command';
import { HoldReview } from './hold-review.command';
import { ReviewHeldResponse } from './hold-review.response';

@CommandHandler(HoldReview)
export class HoldReviewHandler implements ICommandHandler<HoldReview> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: HoldReview): Promise<ReviewHeldResponse> {
    const reviewId = input.reviewId ?? generatedId('review', origin);
    const outcome = await this.runner.run(caseStreamCommand({ type: 'holdReview', childId, ...input, reviewId }), origin);
    const review = appendedEvent(outcome, 'ReviewHeld');
    return {
      ...accepted(childId, outcome),
      reviewId,
      periodId: review.periodId,
      sequence: review.sequence,
      dueBy: review.dueBy,
      heldInTime: review.heldInTime,
      nextReviewDueBy: review.nextReviewDueBy,
    };
  }
}
