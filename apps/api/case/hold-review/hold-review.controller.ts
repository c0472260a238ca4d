import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOrigin, Origin } from '../../../../libs/nest/commands/command-origin';
import { CommandEndpoint } from '../../../../libs/nest/http/command-endpoint.decorator';
import { ChildIdParams } from '../child-id.params';
import { HoldReview } from './hold-review.command';
import { HoldReviewDto } from './hold-review.dto';
import { ReviewHeldResponse } from './hold-review.response';

@ApiTags('children')
@Controller('children/:childId/reviews')
export class HoldReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    summary: 'Record a looked-after review the IRO chaired (ReviewHeld)',
    description: 'Measured against its due date: 20 working days after care starts, 3 months after the first review, then 6 months.',
    response: ReviewHeldResponse,
    rules: ['not-in-care', 'review-before-last-review', 'participation-age', 'date-in-future', 'before-birth'],
  })
  holdReview(@Param() { childId }: ChildIdParams, @Body() input: HoldReviewDto, @Origin() origin: CommandOrigin): Promise<ReviewHeldResponse> {
    return this.commands.execute(new HoldReview(childId, input, origin));
  }
}
