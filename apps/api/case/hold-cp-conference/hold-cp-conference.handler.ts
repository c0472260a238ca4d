import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generatedId } from '../../shared/generated-id';
import { StreamCommandRunner } from '../../../../libs/nest/commands/stream-command-runner';
import { accepted, appendedEvent } from '../../shared/appended-event';
import { caseStreamCommand } from '../case-stream-command';
import { HoldCPConference } from './hold-cp-conference.command';
import { CPConferenceHeldResponse } from './hold-cp-conference.response';

@CommandHandler(HoldCPConference)
export class HoldCPConferenceHandler implements ICommandHandler<HoldCPConference> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ childId, input, origin }: HoldCPConference): Promise<CPConferenceHeldResponse> {
    const { type, ...rest } = input;
    const conferenceId = input.conferenceId ?? generatedId('conference', origin);
    const outcome = await this.runner.run(
      caseStreamCommand({ type: 'holdCPConference', childId, ...rest, conferenceType: type, conferenceId }),
      origin,
    );
    const conference = appendedEvent(outcome, 'CPConferenceHeld');
    return {
      ...accepted(childId, outcome),
      conferenceId,
      planId: conference.planId ?? null,
      dueBy: conference.dueBy,
      heldInTime: conference.heldInTime,
      nextReviewConferenceDueBy: conference.nextReviewConferenceDueBy ?? null,
    };
  }
}
