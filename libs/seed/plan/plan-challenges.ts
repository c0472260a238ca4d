import { CalendarDate } from '../../../src/calendar/calendar-date';
import { addWorkingDays } from '../../../src/calendar/working-days';
import { ChallengeCategory, ChallengeOutcome, ChallengeStage } from '../../../src/events/codes';
import { SeededRandom } from '../../history-generator/seeded-random';
import { SeedProfile, ServiceLevelChallenge } from '../seed-profile';
import { chooseExactly, countsFromShares, SeedPlanError, shuffled } from './exact-counts';
import { PlannedCarePeriod, PlannedChallenge, PlannedChallengeStep, PlannedChild } from './history-plan';
import { pickShare } from './plan-people';
import { randomWorkingDay, workingDaysBefore, yearEnd, yearStart, laterOf } from './seed-calendar';
import { historyEnd, reportYears } from './seed-years';

/**
 * IRO challenges (Issues Resolution Process), each year exactly the target number, split
 * by category, by the highest stage reached by the year end, and by whether the child was
 * looked after or on a protection plan; plus the service-level challenges naming several
 * children. Each climbs the stages with a response at each, by the year end; then most
 * are resolved, some with a recovery plan.
 */
type Stage = ChallengeStage;
type StageKey = '1' | '2' | '3' | '4' | 'cafcass';
const STAGE_OF: Record<StageKey, Stage> = { '1': 1, '2': 2, '3': 3, '4': 4, cafcass: 'cafcass' };
const RESPONDER: Record<string, string> = {
  '1': 'team-manager', '2': 'service-manager', '3': 'head-of-service', '4': 'director', cafcass: 'cafcass',
};

interface Draft {
  category: ChallengeCategory;
  highest: Stage;
  onAPlan: boolean;
  service?: ServiceLevelChallenge;
}

export function planChallenges(profile: SeedProfile, random: SeededRandom, children: PlannedChild[]): PlannedChallenge[] {
  const challenges: Omit<PlannedChallenge, 'challengeId'>[] = [];
  for (const year of reportYears(profile)) {
    for (const draft of draftsFor(profile, random, year)) challenges.push(dateChallenge(profile, random, children, year, draft));
  }
  challenges.sort((a, b) => (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : 0));
  return challenges.map((challenge, i) => ({ challengeId: `${profile.idPrefix}-irp-${String(i + 1).padStart(4, '0')}`, ...challenge }));
}

/** The year's challenges as exact counts: categories, highest stages, about children on a plan. */
function draftsFor(profile: SeedProfile, random: SeededRandom, year: number): Draft[] {
  const target = profile.targets.years[year].challenges;
  const services = profile.shape.challenges.serviceLevel.filter((s) => s.raisedOn >= yearStart(year) && s.raisedOn <= yearEnd(year));
  const categories = countsFromShares(target.categoryPercent, target.raised) as Record<ChallengeCategory, number>;
  const stages = { ...target.byHighestStage };
  const total = Object.values(stages).reduce((a, b) => a + b, 0);
  if (total !== target.raised) throw new SeedPlanError(`challenges in ${year} by highest stage sum to ${total}, ${target.raised} raised`);
  for (const service of services) {
    categories[service.category] -= 1;
    stages[String(service.highestStage) as StageKey] -= 1;
  }
  if (Object.values(categories).some((n) => n < 0) || Object.values(stages).some((n) => n < 0)) {
    throw new SeedPlanError(`the service-level challenges of ${year} do not fit its categories and stages`);
  }
  const single = target.raised - services.length;
  const categoryList = shuffled(random, expand(categories));
  const stageList = shuffled(random, expand(stages)).map((key) => STAGE_OF[key]);
  const drafts: Draft[] = categoryList.map((category, i) => ({ category, highest: stageList[i], onAPlan: i < target.aboutChildrenOnAPlan }));
  if (drafts.length !== single) throw new SeedPlanError(`challenges in ${year}: ${drafts.length} drafted, ${single} wanted`);
  return [
    ...shuffled(random, drafts),
    ...services.map((service) => ({ category: service.category, highest: service.highestStage as Stage, onAPlan: false, service })),
  ];
}

