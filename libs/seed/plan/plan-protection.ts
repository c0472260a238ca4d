import { addDays, CalendarDate } from '../../../src/calendar/calendar-date';
import { addMonths } from '../../../src/calendar/calendar-months';
import { CategoryOfAbuse } from '../../../src/events/codes';
import { SeededRandom } from '../../history-generator/seeded-random';
import { EndKey, Flow, SeedProfile, StartKey } from '../seed-profile';
import { chooseExactly, countOf, countsFromShares, SeedPlanError, shuffled } from './exact-counts';
import { PlannedInitialConference, PlannedProtectionPlan } from './history-plan';
import {
  randomWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore, workingDaysBefore, yearEnd, yearStart,
} from './seed-calendar';
import { reportYears, historyEnd, stocksOf } from './seed-years';

/**
 * Child protection, planned to the profile: plans by start and end year (the flows), the
 * repeat-plan families, children returning for a later plan, unborn children at the year
 * end; then each plan's initial and review conferences, which of them are late, each
 * plan's category of abuse and previous plans, exactly as the targets ask.
 */
export interface ProtectionChild {
  key: number;
  familyId?: string;
  unborn: boolean;
  plans: ProtectionSlot[];
  withoutPlan: PlannedInitialConference[];
  /** the care period this child comes into from its plan (set by the care planner) */
  comesIntoCare?: boolean;
}

export type SlotRole = 'single' | 'family-first' | 'family-second' | 'returning-first' | 'returning-second';

export interface ProtectionSlot {
  from: StartKey;
  to: EndKey;
  role: SlotRole;
  /** in a year with a 2-year target: whether the plan lasts 2 years or more when it ends */
  long?: boolean;
  family?: number;
  plan: PlannedProtectionPlan;
}

export interface ProtectionPlanning {
  children: ProtectionChild[];
}

export function planProtection(profile: SeedProfile, random: SeededRandom): ProtectionPlanning {
  const { flows } = profile.shape.protection;
  checkProtectionFlows(profile);
  const pool = slotPool(flows);
  const children: ProtectionChild[] = [];
  const newChild = (unborn = false, familyId?: string): ProtectionChild => {
    const child: ProtectionChild = { key: children.length, unborn, plans: [], withoutPlan: [], ...(familyId && { familyId }) };
    children.push(child);
    return child;
  };

  // repeat-plan families: two plans each, dated together (siblings share their conferences)
  const families: { children: ProtectionChild[]; first: ProtectionSlot[]; second: ProtectionSlot[] }[] = [];
  profile.shape.protection.repeatPlanFamilies.forEach((family, index) => {
    const familyId = `${profile.idPrefix}-fam-${String(index + 1).padStart(3, '0')}`;
    const members = Array.from({ length: family.children }, () => newChild(false, familyId));
    const first = members.map((child) => takeSlot(pool, family.first.from, family.first.to, child, 'family-first', index));
    const second = members.map((child) => takeSlot(pool, family.second.from, family.second.to, child, 'family-second', index));
    families.push({ children: members, first, second });
  });

  // children whose later plan is a repeat of one that started before the last two years
  for (const [yearText, count] of Object.entries(profile.shape.protection.returningChildren)) {
    const year = Number(yearText);
    const seconds = chooseExactly(random, pool.filter((s) => s.from === year), count, `plans starting in ${year} for returning children`);
    const firsts = chooseExactly(
      random,
      pool.filter((s) => s.to !== 'open' && s.to < year && (s.from === 'before' || s.from <= year - 2)),
      count,
      `earlier plans for children returning in ${year}`,
    );
    seconds.forEach((second, i) => {
      const child = newChild();
      claimSlot(pool, firsts[i], child, 'returning-first');
      claimSlot(pool, second, child, 'returning-second');
    });
  }

  // unborn children on a plan at the report year end: a pre-birth conference in its last quarter
  const unbornCount = countsFromShares(profile.targets.yearEnd.onPlanBySexPercent, stocksOf(profile, flows).get(profile.reportYear)!).unborn ?? 0;
  const unbornSlots = chooseExactly(
    random, pool.filter((s) => s.from === profile.reportYear && s.to === 'open'), unbornCount, 'open plans for unborn children',
  );
  for (const slot of unbornSlots) claimSlot(pool, slot, newChild(true), 'single');
  for (const slot of [...pool]) claimSlot(pool, slot, newChild(), 'single');

  chooseLongPlans(profile, random, children);
  for (const family of families) dateFamily(profile, random, family);
  for (const child of children) if (child.familyId === undefined) dateChild(profile, random, child);

  addConferencesWithoutPlan(profile, random, newChild);
  timeInitialConferences(profile, random, children);
  makeReviewConferencesLate(profile, random, children);
  assignCategories(profile, random, children);
  assignPreviousPlans(profile, random, children);
  checkChildrenOnAPlan(profile, children);
  return { children };
}

