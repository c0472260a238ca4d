import { StoredOversightEvent } from '../../events/envelope';
import { Projection, ProjectionContext, ProjectionDocument, ProjectionDocuments } from '../projection';
import { childFactsAfter, childIdOf } from '../drift-and-delay/child-facts';
import { challengeFactsAfter, challengeIdOf, ChallengeFact } from './challenge-facts';
import { challengeHistory } from './challenge-history';
import { ChallengeDocument, challengeDocument, CHALLENGES } from './challenge-document';
import { CHALLENGE_CHILDREN, ChallengeChildDocument, childOn, emptyChallengeChild, keptForChallenges } from './challenge-children';

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
 * re-derived from the remaining steps when one is voided.
 */
export const issuesResolutionProjection: Projection = {
  name: 'issues-resolution',
  collections: [CHALLENGES, CHALLENGE_RECORDS, CHALLENGE_CHILDREN],
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
    const childId = childIdOf(event);
    if (childId !== undefined) return applyToChild(childId, event, documents);
    const challengeId = challengeIdOf(event);
    if (challengeId !== undefined) applyToChallenge(challengeId, event, documents, context);
  },
};

function applyToChild(childId: string, event: StoredOversightEvent, documents: ProjectionDocuments): void {
  const child = documents.get<ChallengeChildDocument & ProjectionDocument>(CHALLENGE_CHILDREN, childId) ?? emptyChallengeChild(childId);
  const facts = childFactsAfter(child.facts, event, keptForChallenges);
  if (facts === child.facts) return;
  documents.put(CHALLENGE_CHILDREN, asDocument({ _id: child._id, facts, challengeIds: child.challengeIds }));
  for (const challengeId of child.challengeIds) {
    const challenge = documents.get<ChallengeDocument & ProjectionDocument>(CHALLENGES, challengeId);
    if (challenge) documents.put(CHALLENGES, asDocument(withChildrenAtRaising(challenge, documents)));
  }
}

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
  const before = documents.get<ChallengeDocument & ProjectionDocument>(CHALLENGES, challengeId);
  const history = challengeHistory(challengeId, facts, context.config);
  const childIdsBefore = before?.childIds ?? [];
  const childIdsNow = history?.childIds ?? [];
  for (const childId of childIdsBefore.filter((id) => !childIdsNow.includes(id))) {
    linkChild(childId, challengeId, false, documents);
  }
  for (const childId of childIdsNow.filter((id) => !childIdsBefore.includes(id))) {
    linkChild(childId, challengeId, true, documents);
  }
  if (!history) {
    if (before) documents.remove(CHALLENGES, challengeId);
    return;
  }
  documents.put(CHALLENGES, asDocument(withChildrenAtRaising(challengeDocument(history, { lookedAfter: false, protection: false }), documents)));
}

function linkChild(childId: string, challengeId: string, named: boolean, documents: ProjectionDocuments): void {
  const child = documents.get<ChallengeChildDocument & ProjectionDocument>(CHALLENGE_CHILDREN, childId) ?? emptyChallengeChild(childId);
  const challengeIds = child.challengeIds.filter((id) => id !== challengeId);
  if (named) challengeIds.push(challengeId);
  documents.put(CHALLENGE_CHILDREN, asDocument({ _id: child._id, facts: child.facts, challengeIds }));
}

function withChildrenAtRaising(challenge: ChallengeDocument, documents: ProjectionDocuments): ChallengeDocument {
  const children = challenge.childIds.map((id) =>
    childOn(documents.get<ChallengeChildDocument & ProjectionDocument>(CHALLENGE_CHILDREN, id), challenge.raisedOn),
  );
  return {
    ...challenge,
    lookedAfterAtRaising: children.some((child) => child.lookedAfter),
    protectionAtRaising: children.some((child) => child.protection),
  };
}