function expand<K extends string>(counts: Record<K, number>): K[] {
  const keys: K[] = [];
  for (const key of Object.keys(counts) as K[]) for (let i = 0; i < counts[key]; i += 1) keys.push(key);
  return keys;
}

/** The stages climbed to reach `highest`: one at a time, now and then skipping one; Cafcass from stage 4. */
function pathTo(random: SeededRandom, highest: Stage): Exclude<Stage, 1>[] {
  if (highest === 1) return [];
  if (highest === 'cafcass') return [...pathTo(random, 4), 'cafcass'];
  const path: Exclude<Stage, 1>[] = [];
  for (let stage = 2; stage <= highest; stage += 1) {
    if (stage < highest && stage >= 2 && random.chance(0.1)) continue;
    path.push(stage as 2 | 3 | 4);
  }
  return path;
}

function dateChallenge(
  profile: SeedProfile, random: SeededRandom, children: PlannedChild[], year: number, draft: Draft,
): Omit<PlannedChallenge, 'challengeId'> {
  const path = pathTo(random, draft.highest);
  // working days from raising to each step: a response 2-5 days after a stage is entered, an escalation 1-4 after that
  const gaps = path.map(() => [random.int(2, 5), random.int(1, 4)] as const);
  const climb = gaps.reduce((sum, [respond, escalate]) => sum + respond + escalate, 0);
  let raisedOn: CalendarDate;
  let childIds: string[];
  if (draft.service) {
    raisedOn = draft.service.raisedOn;
    childIds = namedByService(random, children, draft.service);
  } else {
    const first = laterOf(yearStart(year), profile.migrationDay);
    const last = workingDaysBefore(yearEnd(year), climb + 1);
    for (let attempt = 0; ; attempt += 1) {
      raisedOn = randomWorkingDay(random, first, last)!;
      const subjects = children.filter((c) => (draft.onAPlan ? onAPlan(c, raisedOn) && !lookedAfter(c, raisedOn) : lookedAfter(c, raisedOn)));
      if (subjects.length > 0) {
        childIds = [random.pick(subjects).childId];
        break;
      }
      if (attempt > 50) throw new SeedPlanError(`no child to challenge about on ${raisedOn}`);
    }
  }
  const subject = children.find((c) => c.childId === childIds[0])!;
  const raisedBy = draft.service ? `${profile.idPrefix}-iro-service-manager` : iroOn(subject, raisedOn) ?? `${profile.idPrefix}-iro-01`;
  const steps: PlannedChallengeStep[] = [];
  let on = raisedOn;
  let stage: Stage = 1;
  path.forEach((toStage, i) => {
    on = addWorkingDays(on, gaps[i][0]);
    steps.push({ type: 'respond', on, by: RESPONDER[String(stage)], response: responseText(stage) });
    on = addWorkingDays(on, gaps[i][1]);
    steps.push({ type: 'escalate', on, toStage, reason: `The response at stage ${stage} did not resolve the concern for the child.` });
    stage = toStage;
  });
  if (on > yearEnd(year)) throw new SeedPlanError(`a challenge raised on ${raisedOn} climbs past the end of ${year}`);
  resolveOrLeaveOpen(profile, random, steps, on, stage);
  return {
    childIds, raisedOn, raisedBy, category: draft.category, addressedTo: RESPONDER['1'],
    summary: draft.service?.summary ?? summaryOf(draft.category), steps,
  };
}

