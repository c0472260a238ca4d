import { CalendarDate } from '../../calendar/calendar-date';
import { ChallengeDocument } from './challenge-document';
import { currentSpell, isOverdueAt } from './challenge-history';

/** Where a group of challenges stood at the end of an analysis' range. */
export interface ChallengeGroupSummary {
  /** challenges of the cohort in the group */
  raised: number;
  /** of those, escalated past stage 1 */
  escalated: number;
  resolved: number;
  open: number;
  /** of the open ones, those past their stage's response deadline */
  overdue: number;
}

/** the group of a challenge raised with no one named as addressed to */
export const NOT_ADDRESSED = 'not given';

/**
 * The cohort summed up by each of several keys of a challenge (who raised it, who it was
 * addressed to, the month it was raised), each challenge as it stood at the end of `to`
 * and worked out once for all the keys. Each grouping's keys in string order.
 */
export function challengeGroups<K extends string>(
  cohort: readonly ChallengeDocument[],
  keysOf: Record<K, (challenge: ChallengeDocument) => string>,
  to: CalendarDate,
): Record<K, Record<string, ChallengeGroupSummary>> {
  const names = Object.keys(keysOf) as K[];
  const groupings = new Map<K, Map<string, ChallengeGroupSummary>>(names.map((name) => [name, new Map()]));
  for (const challenge of cohort) {
    const current = currentSpell(challenge);
    const resolved = challenge.status === 'resolved';
    const overdue = !resolved && isOverdueAt(current, to);
    for (const name of names) {
      const groups = groupings.get(name)!;
      const key = keysOf[name](challenge);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { raised: 0, escalated: 0, resolved: 0, open: 0, overdue: 0 }));
      group.raised += 1;
      if (current.stage !== '1') group.escalated += 1;
      if (resolved) group.resolved += 1;
      else group.open += 1;
      if (overdue) group.overdue += 1;
    }
  }
  const inOrder = (groups: Map<string, ChallengeGroupSummary>) =>
    Object.fromEntries([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return Object.fromEntries(names.map((name) => [name, inOrder(groupings.get(name)!)])) as Record<K, Record<string, ChallengeGroupSummary>>;
}
