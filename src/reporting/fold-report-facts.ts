import { StoredOversightEvent } from '../events/envelope';
import { AmbiguousVoidError, eventKey } from './event-key';
import {
  CHALLENGE_STREAM_PREFIX, CHILD_STREAM_PREFIX, ChallengeFact, ChallengeFacts, ChildFact, ChildFacts, ReportFacts,
} from './report-facts';

type FoldedFields = 'id' | 'stream' | 'type' | 'data' | 'position' | 'recordedAt';

/** The part of a stored event the fold reads (one member per event type, so `type` narrows `data`). */
export type FoldableEvent = StoredOversightEvent extends infer E ? (E extends StoredOversightEvent ? Pick<E, FoldedFields> : never) : never;

/**
 * Folds one event into the facts (in place, for speed over millions of events; the
 * facts are returned). Events recorded after `facts.asOf` are left out; a RecordVoided
 * takes the fact of the event it names out of its stream's facts.
 */
export function foldFacts(facts: ReportFacts, event: FoldableEvent): ReportFacts {
  if (facts.asOf !== null && event.recordedAt > facts.asOf) return facts;
  if (event.position > facts.position) facts.position = event.position;
  if (event.stream.startsWith(CHILD_STREAM_PREFIX)) {
    const childId = event.stream.slice(CHILD_STREAM_PREFIX.length);
    let child = facts.children.get(childId);
    if (!child) {
      child = { childId, facts: [] };
      facts.children.set(childId, child);
    }
    foldChildFact(child, event);
  } else if (event.stream.startsWith(CHALLENGE_STREAM_PREFIX)) {
    const challengeId = event.stream.slice(CHALLENGE_STREAM_PREFIX.length);
    let challenge = facts.challenges.get(challengeId);
    if (!challenge) {
      challenge = { challengeId, facts: [] };
      facts.challenges.set(challengeId, challenge);
    }
    foldChallengeFact(challenge, event);
  }
  return facts;
}

/** Folds every event (in store order) into new facts. */
export function collectReportFacts(events: Iterable<FoldableEvent>, options: { asOf?: string | null } = {}): ReportFacts {
  const facts: ReportFacts = { children: new Map(), challenges: new Map(), asOf: options.asOf ?? null, position: 0 };
  for (const event of events) foldFacts(facts, event);
  return facts;
}

/** Folds one event of the child's stream into its facts; true when the facts changed. */
export function foldChildFact(child: ChildFacts, event: FoldableEvent): boolean {
  if (event.type === 'RecordVoided') return removeVoided(child.facts, event);
  const fact = childFactOf(event, child.facts);
  if (fact) child.facts.push(fact);
  return fact !== undefined;
}

/** Folds one event of the challenge's stream into its facts; true when the facts changed. */
export function foldChallengeFact(challenge: ChallengeFacts, event: FoldableEvent): boolean {
  if (event.type === 'RecordVoided') return removeVoided(challenge.facts, event);
  const fact = challengeFactOf(event);
  if (fact) challenge.facts.push(fact);
  return fact !== undefined;
}

function removeVoided(facts: { type: string; key: number }[], event: FoldableEvent): boolean {
  if (event.type !== 'RecordVoided') return false;
  const key = eventKey(event.data.eventId);
  let found = -1;
  for (let i = 0; i < facts.length; i += 1) {
    if (facts[i].key !== key || facts[i].type !== event.data.voidedType) continue;
    if (found >= 0) throw new AmbiguousVoidError(event.stream, event.data.eventId);
    found = i;
  }
  if (found >= 0) facts.splice(found, 1);
  return found >= 0;
}

/** The care period's id as the CareStarted fact holds it, so that reviews share one string. */
function sharedPeriodId(periodId: string, facts: ChildFact[]): string {
  for (let i = facts.length - 1; i >= 0; i -= 1) {
    const fact = facts[i];
    if (fact.type === 'CareStarted' && fact.periodId === periodId) return fact.periodId;
  }
  return periodId;
}

