import { StoredOversightEvent } from '../../events/envelope';
import { Projection, ProjectionContext, ProjectionDocument, ProjectionDocuments } from '../projection';
import { ChallengeFact, challengeFactsAfter, challengeIdOf } from '../issues-resolution/challenge-facts';
import { challengeHistory } from '../issues-resolution/challenge-history';
import { childChallenge } from './challenge-flag-windows';
import { changeChildFacts, ChildFact, childFactChangeInReplay, childFactsAfter, childIdOf } from './child-facts';
import { aspectOf, emptyOversightDocument, OVERSIGHT, OversightDocument, oversightWith, withDerived } from './oversight-document';

/** The `oversight-challenges` collection: each challenge's non-voided steps and the children it names, for this projection's own use. */
export const OVERSIGHT_CHALLENGES = 'oversight-challenges';

interface OversightChallengeRecord {
  _id: string;
  facts: ChallengeFact[];
  childIds: string[];
}

const asDocument = (document: object) => document as ProjectionDocument;

/**
 * Drift and delay: one document per child in `oversight`, with the child's facts, the
 * challenges naming the child, and the dated intervals the queries filter on. The flags
 * are evaluated from the facts at the date a query asks about (driftFlagsAt).
 */
export const driftAndDelayProjection: Projection = {
  name: 'drift-and-delay',
  // raise with any change to what the read model stores: the projector then rebuilds it at start
  version: 2,
  collections: [OVERSIGHT, OVERSIGHT_CHALLENGES],
  indexes: {
    [OVERSIGHT]: [
      { keys: { 'active.from': 1 } },
      { keys: { 'iroAllocations.iroId': 1 } },
    ],
  },
  apply(event: StoredOversightEvent, documents: ProjectionDocuments, context: ProjectionContext): void {
    applyEvent(event, documents, context, true);
  },
  /** a replay keeps the facts and challenges, and derives each child's intervals and due dates once, at the end */
  replay: {
    apply(event: StoredOversightEvent, documents: ProjectionDocuments, context: ProjectionContext): void {
      applyEvent(event, documents, context, false);
    },
    childCollections: [OVERSIGHT],
    complete(collection: string, document: ProjectionDocument): ProjectionDocument {
      return collection === OVERSIGHT ? asDocument(withDerived(document as unknown as OversightDocument)) : document;
    },
  },
};

/** `derive`: work out again what the facts touched derive (false in a replay, which derives all at the end) */
function applyEvent(event: StoredOversightEvent, documents: ProjectionDocuments, context: ProjectionContext, derive: boolean): void {
  const childId = childIdOf(event);
  if (childId !== undefined) return applyToChild(childId, event, documents, derive);
  const challengeId = challengeIdOf(event);
  if (challengeId !== undefined) applyToChallenge(challengeId, event, documents, context, derive);
}

function oversightOf(childId: string, documents: ProjectionDocuments): OversightDocument {
  return documents.get<OversightDocument & ProjectionDocument>(OVERSIGHT, childId) ?? emptyOversightDocument(childId);
}

function applyToChild(childId: string, event: StoredOversightEvent, documents: ProjectionDocuments, derive: boolean): void {
  if (!derive) return replayToChild(childId, event, documents);
  const document = oversightOf(childId, documents);
  const after = childFactsAfter(document.facts, event);
  if (after === document.facts) return;
  // a new array whenever the facts changed, so the document gets it as is
  const facts = after as ChildFact[];
  const touched = event.type === 'RecordVoided' ? document.facts.find((fact) => fact.eventId === event.data.eventId) : facts[facts.length - 1];
  const aspect = touched && aspectOf(touched);
  const updated = oversightWith(document, { facts });
  documents.put(OVERSIGHT, asDocument(aspect ? withDerived(updated, [aspect]) : updated));
}

/** A replay's applyToChild: the facts change in place, nothing is derived. */
function replayToChild(childId: string, event: StoredOversightEvent, documents: ProjectionDocuments): void {
  const change = childFactChangeInReplay(event);
  if (!change) return;
  const stored = documents.get<OversightDocument & ProjectionDocument>(OVERSIGHT, childId);
  const document = stored ?? emptyOversightDocument(childId);
  if (changeChildFacts(document.facts, change) && !stored) documents.put(OVERSIGHT, asDocument(document));
}

function applyToChallenge(
  challengeId: string,
  event: StoredOversightEvent,
  documents: ProjectionDocuments,
  context: ProjectionContext,
  derive: boolean,
): void {
  const record =
    documents.get<OversightChallengeRecord & ProjectionDocument>(OVERSIGHT_CHALLENGES, challengeId) ??
    ({ _id: challengeId, facts: [], childIds: [] } as OversightChallengeRecord);
  const facts = challengeFactsAfter(record.facts, event);
  if (facts === record.facts) return;
  const history = challengeHistory(challengeId, facts, context.config);
  const childIds = history?.childIds ?? [];
  documents.put(OVERSIGHT_CHALLENGES, asDocument({ _id: challengeId, facts, childIds }));
  for (const childId of new Set([...record.childIds, ...childIds])) {
    const document = oversightOf(childId, documents);
    const challenges = document.challenges.filter((c) => c.challengeId !== challengeId);
    if (history && childIds.includes(childId)) challenges.push(childChallenge(history));
    challenges.sort((a, b) => (a.challengeId < b.challengeId ? -1 : a.challengeId > b.challengeId ? 1 : 0));
    const updated = oversightWith(document, { challenges });
    documents.put(OVERSIGHT, asDocument(derive ? withDerived(updated, ['challenges']) : updated));
  }
}