// ---- flows and slots -------------------------------------------------------------

function checkProtectionFlows(profile: SeedProfile): void {
  const stocks = stocksOf(profile, profile.shape.protection.flows);
  for (const year of reportYears(profile)) {
    const target = profile.targets.years[year].protection;
    const started = startedIn(profile.shape.protection.flows, year);
    if (started !== target.plansStarted) {
      throw new SeedPlanError(`protection flows start ${started} plans in ${year}, the target is ${target.plansStarted}`);
    }
    if (stocks.get(year) !== target.onPlanAtYearEnd) {
      throw new SeedPlanError(`protection flows leave ${stocks.get(year)} on a plan at the end of ${year}, the target is ${target.onPlanAtYearEnd}`);
    }
  }
}

export const startedIn = (flows: Flow[], year: number): number =>
  flows.filter((f) => f.from === year).reduce((sum, f) => sum + f.count, 0);

function slotPool(flows: Flow[]): ProtectionSlot[] {
  const pool: ProtectionSlot[] = [];
  for (const flow of flows) {
    for (let i = 0; i < flow.count; i += 1) pool.push({ from: flow.from, to: flow.to, role: 'single', plan: emptyPlan() });
  }
  return pool;
}

const emptyPlan = (): PlannedProtectionPlan => ({
  strategyDiscussionOn: '', heldOn: '', categoryOfAbuse: 'NEG', reviews: [], ended: false,
});

function takeSlot(pool: ProtectionSlot[], from: StartKey, to: EndKey, child: ProtectionChild, role: SlotRole, family: number): ProtectionSlot {
  const slot = pool.find((s) => s.from === from && s.to === to);
  if (!slot) throw new SeedPlanError(`no protection flow left from ${from} to ${to} for a repeat-plan family`);
  claimSlot(pool, slot, child, role);
  slot.family = family;
  return slot;
}

function claimSlot(pool: ProtectionSlot[], slot: ProtectionSlot, child: ProtectionChild, role: SlotRole): void {
  pool.splice(pool.indexOf(slot), 1);
  slot.role = role;
  child.plans.push(slot);
}

// ---- plans lasting two years ---------------------------------------------------

/** The earliest and latest start a slot's plan can have: one open when the history starts began up to 30 months before. */
function startRange(profile: SeedProfile, from: StartKey, long?: boolean): [CalendarDate, CalendarDate] {
  if (from === 'before') {
    return [addMonths(yearStart(profile.firstYear), long ? -30 : -15), addDays(yearStart(profile.firstYear), -1)];
  }
  return [yearStart(from), yearEnd(from)];
}

function chooseLongPlans(profile: SeedProfile, random: SeededRandom, children: ProtectionChild[]): void {
  const slots = children.flatMap((c) => c.plans);
  for (const year of reportYears(profile)) {
    const percent = profile.targets.years[year].protection.plansEndedLasting2YearsPercent;
    if (percent === undefined) continue;
    const ending = slots.filter((s) => s.to === year);
    const wanted = countOf(percent, ending.length);
    const must: ProtectionSlot[] = [];
    const may: ProtectionSlot[] = [];
    for (const slot of ending) {
      const [earliest, latest] = startRange(profile, slot.from, true);
      if (addMonths(latest, 24) <= yearStart(year)) must.push(slot);
      else if (slot.role === 'single' && addMonths(earliest, 24) <= addDays(yearEnd(year), -60)) may.push(slot);
      else slot.long = false;
    }
    if (must.length > wanted) throw new SeedPlanError(`${must.length} plans ending in ${year} must last 2 years, the target is ${wanted}`);
    for (const slot of must) slot.long = true;
    const chosen = new Set(chooseExactly(random, may, wanted - must.length, `plans ending in ${year} that can last 2 years`));
    for (const slot of may) slot.long = chosen.has(slot);
  }
}

