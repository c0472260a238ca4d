import { CaseState } from '../../../src/case/case-state';
import { foldCase } from '../../../src/case/evolve-case';
import { ChallengeCommand } from '../../../src/challenge/challenge-commands';
import { ChallengeState } from '../../../src/challenge/challenge-state';
import { decideChallenge } from '../../../src/challenge/decide-challenge';
import { foldChallenge } from '../../../src/challenge/evolve-challenge';
import { challengeStream, childStream } from '../../../src/events/streams';
import { StreamCommand } from '../../../libs/nest/commands/stream-command-runner';
import { StreamReader } from '../../../libs/nest/streams/stream-reader';

/**
 * A command on a challenge, run on the stream challenge-<challengeId>. Raising one also
 * reads the case of every child it names (they must be registered, and born by then).
 */
export function challengeStreamCommand(command: ChallengeCommand, reader: StreamReader): StreamCommand<ChallengeState> {
  return {
    stream: challengeStream(command.challengeId),
    fold: foldChallenge,
    decide: async (state, context) => {
      const children = command.type === 'raiseChallenge' ? await casesOf(command.childIds, reader) : undefined;
      return decideChallenge(command, state, { ...context, children });
    },
  };
}

async function casesOf(childIds: string[], reader: StreamReader): Promise<Record<string, CaseState>> {
  const cases: Record<string, CaseState> = {};
  for (const childId of new Set(childIds)) cases[childId] = (await reader.load(childStream(childId), foldCase)).state;
  return cases;
}
