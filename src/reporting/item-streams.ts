import { challengeStream, childStream } from '../events/streams';
import { ReportFacts } from './report-facts';

/**
 * Which stream each id a figure can name lives in: children, reviews, conferences and
 * plans in the child's stream, challenges in theirs, and an IRO in the streams of the
 * children allocated to it. Ids of different kinds may coincide, hence lists.
 */
export function itemStreamIndex(...factSets: ReportFacts[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (id: string, stream: string) => {
    let streams = index.get(id);
    if (!streams) index.set(id, (streams = new Set()));
    streams.add(stream);
  };
  for (const facts of factSets) {
    for (const child of facts.children.values()) {
      const stream = childStream(child.childId);
      add(child.childId, stream);
      for (const fact of child.facts) {
        if (fact.type === 'ReviewHeld') add(fact.reviewId, stream);
        else if (fact.type === 'CPConferenceHeld') {
          add(fact.conferenceId, stream);
          add(fact.planId ?? `${child.childId}:${fact.heldOn}`, stream);
        } else if (fact.type === 'ChildProtectionPlanStarted') add(fact.planId, stream);
        else if (fact.type === 'IroAllocated') add(fact.iroId, stream);
      }
    }
    for (const challenge of facts.challenges.values()) add(challenge.challengeId, challengeStream(challenge.challengeId));
  }
  return index;
}

/**
 * The streams of the children each challenge names: a challenge's place in
 * `challenges.lookedAfterVsProtection` moves with those children's records of care and
 * protection, not only with its own stream.
 */
export function childStreamsOfChallenges(...factSets: ReportFacts[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const facts of factSets) {
    for (const challenge of facts.challenges.values()) {
      let streams = index.get(challenge.challengeId);
      if (!streams) index.set(challenge.challengeId, (streams = new Set()));
      for (const fact of challenge.facts) {
        if (fact.type === 'ChallengeRaised') for (const childId of fact.childIds) streams.add(childStream(childId));
      }
    }
  }
  return index;
}
