import { LocalAuthorityConfig } from '../../config/local-authority-config';
import { StoredOversightEvent } from '../../events/envelope';
import { Projection, ProjectionContext, ProjectionDocument, ProjectionDocuments } from '../projection';
import { changeChallengeFacts, ChallengeFact, challengeFactsAfter, challengeIdOf } from '../issues-resolution/challenge-facts';
import { challengeHistory, raisingOf } from '../issues-resolution/challenge-history';
import { childChallenge, ChildChallenge } from './challenge-flag-windows';
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
 * What a replay keeps of a challenge for the children it names: its id, its record's facts
 * (the same array, which the replay folds in place, so they are the final ones when a
 * child's document is completed, after every challenge event) and, once a child's
 * document is completed, what the children's documents take from its history, worked out
 * once however many children it names (forgotten whenever the facts are folded again).
 */
interface ChallengeNote {
  readonly challengeId: string;
  readonly facts: readonly ChallengeFact[];
  /** null: the challenge counts nowhere (no raising) */
  final?: { childIds: readonly string[]; challenge: ChildChallenge } | null;
}

/** the note of a challenge, on its record (replay only: `complete` gives the record without it) */
const NOTE = Symbol('challenge note');
/** the notes of the challenges that named a child at some event, on its document (replay only: `complete` gives a new document without them) */
const NAMED_BY = Symbol('named by');

type ReplayedChallengeRecord = OversightChallengeRecord & ProjectionDocument & { [NOTE]?: ChallengeNote };
type ReplayedOversight = OversightDocument & ProjectionDocument & { [NAMED_BY]?: ChallengeNote[] };

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
  /**
   * a replay keeps the facts, and which challenges named each child, and derives each
   * challenge's history, and each child's challenges, intervals and due dates, once, at the end
   */
  replay: {
    apply(event: StoredOversightEvent, documents: ProjectionDocuments, context: ProjectionContext): void {
      applyEvent(event, documents, context, false);
    },
    childCollections: [OVERSIGHT],
    complete(collection: string, document: ProjectionDocument, _documents: Pick<ProjectionDocuments, 'get'>, context: ProjectionContext): ProjectionDocument {
      if (collection === OVERSIGHT) return asDocument(completedOversight(document as ReplayedOversight, context.config));
      const { _id, facts, childIds } = document as ReplayedChallengeRecord;
      return asDocument({ _id, facts, childIds });
    },
  },
};

/** `derive`: work out again what the facts touched derive (false in a replay, which derives all at the end) */
function applyEvent(event: StoredOversightEvent, documents: ProjectionDocuments, context: ProjectionContext, derive: boolean): void {
  const childId = childIdOf(event);
  if (childId !== undefined) return applyToChild(childId, event, documents, derive);
  const challengeId = challengeIdOf(event);
  if (challengeId === undefined) return;
  if (derive) applyToChallenge(challengeId, event, documents, context);
  else replayToChallenge(challengeId, event, documents);
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
    challenges.sort(byChallengeId);
    documents.put(OVERSIGHT, asDocument(withDerived(oversightWith(document, { challenges }), ['challenges'])));
  }
}

const byChallengeId = (a: ChildChallenge, b: ChildChallenge): number => (a.challengeId < b.challengeId ? -1 : a.challengeId > b.challengeId ? 1 : 0);

/**
 * A replay's applyToChallenge: the record's facts change in place, and each child its
 * raising names (the children of its history: see challengeHistory) gets a document if
 * it has none, with the challenge's note (NAMED_BY). Nothing is derived: a child's
 * challenges are worked out when its document is completed, from the final facts, and
 * only the children the final history names keep the challenge, as apply leaves them.
 */
function replayToChallenge(challengeId: string, event: StoredOversightEvent, documents: ProjectionDocuments): void {
  const stored = documents.get<ReplayedChallengeRecord>(OVERSIGHT_CHALLENGES, challengeId);
  const record = stored ?? (asDocument({ _id: challengeId, facts: [], childIds: [] }) as ReplayedChallengeRecord);
  if (!changeChallengeFacts(record.facts, event)) return;
  if (!stored) documents.put(OVERSIGHT_CHALLENGES, record);
  const known = record[NOTE];
  if (known) known.final = undefined;
  // the record keeps the children of its raising, as apply stores them: the same raising names the same children
  const childIds = raisingOf(record.facts)?.childIds ?? [];
  if (childIds === record.childIds) return;
  record.childIds = childIds;
  const note = known ?? (record[NOTE] = { challengeId, facts: record.facts });
  for (const childId of childIds) {
    const child = documents.get<ReplayedOversight>(OVERSIGHT, childId);
    const document = child ?? (emptyOversightDocument(childId) as ReplayedOversight);
    const named = (document[NAMED_BY] ??= []);
    if (!named.includes(note)) named.push(note);
    if (!child) documents.put(OVERSIGHT, document);
  }
}

/** A replayed child's document as apply leaves it: the challenges whose final histories name the child, and all derived. */
function completedOversight(document: ReplayedOversight, config: LocalAuthorityConfig): OversightDocument {
  const named = document[NAMED_BY];
  if (!named) return withDerived(document);
  const challenges: ChildChallenge[] = [];
  for (const note of named) {
    const final = note.final === undefined ? (note.final = finalOf(note, config)) : note.final;
    if (final?.childIds.includes(document.childId)) challenges.push(copyOf(final.challenge));
  }
  challenges.sort(byChallengeId);
  return withDerived(oversightWith(document, { challenges }));
}

/** each document a challenge of its own, as apply gives (written out field by field: spreading is slow on a hot path) */
function copyOf(challenge: ChildChallenge): ChildChallenge {
  const { challengeId, raisedOn, status, outcome, resolvedOn, recoveryPlanAgreed, stages, raisedEventId } = challenge;
  return { challengeId, raisedOn, status, outcome, resolvedOn, recoveryPlanAgreed, stages, raisedEventId };
}

function finalOf(note: ChallengeNote, config: LocalAuthorityConfig): ChallengeNote['final'] {
  const history = challengeHistory(note.challengeId, note.facts, config);
  return history ? { childIds: history.childIds, challenge: childChallenge(history) } : null;
}
