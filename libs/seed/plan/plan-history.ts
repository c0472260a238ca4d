import { CalendarDate } from '../../../src/calendar/calendar-date';
import { SeededRandom } from '../../history-generator/seeded-random';
import { SeedProfile } from '../seed-profile';
import { HistoryPlan, PlannedChild } from './history-plan';
import { planCareCohort } from './plan-care-cohort';
import { planCareTimelines } from './plan-care-timelines';
import { planChallenges } from './plan-challenges';
import { planIroAllocations } from './plan-iro-allocations';
import { planPeople } from './plan-people';
import { planProtection } from './plan-protection';
import { planReviews } from './plan-reviews';

/**
 * The whole history of a profile, planned to its targets in one seeded pass: protection
 * plans first (children come into care from some), then the children looked after, who
 * they are, their placements and legal statuses, reviews, IROs, challenges. Pure: the
 * same profile gives the same plan.
 */
export function planHistory(profile: SeedProfile): HistoryPlan {
  const random = new SeededRandom(profile.seed);
  const protection = planProtection(profile, random);
  const care = planCareCohort(profile, random, protection);
  const people = planPeople(profile, random, care, protection.children);
  planCareTimelines(profile, random, care, people);
  planReviews(profile, random, people.children);
  const iroIds = planIroAllocations(profile, random, people.children);
  const children = numberChildren(profile, people.children);
  const challenges = planChallenges(profile, random, children);
  return { children, challenges, iroIds };
}

/** Child ids in the order the service first became involved: `<prefix>-c00001`, ... */
function numberChildren(profile: SeedProfile, children: PlannedChild[]): PlannedChild[] {
  const ordered = children
    .map((child, index) => ({ child, index, first: firstInvolvement(child) }))
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.index - b.index))
    .map(({ child }) => child);
  ordered.forEach((child, i) => (child.childId = `${profile.idPrefix}-c${String(i + 1).padStart(5, '0')}`));
  return ordered;
}

function firstInvolvement(child: PlannedChild): CalendarDate {
  const dates = [
    ...child.periods.map((p) => p.start),
    ...child.plans.map((p) => p.strategyDiscussionOn),
    ...child.initialConferencesWithoutPlan.map((c) => c.strategyDiscussionOn),
  ];
  return dates.reduce((a, b) => (a <= b ? a : b));
}
