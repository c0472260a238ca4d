import { addDays, CalendarDate } from '../../../src/calendar/calendar-date';
import { addMonths } from '../../../src/calendar/calendar-months';
import { EthnicityCode, Sex } from '../../../src/events/codes';
import { SeededRandom } from '../../history-generator/seeded-random';
import { SeedProfile, Shares } from '../seed-profile';
import { countsFromShares, SeedPlanError, shuffled } from './exact-counts';
import { PlannedCarePeriod, PlannedChild } from './history-plan';
import { CareChild, CareSlot } from './plan-care-cohort';
import { ProtectionChild } from './plan-protection';
import { earlierOf, laterOf, yearStart } from './seed-calendar';
import { historyEnd } from './seed-years';

export type AgeGroupKey = 'under1' | '1-4' | '5-9' | '10-15' | '16+';
const AGE_YEARS: Record<AgeGroupKey, [number, number]> = {
  under1: [0, 0], '1-4': [1, 4], '5-9': [5, 9], '10-15': [10, 15], '16+': [16, 17],
};

/**
 * Who the children are: sex, date of birth (or expected date, unborn), ethnicity. The
 * children looked after at the report year end get exactly the year end's split by sex,
 * age group and ethnicity; the children on a plan then exactly its split by sex (unborn
 * apart). Every date of birth fits the child's records (none before birth, none looked
 * after at 18). Periods of care open when the history starts get their start here.
 */
export interface People {
  children: PlannedChild[];
  ofCare: Map<CareChild, PlannedChild>;
  ofProtection: Map<ProtectionChild, PlannedChild>;
  periodOf: Map<CareSlot, PlannedCarePeriod>;
}

export function planPeople(
  profile: SeedProfile, random: SeededRandom, care: CareChild[], protection: ProtectionChild[],
): People {
  const people: People = { children: [], ofCare: new Map(), ofProtection: new Map(), periodOf: new Map() };
  const open = care.filter((c) => c.periods.some((p) => p.to === 'open'));
  const closed = care.filter((c) => !open.includes(c));
  const yearEndShares = profile.targets.yearEnd;
  const ethnicities = yearEndShares.byEthnicityPercent;

  // the children looked after at the year end: exact splits
  const sexes = exactSexes(random, open.length, { male: yearEndShares.bySex.male, female: yearEndShares.bySex.female });
  const ethnicityOf = exactKeys(random, countsFromShares(ethnicities, open.length));
  const dobs = datesOfBirthAtYearEnd(profile, random, open);
  open.forEach((child, i) => addCareChild(profile, random, people, child, sexes[i], dobs.get(child)!, ethnicityOf[i]));
  for (const child of closed) {
    const dob = dateOfBirthForClosedCare(profile, random, child);
    addCareChild(profile, random, people, child, random.chance(0.54) ? 'male' : 'female', dob, pickShare(random, ethnicities));
  }

  // children on a plan (not already looked after): exact split by sex of those on a plan at the year end
  const onPlanOnly = protection.filter((c) => !c.comesIntoCare);
  const end = historyEnd(profile);
  const openAtEnd = onPlanOnly.filter((c) => !c.unborn && c.plans.some(({ plan }) => !plan.ended));
  const onPlanShares = profile.targets.yearEnd.onPlanBySexPercent;
  const atEnd = countsFromShares(onPlanShares, openAtEnd.length + onPlanOnly.filter((c) => c.unborn).length);
  const planSexes = exactSexes(random, openAtEnd.length, { male: atEnd.male ?? 0, female: atEnd.female ?? 0 });
  const sexOf = new Map(openAtEnd.map((c, i) => [c, planSexes[i]]));
  for (const child of onPlanOnly) {
    const planned = newChild(people);
    if (child.familyId) planned.familyId = child.familyId;
    if (child.unborn) {
      const icpc = child.plans[0].plan.heldOn;
      planned.sex = 'unknown';
      planned.expectedDateOfBirth = addDays(laterOf(addDays(icpc, 40), addDays(end, 7)), random.int(0, 60));
    } else {
      planned.sex = sexOf.get(child) ?? (random.chance(0.51) ? 'male' : 'female');
      planned.dateOfBirth = dateOfBirthForProtection(profile, random, child);
    }
    planned.ethnicity = pickShare(random, ethnicities);
    attachProtection(planned, child);
    people.ofProtection.set(child, planned);
  }
  return people;
}

function newChild(people: People): PlannedChild {
  const child: PlannedChild = {
    childId: '', sex: 'unknown', periods: [], plans: [], initialConferencesWithoutPlan: [], iroAllocations: [],
  };
  people.children.push(child);
  return child;
}

function attachProtection(planned: PlannedChild, child: ProtectionChild): void {
  planned.plans.push(...child.plans.map((slot) => slot.plan));
  planned.initialConferencesWithoutPlan.push(...child.withoutPlan);
}

function addCareChild(
  profile: SeedProfile, random: SeededRandom, people: People, child: CareChild, sex: Sex, dob: CalendarDate, ethnicity: EthnicityCode,
): void {
  const planned = newChild(people);
  planned.sex = sex;
  planned.dateOfBirth = dob;
  planned.ethnicity = ethnicity;
  for (const slot of child.periods) {
    if (slot.start === null) slot.start = startBeforeHistory(profile, random, dob, slot);
    const period: PlannedCarePeriod = {
      start: slot.start, ...(slot.end && { end: slot.end }), legalStatuses: [], placements: [], reviews: [],
    };
    planned.periods.push(period);
    people.periodOf.set(slot, period);
  }
  if (child.protection) {
    attachProtection(planned, child.protection);
    people.ofProtection.set(child.protection, planned);
  }
  people.ofCare.set(child, planned);
}

