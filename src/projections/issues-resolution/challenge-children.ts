import { ChildFact, ChildFactKind } from '../drift-and-delay/child-facts';
import { childTimeline, lookedAfterIntervals, protectionIntervals } from '../drift-and-delay/child-timeline';
import { contains, DateInterval } from '../drift-and-delay/date-intervals';
import { CalendarDate } from '../../calendar/calendar-date';

/**
 * The `challenge-children` collection, kept by the issues-resolution projection for
 * itself: per child, the facts that say when the child was looked after or on a plan,
 * and the challenges that name the child. With it, a challenge knows whether its
 * children were looked after or on a plan when it was raised, whatever order the
 * records arrive in, and a voided care or plan record corrects the challenges it touched.
 */
export const CHALLENGE_CHILDREN = 'challenge-children';

export interface ChallengeChildDocument {
  _id: string;
  facts: ChildFact[];
  lookedAfter: DateInterval[];
  protection: DateInterval[];
  challengeIds: string[];
}

const KINDS_KEPT: readonly ChildFactKind[] = [
  'care-started', 'care-ended', 'legal-status-changed', 'conference-held', 'plan-started', 'plan-ended',
];

export const keptForChallenges = (fact: ChildFact): boolean => KINDS_KEPT.includes(fact.kind);

export function emptyChallengeChild(childId: string): ChallengeChildDocument {
  return { _id: childId, facts: [], lookedAfter: [], protection: [], challengeIds: [] };
}

export function withFacts(child: ChallengeChildDocument, facts: ChildFact[]): ChallengeChildDocument {
  const timeline = childTimeline(child._id, facts);
  return { ...child, facts, lookedAfter: lookedAfterIntervals(timeline), protection: protectionIntervals(timeline) };
}

export function lookedAfterOn(child: ChallengeChildDocument | undefined, date: CalendarDate): boolean {
  return child !== undefined && child.lookedAfter.some((interval) => contains(interval, date));
}

export function onPlanOn(child: ChallengeChildDocument | undefined, date: CalendarDate): boolean {
  return child !== undefined && child.protection.some((interval) => contains(interval, date));
}