// ---- dates -------------------------------------------------------------------------

interface DatingRule {
  notBefore?: CalendarDate;
  /** the plan must end by then (to leave room for the next) */
  endBy?: CalendarDate;
  /** a pre-birth plan: starts in the report year's last quarter */
  unborn?: boolean;
}

function dateChild(profile: SeedProfile, random: SeededRandom, child: ProtectionChild): void {
  let notBefore: CalendarDate | undefined;
  child.plans.forEach((slot, index) => {
    const next = child.plans[index + 1];
    const endBy = next && next.from === slot.to ? addDays(yearEnd(slot.to as number), -45) : undefined;
    datePlan(profile, random, slot, { notBefore, endBy, unborn: child.unborn });
    notBefore = addDays(lastConferenceOf(slot.plan), 14);
  });
}

function dateFamily(
  profile: SeedProfile,
  random: SeededRandom,
  family: { children: ProtectionChild[]; first: ProtectionSlot[]; second: ProtectionSlot[] },
): void {
  const [first] = family.first;
  const [second] = family.second;
  const endBy = second.from === first.to ? addDays(yearEnd(first.to as number), -45) : undefined;
  datePlan(profile, random, first, { endBy });
  datePlan(profile, random, second, { notBefore: addDays(lastConferenceOf(first.plan), 14) });
  for (const slot of [...family.first.slice(1)]) copyDates(first, slot);
  for (const slot of [...family.second.slice(1)]) copyDates(second, slot);
}

const copyDates = (from: ProtectionSlot, to: ProtectionSlot): void => {
  to.plan = { ...from.plan, reviews: [...from.plan.reviews] };
};

const lastConferenceOf = (plan: PlannedProtectionPlan): CalendarDate => plan.reviews[plan.reviews.length - 1] ?? plan.heldOn;

/**
 * A plan's initial conference (a working day in its start year), then its review
 * conferences (3 months, then 6-monthly, held up to `heldEarlyByDaysAtMost` days early);
 * an ended plan ends at a review conference in its end year, lasting 2 years or not as
 * chosen. Tries start days until one fits.
 */
function datePlan(profile: SeedProfile, random: SeededRandom, slot: ProtectionSlot, rule: DatingRule): void {
  const [earliest, latest] = startRange(profile, slot.from, slot.long);
  let from = rule.notBefore && rule.notBefore > earliest ? rule.notBefore : earliest;
  if (rule.unborn) from = addDays(yearEnd(profile.reportYear), -85);
  const early = profile.shape.protection.heldEarlyByDaysAtMost;
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const start = randomWorkingDay(random, from, latest);
    if (!start) break;
    const chain: CalendarDate[] = [];
    for (let due = addMonths(start, 3); ; ) {
      const held = workingDayOnOrBefore(addDays(due, -random.int(0, early)));
      if (held > historyEnd(profile)) break;
      chain.push(held);
      due = addMonths(held, 6);
    }
    if (slot.to === 'open') {
      slot.plan = { ...slot.plan, heldOn: start, reviews: chain, ended: false };
      return;
    }
    const endYear = slot.to;
    const endings = chain
      .map((held, index) => ({ held, index }))
      .filter(({ held }) => held >= yearStart(endYear) && held <= yearEnd(endYear) && (!rule.endBy || held <= rule.endBy))
      .filter(({ held }) => slot.long === undefined || (held >= addMonths(start, 24)) === slot.long);
    if (endings.length === 0) continue;
    const ending = endings[random.int(0, endings.length - 1)];
    slot.plan = { ...slot.plan, heldOn: start, reviews: chain.slice(0, ending.index + 1), ended: true };
    return;
  }
  throw new SeedPlanError(`no dates fit a protection plan from ${slot.from} to ${slot.to} (${slot.role})`);
}

// ---- conferences without a plan, timeliness ---------------------------------------

