import { Command } from '@nestjs/cqrs';
import { CommandOrigin } from '../../../../libs/nest/commands/command-origin';
import { HoldCPConferenceDto } from './hold-cp-conference.dto';
import { CPConferenceHeldResponse } from './hold-cp-conference.response';

export class HoldCPConference extends Command<CPConferenceHeldResponse> {
  constructor(
    readonly childId: string,
    readonly input: HoldCPConferenceDto,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}