function childFactOf(event: FoldableEvent, facts: ChildFact[]): ChildFact | undefined {
  const key = eventKey(event.id);
  switch (event.type) {
    // optional fields are set one by one rather than spread in: this runs once per event of a replay
    case 'ChildRegistered': {
      const d = event.data;
      const fact: Extract<ChildFact, { type: 'ChildRegistered' }> = { type: 'ChildRegistered', key, sex: d.sex };
      if (d.dateOfBirth) fact.dateOfBirth = d.dateOfBirth;
      if (d.expectedDateOfBirth) fact.expectedDateOfBirth = d.expectedDateOfBirth;
      if (d.ethnicity) fact.ethnicity = d.ethnicity;
      if (d.familyId) fact.familyId = d.familyId;
      return fact;
    }
    case 'CareStarted': {
      const d = event.data;
      return {
        type: 'CareStarted', key, periodId: d.periodId, startDate: d.startDate, legalStatus: d.legalStatus,
        placementType: d.placementType, outside: d.placedOutsideLocalAuthority,
      };
    }
    case 'CareEnded': {
      const d = event.data;
      return { type: 'CareEnded', key, periodId: sharedPeriodId(d.periodId, facts), endDate: d.endDate, reasonCeased: d.reasonCeased };
    }
    case 'PlacementChanged': {
      const d = event.data;
      return { type: 'PlacementChanged', key, date: d.effectiveDate, placementType: d.placementType, outside: d.placedOutsideLocalAuthority };
    }
    case 'LegalStatusChanged':
      return { type: 'LegalStatusChanged', key, date: event.data.effectiveDate, legalStatus: event.data.legalStatus };
    case 'IroAllocated':
      return { type: 'IroAllocated', key, date: event.data.effectiveDate, iroId: event.data.iroId };
    case 'ReviewHeld': {
      const d = event.data;
      return {
        type: 'ReviewHeld', key, reviewId: d.reviewId, periodId: sharedPeriodId(d.periodId, facts), heldOn: d.heldOn,
        participation: d.participation, visited: d.iroVisitedBeforeReview ?? null, recordedDueBy: d.dueBy,
      };
    }
    case 'CPConferenceHeld': {
      const d = event.data;
      const fact: Extract<ChildFact, { type: 'CPConferenceHeld' }> = {
        type: 'CPConferenceHeld', key, conferenceId: d.conferenceId, conferenceType: d.type, heldOn: d.heldOn,
        outcome: d.outcome, recordedDueBy: d.dueBy,
      };
      if (d.strategyDiscussionOn) fact.strategyDiscussionOn = d.strategyDiscussionOn;
      if (d.categoryOfAbuse) fact.categoryOfAbuse = d.categoryOfAbuse;
      if (d.previousPlanCount !== undefined) fact.previousPlanCount = d.previousPlanCount;
      if (d.planId) fact.planId = d.planId;
      return fact;
    }
    case 'ChildProtectionPlanStarted': {
      const d = event.data;
      const fact: Extract<ChildFact, { type: 'ChildProtectionPlanStarted' }> = {
        type: 'ChildProtectionPlanStarted', key, planId: d.planId, startDate: d.startDate, categoryOfAbuse: d.categoryOfAbuse,
      };
      if (d.previousPlanCount !== undefined) fact.previousPlanCount = d.previousPlanCount;
      return fact;
    }
    case 'ChildProtectionPlanEnded':
      return { type: 'ChildProtectionPlanEnded', key, planId: event.data.planId, endDate: event.data.endDate };
    default:
      return undefined;
  }
}

function challengeFactOf(event: FoldableEvent): ChallengeFact | undefined {
  const key = eventKey(event.id);
  switch (event.type) {
    case 'ChallengeRaised':
      return { type: 'ChallengeRaised', key, childIds: event.data.childIds, raisedOn: event.data.raisedOn, category: event.data.category };
    case 'ChallengeEscalated':
      return { type: 'ChallengeEscalated', key, escalatedOn: event.data.escalatedOn, toStage: event.data.toStage };
    case 'ChallengeResolved':
      return { type: 'ChallengeResolved', key, resolvedOn: event.data.resolvedOn, outcome: event.data.outcome };
    default:
      return undefined;
  }
}
