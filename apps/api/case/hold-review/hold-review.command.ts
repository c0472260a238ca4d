import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { HoldReviewDto } from './hold-review.dto';
import { ReviewHeldResponse } from './hold-review.response';

export class HoldReview extends Command<ReviewHeldResponse> {
  constructor(
    readonly childId: string,
    readonly input: HoldReviewDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
