import { Projection, ProjectionDocument } from '../projections/projection';
import { foldChallengeFact, foldChildFact } from './fold-report-facts';
import { CHALLENGE_STREAM_PREFIX, CHILD_STREAM_PREFIX, ChallengeFacts, ChildFacts, ReportFacts } from './report-facts';

export const ANNUAL_REPORT_PROJECTION = 'annual-report';
export const ANNUAL_REPORT_CHILDREN = 'annual-report-children';
export const ANNUAL_REPORT_CHALLENGES = 'annual-report-challenges';

export type ChildFactsDocument = ProjectionDocument & ChildFacts;
export type ChallengeFactsDocument = ProjectionDocument & ChallengeFacts;

/**
 * The annual report's read model: the report facts of every child and challenge (all
 * recorded events, no as-of), one document each, kept by the same fold as a replay.
 * A report without as-of is computed from these documents at once; see
 * factsFromDocuments.
 */
export const annualReportProjection: Projection = {
  name: ANNUAL_REPORT_PROJECTION,
  // raise with any change to what the read model stores: the projector then rebuilds it at start
  version: 1,
  collections: [ANNUAL_REPORT_CHILDREN, ANNUAL_REPORT_CHALLENGES],
  apply(event, documents) {
    if (event.stream.startsWith(CHILD_STREAM_PREFIX)) {
      const childId = event.stream.slice(CHILD_STREAM_PREFIX.length);
      const stored = documents.get<ChildFactsDocument>(ANNUAL_REPORT_CHILDREN, childId);
      // a copy: the projector keeps the stored document to undo a failed event
      const child: ChildFactsDocument = { _id: childId, childId, facts: stored ? [...stored.facts] : [] };
      if (foldChildFact(child, event)) documents.put(ANNUAL_REPORT_CHILDREN, child);
    } else if (event.stream.startsWith(CHALLENGE_STREAM_PREFIX)) {
      const challengeId = event.stream.slice(CHALLENGE_STREAM_PREFIX.length);
      const stored = documents.get<ChallengeFactsDocument>(ANNUAL_REPORT_CHALLENGES, challengeId);
      const challenge: ChallengeFactsDocument = { _id: challengeId, challengeId, facts: stored ? [...stored.facts] : [] };
      if (foldChallengeFact(challenge, event)) documents.put(ANNUAL_REPORT_CHALLENGES, challenge);
    }
  },
  /** a replay keeps no undo log: the facts are folded into the stored documents in place */
  replay: {
    apply(event, documents) {
      if (event.stream.startsWith(CHILD_STREAM_PREFIX)) {
        const childId = event.stream.slice(CHILD_STREAM_PREFIX.length);
        const child = documents.get<ChildFactsDocument>(ANNUAL_REPORT_CHILDREN, childId) ?? { _id: childId, childId, facts: [] };
        if (foldChildFact(child, event)) documents.put(ANNUAL_REPORT_CHILDREN, child);
      } else if (event.stream.startsWith(CHALLENGE_STREAM_PREFIX)) {
        const challengeId = event.stream.slice(CHALLENGE_STREAM_PREFIX.length);
        const challenge = documents.get<ChallengeFactsDocument>(ANNUAL_REPORT_CHALLENGES, challengeId) ?? { _id: challengeId, challengeId, facts: [] };
        if (foldChallengeFact(challenge, event)) documents.put(ANNUAL_REPORT_CHALLENGES, challenge);
      }
    },
    childCollections: [ANNUAL_REPORT_CHILDREN],
    complete: (_collection, document) => document,
  },
};

/** The report facts held by the read model's documents, as of its checkpoint. */
export function factsFromDocuments(
  children: readonly ChildFacts[],
  challenges: readonly ChallengeFacts[],
  position: number,
): ReportFacts {
  return {
    children: new Map(children.map((c) => [c.childId, { childId: c.childId, facts: c.facts }])),
    challenges: new Map(challenges.map((c) => [c.challengeId, { challengeId: c.challengeId, facts: c.facts }])),
    asOf: null,
    position,
  };
}