function addConferencesWithoutPlan(profile: SeedProfile, random: SeededRandom, newChild: () => ProtectionChild): void {
  for (const year of reportYears(profile)) {
    const count = profile.targets.years[year].protection.initialConferencesWithoutPlan;
    for (let i = 0; i < count; i += 1) {
      const heldOn = randomWorkingDay(random, year === profile.firstYear ? profile.migrationDay : yearStart(year), yearEnd(year))!;
      newChild().withoutPlan.push({ strategyDiscussionOn: '', heldOn });
    }
  }
}

/**
 * Exactly the target share of each year's initial conferences held within 15 working
 * days of the strategy discussion: the discussion is dated back from the conference.
 */
function timeInitialConferences(profile: SeedProfile, random: SeededRandom, children: ProtectionChild[]): void {
  const conferences: PlannedInitialConference[] = children.flatMap((c) => [...c.plans.map((s) => s.plan), ...c.withoutPlan]);
  const inTime = new Set<PlannedInitialConference>();
  for (const year of reportYears(profile)) {
    const held = conferences.filter((c) => c.heldOn >= yearStart(year) && c.heldOn <= yearEnd(year));
    const count = countOf(profile.targets.years[year].protection.initialConferencesInTimescalePercent, held.length);
    for (const conference of chooseExactly(random, held, count, `initial conferences in time in ${year}`)) inTime.add(conference);
  }
  for (const conference of conferences) {
    const beforeHistory = conference.heldOn < yearStart(profile.firstYear);
    const timely = beforeHistory ? random.chance(0.9) : inTime.has(conference);
    const workingDays = timely ? random.int(6, 15) : 15 + random.int(1, 20);
    conference.strategyDiscussionOn = workingDaysBefore(conference.heldOn, workingDays);
  }
}

/**
 * Exactly the target share of each year's review conferences held in time. A late one is
 * moved after its due date; the conferences after it keep their dates, which stay in time
 * (their due dates only move later). Plan-ending conferences and siblings' shared
 * conferences keep their dates.
 */
function makeReviewConferencesLate(profile: SeedProfile, random: SeededRandom, children: ProtectionChild[]): void {
  const plans = children.flatMap((c) => c.plans).filter((s) => s.family === undefined).map((s) => s.plan);
  const late = new Set<string>();
  const keyOf = (plan: PlannedProtectionPlan, index: number) => `${plans.indexOf(plan)}:${index}`;
  const lateBy = profile.shape.protection.lateByDaysAtMost;
  for (const year of reportYears(profile)) {
    const heldInYear: { plan: PlannedProtectionPlan; index: number }[] = [];
    for (const plan of children.flatMap((c) => c.plans).map((s) => s.plan)) {
      plan.reviews.forEach((held, index) => {
        if (held >= yearStart(year) && held <= yearEnd(year)) heldInYear.push({ plan, index });
      });
    }
    const wanted = heldInYear.length - countOf(profile.targets.years[year].protection.reviewConferencesInTimescalePercent, heldInYear.length);
    let made = 0;
    for (const { plan, index } of shuffled(random, heldInYear.filter(({ plan }) => plans.includes(plan)))) {
      if (made >= wanted) break;
      const isEnding = plan.ended && index === plan.reviews.length - 1;
      if (isEnding || late.has(keyOf(plan, index + 1))) continue;
      const previous = index === 0 ? plan.heldOn : plan.reviews[index - 1];
      const due = addMonths(previous, index === 0 ? 3 : 6);
      const heldLate = workingDayOnOrAfter(addDays(due, random.int(1, lateBy)));
      const next = plan.reviews[index + 1];
      if (heldLate > yearEnd(year) || (next !== undefined && heldLate >= addDays(next, -7))) continue;
      plan.reviews[index] = heldLate;
      late.add(keyOf(plan, index));
      made += 1;
    }
    if (made < wanted) throw new SeedPlanError(`only ${made} of ${wanted} review conferences in ${year} could be made late`);
  }
}

// ---- categories and previous plans ------------------------------------------------

