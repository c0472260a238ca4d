import { decideCase } from '../case/decide-case';
import { foldCase } from '../case/evolve-case';
import { decideChallenge } from '../challenge/decide-challenge';
import { ChallengeDecisionContext } from '../challenge/challenge-decision-context';
import { foldChallenge } from '../challenge/evolve-challenge';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../config/local-authority-config';
import { specFor } from './given-when-then';
import { SPEC_TODAY } from './oversight-history';

/** given(child's history).when(command).then(events) | thenRejects(rule), today = SPEC_TODAY. */
export const caseSpec = specFor(
  { fold: foldCase, decide: decideCase },
  { today: SPEC_TODAY, config: DEFAULT_LOCAL_AUTHORITY_CONFIG },
);

/** The same for a challenge; `children` (the named children's cases) is passed per spec with when(command, { children }). */
export const challengeSpec = specFor<Parameters<typeof decideChallenge>[0], ReturnType<typeof foldChallenge>, ChallengeDecisionContext>(
  { fold: foldChallenge, decide: decideChallenge },
  { today: SPEC_TODAY, config: DEFAULT_LOCAL_AUTHORITY_CONFIG },
);
