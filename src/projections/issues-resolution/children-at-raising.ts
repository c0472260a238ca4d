import { CalendarDate } from '../../calendar/calendar-date';
import { contains, DateInterval } from '../drift-and-delay/date-intervals';
import { ChallengeDocument } from './challenge-document';

/**
 * The days a child was looked after (V3/V4 short breaks left out) and on a child
 * protection plan: what the drift-and-delay read model's `oversight` document of the
 * child holds, from all its records. The issues-resolution read model keeps no copy of
 * the children's records: the split of challenges by the children they name is worked
 * out when a query asks for it, from those documents.
 */
export interface ChildDays {
  lookedAfter: readonly DateInterval[];
  protection: readonly DateInterval[];
}

export interface ChildrenAtRaising {
  /** whether on the day it was raised any child it names was looked after (V3/V4 short breaks left out) */
  lookedAfterAtRaising: boolean;
  /** whether on the day it was raised any child it names was on a child protection plan */
  protectionAtRaising: boolean;
}

export type ChallengeWithChildren = ChallengeDocument & ChildrenAtRaising;

/** Whether any child the challenge names was looked after, or on a plan, on the day it was raised; a child with no days known counts as neither. */
export function childrenAtRaising(
  challenge: { childIds: readonly string[]; raisedOn: CalendarDate },
  daysOf: (childId: string) => ChildDays | undefined,
): ChildrenAtRaising {
  const on = (intervals: readonly DateInterval[] | undefined) => (intervals ?? []).some((interval) => contains(interval, challenge.raisedOn));
  const children = challenge.childIds.map(daysOf);
  return {
    lookedAfterAtRaising: children.some((child) => on(child?.lookedAfter)),
    protectionAtRaising: children.some((child) => on(child?.protection)),
  };
}

export function withChildrenAtRaising<T extends ChallengeDocument>(challenge: T, daysOf: (childId: string) => ChildDays | undefined): T & ChildrenAtRaising {
  return { ...challenge, ...childrenAtRaising(challenge, daysOf) };
}