function assignCategories(profile: SeedProfile, random: SeededRandom, children: ProtectionChild[]): void {
  const slots = children.flatMap((c) => c.plans);
  for (const slot of slots.filter((s) => s.from === 'before')) {
    slot.plan.categoryOfAbuse = random.weighted(sharesAsChoices(profile.shape.protection.defaultCategoryPercent));
  }
  for (const year of reportYears(profile)) {
    const starting = slots.filter((s) => s.from === year);
    const counts = countsFromShares(profile.targets.years[year].protection.categoryPercent, starting.length);
    // siblings in a repeat-plan family share a category: most often neglect
    const groups = new Map<string, ProtectionSlot[]>();
    for (const slot of starting) {
      const key = slot.family !== undefined ? `family-${slot.family}-${slot.role}` : `single-${groups.size}`;
      groups.set(key, [...(groups.get(key) ?? []), slot]);
    }
    const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
    const families = ordered.filter((g) => g.length > 1 || g[0].family !== undefined);
    const singles = shuffled(random, ordered.filter((g) => !families.includes(g)));
    for (const group of [...families, ...singles]) {
      const category = (Object.keys(counts) as CategoryOfAbuse[]).find((c) => counts[c] >= group.length);
      if (!category) throw new SeedPlanError(`no category of abuse left for ${group.length} plans starting in ${year}`);
      counts[category] -= group.length;
      for (const slot of group) slot.plan.categoryOfAbuse = category;
    }
  }
}

function sharesAsChoices<K extends string>(shares: Partial<Record<K, number>>): [K, number][] {
  return (Object.keys(shares) as K[]).map((key) => [key, shares[key] ?? 0]);
}

/**
 * previousPlanCount: what the repeat structure implies (a family's earlier plans, a
 * second plan), then plans given earlier plans before the history, up to each year's
 * repeat-plan target.
 */
function assignPreviousPlans(profile: SeedProfile, random: SeededRandom, children: ProtectionChild[]): void {
  const families = profile.shape.protection.repeatPlanFamilies;
  for (const child of children) {
    child.plans.forEach((slot, index) => {
      const earlier = slot.family !== undefined ? families[slot.family].earlierPlans : 0;
      if (index > 0 || earlier > 0) slot.plan.previousPlanCount = earlier + index;
    });
  }
  const slots = children.flatMap((c) => c.plans);
  for (const slot of slots.filter((s) => s.from === 'before')) {
    if (random.chance(0.18)) slot.plan.previousPlanCount = 1;
  }
  for (const year of reportYears(profile)) {
    const starting = slots.filter((s) => s.from === year);
    const wanted = countOf(profile.targets.years[year].protection.repeatPlansPercent, starting.length);
    const repeats = starting.filter((s) => (s.plan.previousPlanCount ?? 0) > 0).length;
    if (repeats > wanted) throw new SeedPlanError(`${repeats} plans starting in ${year} are repeats by structure, the target is ${wanted}`);
    const firstPlans = starting.filter((s) => s.role === 'single' && s.plan.previousPlanCount === undefined);
    const unborn = new Set(children.filter((c) => c.unborn).flatMap((c) => c.plans));
    const chosen = chooseExactly(random, firstPlans.filter((s) => !unborn.has(s)), wanted - repeats, `plans starting in ${year} after earlier plans`);
    for (const slot of chosen) slot.plan.previousPlanCount = random.chance(0.8) ? 1 : 2;
  }
}

/** Children on a plan during each year and at its end, counted from the dated plans, must be the targets. */
function checkChildrenOnAPlan(profile: SeedProfile, children: ProtectionChild[]): void {
  for (const year of reportYears(profile)) {
    const target = profile.targets.years[year].protection;
    const start = yearStart(year);
    const end = yearEnd(year);
    const during = children.filter((c) => c.plans.some(({ plan }) => plan.heldOn <= end && (!plan.ended || lastConferenceOf(plan) >= start))).length;
    const atEnd = children.filter((c) => c.plans.some(({ plan }) => plan.heldOn <= end && (!plan.ended || lastConferenceOf(plan) > end))).length;
    if (target.childrenOnAPlanDuringYear !== undefined && during !== target.childrenOnAPlanDuringYear) {
      throw new SeedPlanError(`${during} children are on a plan during ${year}, the target is ${target.childrenOnAPlanDuringYear}`);
    }
    if (atEnd !== target.onPlanAtYearEnd) {
      throw new SeedPlanError(`${atEnd} children are on a plan at the end of ${year}, the target is ${target.onPlanAtYearEnd}`);
    }
  }
}
