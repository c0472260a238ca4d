import { CalendarDate } from '../../calendar/calendar-date';
import { ChildFact, ChildFactKind } from '../drift-and-delay/child-facts';
import { carePeriodsOf, lookedAfterIntervals, protectionIntervals, protectionPlansOf } from '../drift-and-delay/child-timeline';
import { contains } from '../drift-and-delay/date-intervals';

/**
 * The `challenge-children` collection, kept by the issues-resolution projection for
 * itself: per child, the facts that say when the child was looked after or on a plan,
 * and the challenges that name the child. With it, a challenge knows whether its
 * children were looked after or on a plan when it was raised, whatever order the
 * records arrive in, and a voided care or plan record corrects the challenges it touched.
 * The days are worked out from the facts only when a challenge needs them: most
 * children are named in no challenge.
 */
export const CHALLENGE_CHILDREN = 'challenge-children';

export interface ChallengeChildDocument {
  _id: string;
  facts: ChildFact[];
  challengeIds: string[];
}

const KINDS_KEPT: readonly ChildFactKind[] = [
  'care-started', 'care-ended', 'legal-status-changed', 'conference-held', 'plan-started', 'plan-ended',
];

export const keptForChallenges = (fact: ChildFact): boolean => KINDS_KEPT.includes(fact.kind);

export function emptyChallengeChild(childId: string): ChallengeChildDocument {
  return { _id: childId, facts: [], challengeIds: [] };
}

/** Whether on `date` the child was looked after (short breaks, V3/V4, left out), and on a plan. */
export function childOn(child: ChallengeChildDocument | undefined, date: CalendarDate): { lookedAfter: boolean; protection: boolean } {
  if (!child || child.facts.length === 0) return { lookedAfter: false, protection: false };
  const lookedAfter = lookedAfterIntervals({ periods: carePeriodsOf(child.facts) });
  const protection = protectionIntervals({ plans: protectionPlansOf(child._id, child.facts) });
  return {
    lookedAfter: lookedAfter.some((interval) => contains(interval, date)),
    protection: protection.some((interval) => contains(interval, date)),
  };
}