/** A period open when the history starts began after birth, more often in the last few years. */
function startBeforeHistory(profile: SeedProfile, random: SeededRandom, dob: CalendarDate, slot: CareSlot): CalendarDate {
  const latest = addDays(yearStart(profile.firstYear), -1);
  const back = Math.round(random.exponential(900));
  const start = laterOf(addDays(latest, -back), addDays(dob, 1));
  if (slot.end && slot.end <= addDays(start, 7)) throw new SeedPlanError(`a period of care from ${start} cannot end on ${slot.end}`);
  return start > latest ? latest : start;
}

// ---- dates of birth --------------------------------------------------------------

/** The latest a child's date of birth can be: before its first record. */
function latestBirth(profile: SeedProfile, child: CareChild): CalendarDate {
  const first = child.periods[0];
  let latest = first.start ?? addDays(yearStart(profile.firstYear), -2);
  if (child.protection) {
    for (const slot of child.protection.plans) latest = earlierOf(latest, slot.plan.strategyDiscussionOn);
  }
  return latest;
}

/** The first and last day of birth that makes a child `group` years old on `on`. */
function birthRange(on: CalendarDate, group: AgeGroupKey): [CalendarDate, CalendarDate] {
  const [youngest, oldest] = AGE_YEARS[group];
  return [addDays(addMonths(on, -12 * (oldest + 1)), 1), addMonths(on, -12 * youngest)];
}

/** Ages at the year end exactly as its split by age group, youngest first (they fit fewest children). */
function datesOfBirthAtYearEnd(profile: SeedProfile, random: SeededRandom, open: CareChild[]): Map<CareChild, CalendarDate> {
  const end = historyEnd(profile);
  const counts = countsFromShares(profile.targets.yearEnd.byAgeGroupPercent, open.length);
  const dobs = new Map<CareChild, CalendarDate>();
  for (const group of ['under1', '1-4', '5-9', '10-15', '16+'] as AgeGroupKey[]) {
    const [first, last] = birthRange(end, group);
    const fits = shuffled(random, open.filter((c) => !dobs.has(c) && latestBirth(profile, c) >= first));
    const wanted = counts[group] ?? 0;
    if (fits.length < wanted) throw new SeedPlanError(`only ${fits.length} children looked after at the year end can be aged ${group}, ${wanted} wanted`);
    for (const child of fits.slice(0, wanted)) {
      dobs.set(child, dayBetween(random, first, earlierOf(last, latestBirth(profile, child))));
    }
  }
  return dobs;
}

function dateOfBirthForClosedCare(profile: SeedProfile, random: SeededRandom, child: CareChild): CalendarDate {
  const latest = latestBirth(profile, child);
  const lastEnd = child.periods[child.periods.length - 1].end!;
  const earliest = addDays(addMonths(lastEnd, -12 * 18), 1);
  const startOn = child.periods[0].start ?? yearStart(profile.firstYear);
  // a care leaver: looked after to the day before the 18th birthday
  const eighteenOnLeaving = addMonths(lastEnd, -12 * 18);
  if (random.chance(profile.shape.lookedAfter.leavingAt18Percent / 100) && eighteenOnLeaving <= addMonths(startOn, -12 * 13)) {
    return eighteenOnLeaving;
  }
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const group = pickShare(random, profile.shape.lookedAfter.ageOnStartingPercent);
    const [first, last] = birthRange(startOn, group);
    const from = laterOf(first, earliest);
    const to = earlierOf(last, latest);
    if (from <= to) return dayBetween(random, from, to);
  }
  if (earliest > latest) throw new SeedPlanError(`no date of birth fits a child in care from ${startOn} to ${lastEnd}`);
  return dayBetween(random, earliest, latest);
}

function dateOfBirthForProtection(profile: SeedProfile, random: SeededRandom, child: ProtectionChild): CalendarDate {
  const records = child.plans.length > 0 ? child.plans.map((s) => s.plan) : child.withoutPlan;
  const firstRecord = records.map((r) => r.strategyDiscussionOn).reduce(earlierOf);
  const lastRecord = child.plans.length > 0
    ? child.plans.map((s) => s.plan.reviews[s.plan.reviews.length - 1] ?? s.plan.heldOn).reduce(laterOf)
    : records.map((r) => r.heldOn).reduce(laterOf);
  const earliest = addDays(addMonths(lastRecord, -12 * 18), 1);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const [first, last] = birthRange(firstRecord, pickShare(random, profile.shape.protection.ageOnFirstPlanPercent));
    const from = laterOf(first, earliest);
    const to = earlierOf(last, firstRecord);
    if (from <= to) return dayBetween(random, from, to);
  }
  return dayBetween(random, earliest, firstRecord);
}

function dayBetween(random: SeededRandom, from: CalendarDate, to: CalendarDate): CalendarDate {
  if (to < from) throw new SeedPlanError(`no day between ${from} and ${to}`);
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, random.int(0, span));
}

// ---- exact splits ------------------------------------------------------------------

function exactSexes(random: SeededRandom, total: number, counts: { male: number; female: number }): Sex[] {
  if (counts.male + counts.female !== total) {
    throw new SeedPlanError(`${total} children to split by sex, the split asks for ${counts.male + counts.female}`);
  }
  return exactKeys(random, counts) as Sex[];
}

function exactKeys<K extends string>(random: SeededRandom, counts: Record<K, number>): K[] {
  const keys: K[] = [];
  for (const key of Object.keys(counts) as K[]) for (let i = 0; i < counts[key]; i += 1) keys.push(key);
  return shuffled(random, keys);
}

export function pickShare<K extends string>(random: SeededRandom, shares: Shares<K>): K {
  return random.weighted((Object.keys(shares) as K[]).map((key) => [key, shares[key] ?? 0] as const));
}
