import { addDays, CalendarDate, daysBetween } from '../../../src/calendar/calendar-date';
import { SeededRandom } from '../../history-generator/seeded-random';
import { EndKey, SeedProfile, StartKey } from '../seed-profile';
import { chooseExactly, SeedPlanError } from './exact-counts';
import { ProtectionChild, ProtectionPlanning, ProtectionSlot } from './plan-protection';
import { randomDay, yearEnd, yearStart } from './seed-calendar';
import { reportYears, stocksOf } from './seed-years';

/**
 * The children looked after, planned to the profile's flows: periods of care by start and
 * end year, children who leave and come back in a later year, children who come into care
 * from a protection plan (the plan ends at a review conference a few weeks later). Gives
 * each period its start and end day; a period open when the history starts gets its start
 * once the child's age is known (see plan-people).
 */
export interface CareChild {
  key: number;
  periods: CareSlot[];
  /** the child's protection history, when it came into care from a plan */
  protection?: ProtectionChild;
}

export interface CareSlot {
  from: StartKey;
  to: EndKey;
  /** null until planned (periods open when the history starts) */
  start: CalendarDate | null;
  end?: CalendarDate;
  child: CareChild;
}

export function planCareCohort(profile: SeedProfile, random: SeededRandom, protection: ProtectionPlanning): CareChild[] {
  checkCareFlows(profile);
  const children: CareChild[] = [];
  for (const flow of profile.shape.lookedAfter.flows) {
    for (let i = 0; i < flow.count; i += 1) {
      const child: CareChild = { key: children.length, periods: [] };
      child.periods.push({ from: flow.from, to: flow.to, start: null, child });
      children.push(child);
    }
  }
  const merged = mergeReturns(profile, random, children);
  linkProtectionPlans(profile, random, merged, protection);
  for (const child of merged) datePeriods(profile, random, child);
  return merged;
}

function checkCareFlows(profile: SeedProfile): void {
  const { flows } = profile.shape.lookedAfter;
  for (const year of reportYears(profile)) {
    const started = flows.filter((f) => f.from === year).reduce((sum, f) => sum + f.count, 0);
    const target = profile.targets.years[year].lookedAfter.started;
    if (started !== target) throw new SeedPlanError(`care flows start ${started} children in ${year}, the target is ${target}`);
  }
  const atYearEnd = stocksOf(profile, flows).get(profile.reportYear);
  const { male, female } = profile.targets.yearEnd.bySex;
  if (atYearEnd !== male + female) {
    throw new SeedPlanError(`care flows leave ${atYearEnd} looked after at the year end, the target is ${male + female}`);
  }
}

/** A child who left in one year and came back in a later one: two flow slots become one child. */
function mergeReturns(profile: SeedProfile, random: SeededRandom, children: CareChild[]): CareChild[] {
  const gone = new Set<CareChild>();
  for (const { left, returned, children: count } of profile.shape.lookedAfter.returns) {
    if (returned <= left) throw new SeedPlanError(`a child cannot return in ${returned} after leaving in ${left}`);
    const single = (c: CareChild) => !gone.has(c) && c.periods.length === 1;
    const leavers = chooseExactly(random, children.filter((c) => single(c) && c.periods[0].to === left), count, `children leaving care in ${left}`);
    const comers = chooseExactly(
      random, children.filter((c) => single(c) && c.periods[0].from === returned && !leavers.includes(c)), count,
      `children coming back into care in ${returned}`,
    );
    leavers.forEach((leaver, i) => {
      const second = comers[i].periods[0];
      second.child = leaver;
      leaver.periods.push(second);
      gone.add(comers[i]);
    });
  }
  return children.filter((c) => !gone.has(c)).map((c, key) => ({ ...c, key })).map((c) => {
    for (const period of c.periods) period.child = c;
    return c;
  });
}

/**
 * Children coming into care from a protection plan: the plan ends at a review conference
 * in the year, the care period starts up to four weeks before it.
 */
function linkProtectionPlans(profile: SeedProfile, random: SeededRandom, children: CareChild[], protection: ProtectionPlanning): void {
  for (const [yearText, count] of Object.entries(profile.shape.lookedAfter.fromProtectionPlan)) {
    const year = Number(yearText);
    const plans = protection.children.filter(
      (c) => !c.unborn && c.familyId === undefined && c.plans.length === 1 && c.plans[0].role === 'single' &&
        c.plans[0].to === year && planEnd(c.plans[0]) >= addDays(yearStart(year), 30) &&
        daysBetween(c.plans[0].plan.heldOn, planEnd(c.plans[0])) > 45,
    );
    const linkedPlans = chooseExactly(random, plans, count, `protection plans ending in ${year} for children coming into care`);
    const entrants = chooseExactly(
      random,
      children.filter((c) => c.periods.length === 1 && c.periods[0].from === year && c.periods[0].to !== year && !c.protection),
      count,
      `children coming into care in ${year} from a protection plan`,
    );
    entrants.forEach((child, i) => {
      const plan = linkedPlans[i];
      child.protection = plan;
      plan.comesIntoCare = true;
      child.periods[0].start = addDays(planEnd(plan.plans[0]), -random.int(3, 28));
    });
  }
}

const planEnd = (slot: ProtectionSlot): CalendarDate => slot.plan.reviews[slot.plan.reviews.length - 1];

/** Start and end days in the flow years; a short stay when a period starts and ends in one year. */
function datePeriods(profile: SeedProfile, random: SeededRandom, child: CareChild): void {
  let notBefore: CalendarDate | undefined;
  for (const period of child.periods) {
    if (period.from !== 'before' && period.start === null) {
      const earliest = notBefore && notBefore > yearStart(period.from) ? notBefore : yearStart(period.from);
      const latest = period.to === period.from ? addDays(yearEnd(period.from), -21) : yearEnd(period.from);
      period.start = randomDay(random, earliest, latest);
    }
    if (period.to !== 'open') {
      const begin = period.start ?? yearStart(profile.firstYear);
      const earliest = period.from === period.to ? addDays(begin, 14) : yearStart(period.to);
      const shortStay = period.from === period.to ? addDays(begin, 14 + Math.round(random.exponential(90))) : undefined;
      const latest = yearEnd(period.to);
      period.end = shortStay && shortStay <= latest ? shortStay : randomDay(random, earliest, latest);
      if (period.start !== null && period.end <= addDays(period.start, 7)) {
        throw new SeedPlanError(`a period of care from ${period.start} cannot end on ${period.end}`);
      }
      notBefore = addDays(period.end, 30);
    }
  }
}