function resolveOrLeaveOpen(profile: SeedProfile, random: SeededRandom, steps: PlannedChallengeStep[], from: CalendarDate, stage: Stage): void {
  const end = historyEnd(profile);
  const respondedOn = addWorkingDays(from, random.int(2, 5));
  if (respondedOn > end || random.chance(profile.shape.challenges.openPercent / 100)) return;
  steps.push({ type: 'respond', on: respondedOn, by: RESPONDER[String(stage)], response: responseText(stage) });
  const resolvedOn = addWorkingDays(respondedOn, stage === 'cafcass' ? random.int(20, 60) : random.int(1, 10));
  if (resolvedOn > end) return;
  const outcome = pickShare(random, profile.shape.challenges.outcomePercent) as ChallengeOutcome;
  steps.push({
    type: 'resolve', on: resolvedOn, outcome,
    ...(outcome === 'recovery-plan-agreed' && {
      recoveryPlan: {
        actions: [
          { action: 'Care plan updated and shared with the IRO', dueBy: addWorkingDays(resolvedOn, 10) },
          { action: 'Planning meeting held on the steps to permanence', dueBy: addWorkingDays(resolvedOn, 20) },
        ],
      },
    }),
  });
}

/** The children a service-level challenge names, as the history stands on the day it is raised. */
function namedByService(random: SeededRandom, children: PlannedChild[], service: ServiceLevelChallenge): string[] {
  const on = service.raisedOn;
  const fits = children.filter((child) => {
    const period = periodOn(child, on);
    if (!period) return false;
    const placement = placementOn(period, on);
    if (service.names === 'care-order-placed-at-home') {
      return legalStatusOn(period, on) === 'C2' && ['P1', 'U1', 'U2', 'U3'].includes(placement);
    }
    if (service.names === 'living-with-family') return ['U1', 'U2', 'U3'].includes(placement);
    return true;
  });
  return chooseExactly(random, fits, service.children, `children for the service-level challenge of ${on}`).map((c) => c.childId);
}

// ---- the planned history on a day --------------------------------------------------

export function periodOn(child: PlannedChild, on: CalendarDate): PlannedCarePeriod | undefined {
  return child.periods.find((p) => p.start <= on && (p.end === undefined || on < p.end));
}

export const lookedAfter = (child: PlannedChild, on: CalendarDate): boolean => periodOn(child, on) !== undefined;

export function onAPlan(child: PlannedChild, on: CalendarDate): boolean {
  return child.plans.some((plan) => plan.heldOn <= on && (!plan.ended || on < plan.reviews[plan.reviews.length - 1]));
}

function placementOn(period: PlannedCarePeriod, on: CalendarDate): string {
  let current = period.placements[0].placementType as string;
  for (const placement of period.placements) if (placement.on <= on) current = placement.placementType;
  return current;
}

function legalStatusOn(period: PlannedCarePeriod, on: CalendarDate): string {
  let current = period.legalStatuses[0].legalStatus as string;
  for (const status of period.legalStatuses) if (status.on <= on) current = status.legalStatus;
  return current;
}

export function iroOn(child: PlannedChild, on: CalendarDate): string | undefined {
  let iroId: string | undefined;
  for (const allocation of child.iroAllocations) if (allocation.on <= on) iroId = allocation.iroId;
  return iroId;
}

const SUMMARIES: Record<ChallengeCategory, string> = {
  'drift-and-delay': 'The care plan has not progressed since the last review; actions agreed are overdue.',
  'care-planning': 'The care plan does not reflect the child\'s current needs and wishes.',
  permanence: 'No permanence plan by the second review.',
  placement: 'The placement does not meet the child\'s assessed needs.',
  'statutory-visits': 'Statutory visits to the child are overdue.',
  health: 'The health assessment is overdue.',
  education: 'The personal education plan is missing or out of date.',
  contact: 'Family time arrangements are not in line with the plan.',
  'legal-status': 'The child\'s legal status does not match the plan.',
  assessment: 'The assessment the plan rests on is out of date.',
  participation: 'The child was not prepared for or consulted about the review.',
  other: 'Another concern about the child\'s plan.',
};

const summaryOf = (category: ChallengeCategory): string => SUMMARIES[category];
const responseText = (stage: Stage): string => `Response at stage ${stage}: actions proposed with dates.`;
