import { CaseCommand } from '../../../src/case/case-commands';
import { CaseState } from '../../../src/case/case-state';
import { decideCase } from '../../../src/case/decide-case';
import { foldCase } from '../../../src/case/evolve-case';
import { childStream } from '../../../src/events/streams';
import { StreamCommand } from '../../../libs/nest/commands/stream-command-runner';

/** A command on a child's case, run on the stream child-<childId>. */
export function caseStreamCommand(command: CaseCommand): StreamCommand<CaseState> {
  return {
    stream: childStream(command.childId),
    fold: foldCase,
    decide: (state, context) => decideCase(command, state, context),
  };
}
