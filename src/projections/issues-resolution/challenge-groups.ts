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
 * The cohort summed up by a key of each challenge (who raised it, who it was addressed
 * to, the month it was raised), each challenge as it stood at the end of `to`. Keys in
 * string order.
 */
export function challengeGroups(
  cohort: readonly ChallengeDocument[],
  keyOf: (challenge: ChallengeDocument) => string,
  to: CalendarDate,
): Record<string, ChallengeGroupSummary> {
  const groups = new Map<string, ChallengeGroupSummary>();
  for (const challenge of cohort) {
    const key = keyOf(challenge);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { raised: 0, escalated: 0, resolved: 0, open: 0, overdue: 0 }));
    const current = currentSpell(challenge);
    group.raised += 1;
    if (current.stage !== '1') group.escalated += 1;
    if (challenge.status === 'resolved') {
      group.resolved += 1;
    } else {
      group.open += 1;
      if (isOverdueAt(current, to)) group.overdue += 1;
    }
  }
  return Object.fromEntries([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
