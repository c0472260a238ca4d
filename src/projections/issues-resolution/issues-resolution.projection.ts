import { StoredOversightEvent } from '../../events/envelope';
import { Projection, ProjectionContext, ProjectionDocument, ProjectionDocuments } from '../projection';
import { challengeFactsAfter, challengeIdOf, ChallengeFact } from './challenge-facts';
import { challengeHistory, raisingOf } from './challenge-history';
import { challengeDocument, CHALLENGES } from './challenge-document';

/** The `challenge-records` collection: each challenge's non-voided steps, from which its document is derived. */
export const CHALLENGE_RECORDS = 'challenge-records';

interface ChallengeRecord {
  _id: string;
  facts: ChallengeFact[];
}

const asDocument = (document: object) => document as ProjectionDocument;

/**
 * Issues Resolution stage analysis: one document per challenge in `challenges`, with its
 * stage history, deadlines met and working days, kept current as steps arrive and
 * re-derived from the remaining steps when one is voided. It folds the challenges'
 * records only: whether the children a challenge names were looked after or on a plan
 * when it was raised is read by the queries from the drift-and-delay read model, which
 * keeps the children's records (see children-at-raising.ts).
 */
export const issuesResolutionProjection: Projection = {
  name: 'issues-resolution',
  // raise with any change to what the read model stores: the projector then rebuilds it at start
  version: 3,
  collections: [CHALLENGES, CHALLENGE_RECORDS],
  // version 2 kept a copy of every child's care and plan records
  retiredCollections: ['challenge-children'],
  indexes: {
    [CHALLENGES]: [
      { keys: { raisedOn: -1, _id: -1 } },
      { keys: { status: 1, raisedOn: -1 } },
      { keys: { stage: 1, raisedOn: -1 } },
      { keys: { childIds: 1 } },
      { keys: { raisedBy: 1, raisedOn: -1 } },
      { keys: { category: 1, raisedOn: -1 } },
      { keys: { 'overdueIntervals.from': 1 } },
    ],
  },
  apply(event: StoredOversightEvent, documents: ProjectionDocuments, context: ProjectionContext): void {
    const challengeId = challengeIdOf(event);
    if (challengeId !== undefined) applyToChallenge(challengeId, event, documents, context);
  },
  /**
   * a replay keeps the steps, and only marks which challenges count (a bare `{ _id }` in
   * `challenges`): each challenge's document is derived once, at the end
   */
  replay: {
    apply(event: StoredOversightEvent, documents: ProjectionDocuments): void {
      const challengeId = challengeIdOf(event);
      if (challengeId !== undefined) replayChallenge(challengeId, event, documents);
    },
    // a child's records change nothing here
    childCollections: [],
    complete(collection: string, document: ProjectionDocument, documents: Pick<ProjectionDocuments, 'get'>, context: ProjectionContext) {
      if (collection !== CHALLENGES) return document;
      const record = documents.get<ChallengeRecord & ProjectionDocument>(CHALLENGE_RECORDS, document._id);
      const history = record && challengeHistory(document._id, record.facts, context.config);
      return history ? asDocument(challengeDocument(history)) : undefined;
    },
  },
};

function applyToChallenge(
  challengeId: string,
  event: StoredOversightEvent,
  documents: ProjectionDocuments,
  context: ProjectionContext,
): void {
  const record = documents.get<ChallengeRecord & ProjectionDocument>(CHALLENGE_RECORDS, challengeId) ?? { _id: challengeId, facts: [] };
  const facts = challengeFactsAfter(record.facts, event);
  if (facts === record.facts) return;
  documents.put(CHALLENGE_RECORDS, asDocument({ _id: challengeId, facts }));
  const history = challengeHistory(challengeId, facts, context.config);
  if (history) documents.put(CHALLENGES, asDocument(challengeDocument(history)));
  else if (documents.get(CHALLENGES, challengeId)) documents.remove(CHALLENGES, challengeId);
}

/** As applyToChallenge, with the challenge's document left to ProjectionReplay.complete. */
function replayChallenge(challengeId: string, event: StoredOversightEvent, documents: ProjectionDocuments): void {
  const record = documents.get<ChallengeRecord & ProjectionDocument>(CHALLENGE_RECORDS, challengeId) ?? { _id: challengeId, facts: [] };
  const facts = challengeFactsAfter(record.facts, event);
  if (facts === record.facts) return;
  documents.put(CHALLENGE_RECORDS, asDocument({ _id: challengeId, facts }));
  if (raisingOf(facts)) documents.put(CHALLENGES, { _id: challengeId });
  else if (documents.get(CHALLENGES, challengeId)) documents.remove(CHALLENGES, challengeId);
}
