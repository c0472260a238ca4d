import { CalendarDate } from '../../calendar/calendar-date';
import { ChallengeCategory } from '../../events/codes';
import { openOn } from '../drift-and-delay/oversight-document';
import { challengeDocument, ChallengeDocument } from './challenge-document';
import { challengeAsAt } from './challenge-history';
import { ChallengeWithChildren } from './children-at-raising';
import { StageKey } from './challenge-stages';

/** What the list asks for, all judged on `asAt`: only the challenges raised by then, as they stood then. */
export interface ChallengeListCriteria {
  /** open or resolved on asAt */
  status?: 'open' | 'resolved';
  /** the stage it was at on asAt (a resolved challenge: the stage it was resolved at) */
  stage?: StageKey;
  /** true: only challenges overdue at their stage on `asAt` (past its deadline, unanswered); false: only those not */
  overdue?: boolean;
  /** the date everything is judged on */
  asAt: CalendarDate;
  raisedBy?: string;
  category?: ChallengeCategory;
  childId?: string;
  /** raisedOn on or after */
  from?: CalendarDate;
  /** raisedOn on or before */
  to?: CalendarDate;
}

/** Where a page ends: the last item's sort key. */
export interface ChallengeListPosition {
  raisedOn: CalendarDate;
  challengeId: string;
}

/** Newest first; the id keeps the order total, so a page boundary is exact. */
export const CHALLENGE_LIST_SORT = { raisedOn: -1, _id: -1 } as const;

/** The list's MongoDB filter, for the read store (both adapters). */
export function challengeListFilter(criteria: ChallengeListCriteria, after?: ChallengeListPosition): Record<string, unknown> {
  const asAt = criteria.asAt;
  const clauses: Record<string, unknown>[] = [{ raisedOn: { $lte: asAt } }];
  const resolvedBy = { resolvedOn: { $ne: null, $lte: asAt } };
  if (criteria.status === 'resolved') clauses.push(resolvedBy);
  if (criteria.status === 'open') clauses.push({ $nor: [resolvedBy] });
  if (criteria.stage) {
    clauses.push({
      $or: [
        { ...resolvedBy, resolvedAtStage: criteria.stage },
        { stages: { $elemMatch: { stage: criteria.stage, enteredOn: { $lte: asAt }, $or: [{ leftOn: null }, { leftOn: { $gt: asAt } }] } } },
      ],
    });
  }
  const overdueOn = { overdueIntervals: { $elemMatch: openOn(criteria.asAt) } };
  if (criteria.overdue === true) clauses.push(overdueOn);
  if (criteria.overdue === false) clauses.push({ $nor: [overdueOn] });
  if (criteria.raisedBy) clauses.push({ raisedBy: criteria.raisedBy });
  if (criteria.category) clauses.push({ category: criteria.category });
  if (criteria.childId) clauses.push({ childIds: criteria.childId });
  if (criteria.from || criteria.to) {
    clauses.push({ raisedOn: { ...(criteria.from && { $gte: criteria.from }), ...(criteria.to && { $lte: criteria.to }) } });
  }
  if (after) {
    clauses.push({
      $or: [{ raisedOn: { $lt: after.raisedOn } }, { raisedOn: after.raisedOn, _id: { $lt: after.challengeId } }],
    });
  }
  return clauses.length === 1 ? clauses[0] : { $and: clauses };
}

export function challengeListPosition(challenge: ChallengeDocument): ChallengeListPosition {
  return { raisedOn: challenge.raisedOn, challengeId: challenge.challengeId };
}

/**
 * A challenge as the list shows it on `asAt`: as it stood at the end of that day (only its
 * steps dated by then, its stage, status and overdue days then), without the store's `_id`.
 */
export function challengeListItem(challenge: ChallengeWithChildren, asAt: CalendarDate): Omit<ChallengeWithChildren, '_id'> {
  // the list is asked for today far more often than for another day: nothing to cut then
  const then = stepsAfter(challenge, asAt) ? challengeAsAt(challenge, asAt) : undefined;
  const { _id, ...item } = then
    ? { ...challengeDocument(then), lookedAfterAtRaising: challenge.lookedAfterAtRaising, protectionAtRaising: challenge.protectionAtRaising }
    : challenge;
  return item;
}

/** Whether any step of the challenge is dated after `date`. */
const stepsAfter = (challenge: ChallengeDocument, date: CalendarDate): boolean =>
  challenge.stages.some((spell) => spell.enteredOn > date || (spell.respondedOn ?? '') > date || (spell.leftOn ?? '') > date);
