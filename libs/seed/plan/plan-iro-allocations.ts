import { CalendarDate } from '../../../src/calendar/calendar-date';
import { SeededRandom } from '../../history-generator/seeded-random';
import { SeedProfile } from '../seed-profile';
import { PlannedChild } from './history-plan';
import { shuffled } from './exact-counts';

/**
 * Every child gets an IRO when the service first becomes involved (care starts, or the
 * strategy discussion before an initial conference), the IRO with the fewest children
 * then. When new IROs join, children are moved to them from the busiest until the
 * caseloads are even. The child keeps its IRO across care and protection plans.
 */
export function iroIdsOf(profile: SeedProfile): string[] {
  const total = profile.iros.team + profile.iros.joining.reduce((sum, j) => sum + j.count, 0);
  return Array.from({ length: total }, (_, i) => `${profile.idPrefix}-iro-${String(i + 1).padStart(2, '0')}`);
}

interface Involvement {
  child: PlannedChild;
  first: CalendarDate;
  /** null: still involved at the history's end */
  last: CalendarDate | null;
}

export function planIroAllocations(profile: SeedProfile, random: SeededRandom, children: PlannedChild[]): string[] {
  const iroIds = iroIdsOf(profile);
  const joinsOn = new Map<string, CalendarDate>();
  let next = profile.iros.team;
  for (const joining of profile.iros.joining) {
    for (let i = 0; i < joining.count; i += 1) joinsOn.set(iroIds[next++], joining.on);
  }
  const involvements = children.map(involvementOf).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const caseloads = new Map<string, Set<Involvement>>(iroIds.map((id) => [id, new Set()]));
  const iroOf = new Map<Involvement, string>();
  const joinings = [...new Set(joinsOn.values())].sort();

  const leave = (on: CalendarDate) => {
    for (const [iroId, caseload] of caseloads) {
      for (const involvement of caseload) if (involvement.last !== null && involvement.last < on) caseloads.get(iroId)!.delete(involvement);
    }
  };
  for (const involvement of involvements) {
    while (joinings.length > 0 && joinings[0] <= involvement.first) {
      const on = joinings.shift()!;
      leave(on);
      rebalance(random, [...joinsOn].filter(([, day]) => day === on).map(([id]) => id), on, caseloads, iroOf);
    }
    leave(involvement.first);
    const available = iroIds.filter((id) => (joinsOn.get(id) ?? '') <= involvement.first);
    const fewest = Math.min(...available.map((id) => caseloads.get(id)!.size));
    const iroId = random.pick(available.filter((id) => caseloads.get(id)!.size === fewest));
    caseloads.get(iroId)!.add(involvement);
    iroOf.set(involvement, iroId);
    involvement.child.iroAllocations.push({ on: involvement.first, iroId });
  }
  return iroIds;
}

function rebalance(
  random: SeededRandom, joining: string[], on: CalendarDate, caseloads: Map<string, Set<Involvement>>, iroOf: Map<Involvement, string>,
): void {
  const total = [...caseloads.values()].reduce((sum, c) => sum + c.size, 0);
  const even = Math.floor(total / caseloads.size);
  for (const iroId of joining) {
    while (caseloads.get(iroId)!.size < even) {
      const [busiest] = [...caseloads.entries()].filter(([id]) => !joining.includes(id)).sort((a, b) => b[1].size - a[1].size);
      const moved = shuffled(random, [...busiest[1]])[0];
      busiest[1].delete(moved);
      caseloads.get(iroId)!.add(moved);
      iroOf.set(moved, iroId);
      moved.child.iroAllocations.push({ on, iroId });
    }
  }
}

function involvementOf(child: PlannedChild): Involvement {
  const starts: CalendarDate[] = [];
  const ends: (CalendarDate | null)[] = [];
  for (const period of child.periods) {
    starts.push(period.start);
    ends.push(period.end ?? null);
  }
  for (const plan of child.plans) {
    starts.push(plan.strategyDiscussionOn);
    ends.push(plan.ended ? plan.reviews[plan.reviews.length - 1] : null);
  }
  for (const conference of child.initialConferencesWithoutPlan) {
    starts.push(conference.strategyDiscussionOn);
    ends.push(conference.heldOn);
  }
  const first = starts.reduce((a, b) => (a <= b ? a : b));
  const last = ends.includes(null) ? null : (ends as CalendarDate[]).reduce((a, b) => (a >= b ? a : b));
  return { child, first, last };
}
