import { StoredOversightEvent } from '../../events/envelope';
import { Projection, ProjectionContext, ProjectionDocument, ProjectionDocuments } from '../projection';
import { changeChildFacts, childFactChangeInReplay, childFactsAfter, childIdOf } from '../drift-and-delay/child-facts';
import { challengeFactsAfter, challengeIdOf, ChallengeFact } from './challenge-facts';
import { challengeHistory, raisingOf } from './challenge-history';
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
  // raise with any change to what the read model stores: the projector then rebuilds it at start
  version: 2,
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
    if (childId !== undefined) return applyToChild(childId, event, documents, true);
    const challengeId = challengeIdOf(event);
    if (challengeId !== undefined) applyToChallenge(challengeId, event, documents, context);
  },
  /**
   * a replay keeps the steps and the children, and only marks which challenges count
   * (a bare `{ _id }` in `challenges`): each challenge's document is derived once, at the end
   */
  replay: {
    apply(event: StoredOversightEvent, documents: ProjectionDocuments): void {
      const childId = childIdOf(event);
      if (childId !== undefined) return applyToChild(childId, event, documents, false);
      const challengeId = challengeIdOf(event);
      if (challengeId !== undefined) replayChallenge(challengeId, event, documents);
    },
    childCollections: [CHALLENGE_CHILDREN],
    complete(collection: string, document: ProjectionDocument, documents: Pick<ProjectionDocuments, 'get'>, context: ProjectionContext) {
      if (collection !== CHALLENGES) return document;
      const record = documents.get<ChallengeRecord & ProjectionDocument>(CHALLENGE_RECORDS, document._id);
      const history = record && challengeHistory(document._id, record.facts, context.config);
      if (!history) return undefined;
      return asDocument(withChildrenAtRaising(challengeDocument(history, { lookedAfter: false, protection: false }), documents));
    },
  },
};

/** `rederive`: work out again whether the challenges naming the child found it looked after or on a plan when raised (not in a replay) */
function applyToChild(childId: string, event: StoredOversightEvent, documents: ProjectionDocuments, rederive: boolean): void {
  if (!rederive) return replayToChild(childId, event, documents);
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

/** A replay's applyToChild: the facts change in place, and the challenges are derived at the end. */
function replayToChild(childId: string, event: StoredOversightEvent, documents: ProjectionDocuments): void {
  // most of a child's records are of kinds not kept here: those need no look-up
  const change = childFactChangeInReplay(event, keptForChallenges);
  if (!change) return;
  const stored = documents.get<ChallengeChildDocument & ProjectionDocument>(CHALLENGE_CHILDREN, childId);
  const child = stored ?? emptyChallengeChild(childId);
  if (changeChildFacts(child.facts, change) && !stored) documents.put(CHALLENGE_CHILDREN, asDocument(child));
}

/** As applyToChallenge, with the challenge's document left to ProjectionReplay.complete. */
function replayChallenge(challengeId: string, event: StoredOversightEvent, documents: ProjectionDocuments): void {
  const record = documents.get<ChallengeRecord & ProjectionDocument>(CHALLENGE_RECORDS, challengeId) ?? { _id: challengeId, facts: [] };
  const facts = challengeFactsAfter(record.facts, event);
  if (facts === record.facts) return;
  documents.put(CHALLENGE_RECORDS, asDocument({ _id: challengeId, facts }));
  // the children a challenge names are its raising's (see challengeHistory)
  const childIdsBefore = raisingOf(record.facts)?.childIds ?? [];
  const raising = raisingOf(facts);
  const childIdsNow = raising?.childIds ?? [];
  for (const childId of childIdsBefore.filter((id) => !childIdsNow.includes(id))) {
    linkChild(childId, challengeId, false, documents);
  }
  for (const childId of childIdsNow.filter((id) => !childIdsBefore.includes(id))) {
    linkChild(childId, challengeId, true, documents);
  }
  if (raising) documents.put(CHALLENGES, { _id: challengeId });
  else if (documents.get(CHALLENGES, challengeId)) documents.remove(CHALLENGES, challengeId);
}

function linkChild(childId: string, challengeId: string, named: boolean, documents: ProjectionDocuments): void {
  const child = documents.get<ChallengeChildDocument & ProjectionDocument>(CHALLENGE_CHILDREN, childId) ?? emptyChallengeChild(childId);
  const challengeIds = child.challengeIds.filter((id) => id !== challengeId);
  if (named) challengeIds.push(challengeId);
  documents.put(CHALLENGE_CHILDREN, asDocument({ _id: child._id, facts: child.facts, challengeIds }));
}

function withChildrenAtRaising(challenge: ChallengeDocument, documents: Pick<ProjectionDocuments, 'get'>): ChallengeDocument {
  const children = challenge.childIds.map((id) =>
    childOn(documents.get<ChallengeChildDocument & ProjectionDocument>(CHALLENGE_CHILDREN, id), challenge.raisedOn),
  );
  return {
    ...challenge,
    lookedAfterAtRaising: children.some((child) => child.lookedAfter),
    protectionAtRaising: children.some((child) => child.protection),
  };
}
