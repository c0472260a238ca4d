import { addDays, CalendarDate, daysBetween } from '../../../src/calendar/calendar-date';
import { addMonths, ageOn } from '../../../src/calendar/calendar-months';
import { PlacementGroup } from '../../../src/config/local-authority-config';
import { LegalStatus, PlacementType, ReasonCeased, ReasonPlaceChange } from '../../../src/events/codes';
import { SeededRandom } from '../../history-generator/seeded-random';
import { SeedProfile } from '../seed-profile';
import { chooseExactly, chooseWeighted, countOf, countsFromShares, SeedPlanError, shuffled } from './exact-counts';
import { PlannedCarePeriod, PlannedChild } from './history-plan';
import { CareChild } from './plan-care-cohort';
import { People } from './plan-people';
import { yearEnd, yearStart } from './seed-calendar';
import { historyEnd, reportYears } from './seed-years';

/**
 * Each period of care's legal statuses, placements and ending. The children looked after
 * at the report year end get exactly the year end's interim care orders, placement groups,
 * placements outside the authority and long-term stability; each year's cohort at its end
 * exactly its share with 3 or more placements in the year. The placement moves are dated
 * so: at most one move in a year for a child outside that share, two or three inside it,
 * none since two years before the year end for a child whose placement is stable.
 */
interface PeriodInfo {
  child: PlannedChild;
  period: PlannedCarePeriod;
  /** open at the report year end */
  open: boolean;
  ageAtEnd: number;
  interimCareOrder: boolean;
  group?: PlacementGroup;
  legalAtEnd?: LegalStatus;
  outside?: boolean;
  stable?: boolean;
  /** stable with an adoptive placement made in the report year (the placement before is the old one) */
  placedForAdoptionLately?: boolean;
  /** reporting years in which the child has 3 or more placements */
  manyPlacements: Set<number>;
}

export function planCareTimelines(profile: SeedProfile, random: SeededRandom, care: CareChild[], people: People): void {
  const end = historyEnd(profile);
  const infos: PeriodInfo[] = [];
  for (const careChild of care) {
    const child = people.ofCare.get(careChild)!;
    for (const slot of careChild.periods) {
      const period = people.periodOf.get(slot)!;
      infos.push({
        child, period, open: slot.to === 'open', ageAtEnd: ageOn(child.dateOfBirth!, end), interimCareOrder: false,
        manyPlacements: new Set(),
      });
    }
  }
  const open = infos.filter((i) => i.open);
  chooseInterimCareOrders(profile, random, open);
  choosePlacementGroups(profile, random, open);
  chooseLegalStatusesAtEnd(random, open, end);
  chooseOutside(profile, random, open);
  chooseStable(profile, random, open);
  chooseManyPlacements(profile, random, infos);
  for (const info of infos) {
    if (!info.open) info.period.reasonCeased = reasonCeased(random, info);
    planLegalStatuses(profile, random, info);
    planPlacements(profile, random, info);
  }
}

// ---- the year end ------------------------------------------------------------------

function chooseInterimCareOrders(profile: SeedProfile, random: SeededRandom, open: PeriodInfo[]): void {
  const end = historyEnd(profile);
  const count = countOf(profile.targets.yearEnd.interimCareOrderPercent, open.length);
  const recent = open.filter((i) => i.period.start > addMonths(end, -18) && i.period.start <= addDays(end, -3));
  const weight = (i: PeriodInfo) => (i.period.start > addMonths(end, -6) ? 4 : i.period.start > addMonths(end, -12) ? 2 : 1);
  for (const info of chooseWeighted(random, recent, weight, count, 'children on an interim care order at the year end')) {
    info.interimCareOrder = true;
  }
}

/** Which children a year-end placement group can hold, most restrictive first. */
const GROUP_FITS: [PlacementGroup, (info: PeriodInfo, end: CalendarDate) => boolean][] = [
  ['supportedAccommodation', (i) => i.ageAtEnd >= 16],
  ['independentLiving', (i) => i.ageAtEnd >= 16],
  ['secure', (i) => i.ageAtEnd >= 12],
  ['childrensHomes', (i) => i.ageAtEnd >= 8],
  ['adoption', (i, end) => i.ageAtEnd < 10 && !i.interimCareOrder && i.period.start <= addDays(end, -270)],
  ['placedWithParents', (i, end) => i.interimCareOrder || i.period.start <= addDays(end, -240)],
  ['health', () => true],
  ['other', () => true],
  ['connected', () => true],
  ['foster', () => true],
];

function choosePlacementGroups(profile: SeedProfile, random: SeededRandom, open: PeriodInfo[]): void {
  const end = historyEnd(profile);
  const counts = countsFromShares(profile.targets.yearEnd.byPlacementGroupPercent, open.length);
  for (const [group, fits] of GROUP_FITS) {
    const wanted = counts[group] ?? 0;
    const chosen = chooseExactly(random, open.filter((i) => !i.group && fits(i, end)), wanted, `children in ${group} at the year end`);
    for (const info of chosen) info.group = group;
  }
  const left = open.filter((i) => !i.group);
  if (left.length > 0) throw new SeedPlanError(`${left.length} children looked after at the year end have no placement group`);
}

function chooseLegalStatusesAtEnd(random: SeededRandom, open: PeriodInfo[], end: CalendarDate): void {
  for (const info of open) {
    if (info.interimCareOrder) info.legalAtEnd = 'C1';
    else if (info.group === 'adoption') info.legalAtEnd = 'E1';
    else if (info.group === 'placedWithParents') info.legalAtEnd = 'C2';
    else if (info.period.start > addDays(end, -180)) info.legalAtEnd = 'V2';
    else if (info.group === 'supportedAccommodation' || info.group === 'independentLiving') info.legalAtEnd = random.chance(0.5) ? 'V2' : 'C2';
    else info.legalAtEnd = random.chance(0.72) ? 'C2' : 'V2';
  }
}

const OUTSIDE_WEIGHT: Record<PlacementGroup, number> = {
  foster: 1.2, connected: 0.4, placedWithParents: 0.3, childrensHomes: 3, supportedAccommodation: 1.5,
  independentLiving: 1, secure: 4, health: 3, adoption: 1, other: 1,
};

function chooseOutside(profile: SeedProfile, random: SeededRandom, open: PeriodInfo[]): void {
  const count = countOf(profile.targets.yearEnd.placedOutsideLocalAuthorityPercent, open.length);
  const outside = new Set(chooseWeighted(random, open, (i) => OUTSIDE_WEIGHT[i.group!], count, 'children placed outside the authority'));
  for (const info of open) info.outside = outside.has(info);
}

/** The long-term stability cohort (under 16, in care 2.5 years) and exactly its target share stable for 2 years. */
function chooseStable(profile: SeedProfile, random: SeededRandom, open: PeriodInfo[]): void {
  const end = historyEnd(profile);
  const cohort = open.filter((i) => i.ageAtEnd < 16 && i.period.start <= addMonths(end, -30));
  const count = countOf(profile.targets.yearEnd.longTermStabilityPercent, cohort.length);
  // placed for adoption: stable by the figure's own rule whenever the placement before was (so they always are here)
  const adopted = cohort.filter((i) => i.group === 'adoption');
  if (adopted.length > count) throw new SeedPlanError(`${adopted.length} children placed for adoption, more than the ${count} stable ones`);
  const others = chooseExactly(random, cohort.filter((i) => i.group !== 'adoption'), count - adopted.length, 'children in a stable placement');
  const stable = new Set([...adopted, ...others]);
  for (const info of cohort) {
    info.stable = stable.has(info);
    if (info.stable && info.group === 'adoption') info.placedForAdoptionLately = random.chance(0.5);
  }
}

/** Each year's cohort at its end (children in care that day): exactly its target share with 3 or more placements. */
function chooseManyPlacements(profile: SeedProfile, random: SeededRandom, infos: PeriodInfo[]): void {
  const stayCutoff = addMonths(historyEnd(profile), -24);
  for (const year of reportYears(profile)) {
    const last = yearEnd(year);
    const cohort = infos.filter((i) => inCareOn(i.period, last));
    const count = countOf(profile.targets.years[year].lookedAfter.threeOrMorePlacementsPercent, cohort.length);
    const candidates = cohort.filter(
      (i) => !(i.stable && yearStart(year) > stayCutoff) && i.period.start <= addDays(last, -60),
    );
    for (const info of chooseExactly(random, candidates, count, `children with 3 or more placements in ${year}`)) {
      info.manyPlacements.add(year);
    }
  }
}

const inCareOn = (period: PlannedCarePeriod, date: CalendarDate): boolean =>
  period.start <= date && (period.end === undefined || date < period.end);

// ---- endings ---------------------------------------------------------------------

function reasonCeased(random: SeededRandom, info: PeriodInfo): ReasonCeased {
  const age = ageOn(info.child.dateOfBirth!, info.period.end!);
  const long = daysBetween(info.period.start, info.period.end!) > 300;
  if (age >= 18) return random.weighted([['E17', 45], ['E5', 35], ['E8', 20]] as const);
  if (age >= 16) return random.weighted([['E5', 30], ['E4A', 15], ['E13', 15], ['E8', 20], ['E41', 10], ['E4B', 10]] as const);
  if (age < 10 && long && random.chance(0.18)) return random.chance(0.6) ? 'E11' : 'E12';
  return random.weighted([['E41', 40], ['E4A', 20], ['E45', 8], ['E46', 8], ['E13', 10], ['E8', 6], ['E4B', 8]] as const);
}

const ADOPTED: readonly ReasonCeased[] = ['E11', 'E12'];

// ---- legal statuses ----------------------------------------------------------------

function planLegalStatuses(profile: SeedProfile, random: SeededRandom, info: PeriodInfo): void {
  const { period } = info;
  const last = period.end ? addDays(period.end, -1) : historyEnd(profile);
  const set = (...steps: [CalendarDate, LegalStatus][]) => {
    period.legalStatuses = steps.map(([on, legalStatus]) => ({ on, legalStatus }));
  };
  const between = (fromDays: number, toDays: number): CalendarDate | null => {
    const from = addDays(period.start, fromDays);
    const to = addDays(period.start, toDays) < last ? addDays(period.start, toDays) : last;
    return from <= to ? addDays(from, random.int(0, daysBetween(from, to))) : null;
  };
  const target = info.open ? info.legalAtEnd! : closedLegalStatus(random, info);
  if (target === 'V2') return set([period.start, 'V2']);
  if (target === 'C1') {
    const later = random.chance(0.3) ? between(3, 60) : null;
    return later ? set([period.start, random.chance(0.5) ? 'V2' : 'L1'], [later, 'C1']) : set([period.start, 'C1']);
  }
  const order = between(120, 450) ?? between(30, 120);
  if (!order) return set([period.start, 'C1']);
  if (target === 'E1') {
    const placement = between(daysBetween(period.start, order) + 60, daysBetween(period.start, order) + 400);
    return placement ? set([period.start, 'C1'], [order, 'C2'], [placement, 'E1']) : set([period.start, 'C1'], [order, 'E1']);
  }
  return set([period.start, 'C1'], [order, 'C2']);
}

function closedLegalStatus(random: SeededRandom, info: PeriodInfo): LegalStatus {
  if (ADOPTED.includes(info.period.reasonCeased!)) return 'E1';
  const days = daysBetween(info.period.start, info.period.end!);
  if (days < 150) return random.chance(0.6) ? 'V2' : 'C1';
  return random.weighted([['V2', 40], ['C2', 45], ['C1', 15]] as const);
}

// ---- placements --------------------------------------------------------------------

const GROUP_CODES: Record<PlacementGroup, readonly (readonly [PlacementType, number])[]> = {
  foster: [['U4', 60], ['U5', 10], ['U6', 30]],
  connected: [['U1', 30], ['U2', 10], ['U3', 60]],
  placedWithParents: [['P1', 1]],
  childrensHomes: [['K2', 90], ['R1', 10]],
  supportedAccommodation: [['H5', 60], ['K3', 40]],
  independentLiving: [['P2', 1]],
  secure: [['K1', 1]],
  health: [['R2', 1]],
  adoption: [['A4', 50], ['A5', 30], ['A6', 20]],
  other: [['Z1', 1]],
};

function placementByAge(random: SeededRandom, age: number): PlacementType {
  if (age < 10) return random.weighted([['U4', 47], ['U5', 8], ['U6', 20], ['U1', 8], ['U3', 12], ['K2', 2], ['R2', 1], ['Z1', 2]] as const);
  if (age < 16) return random.weighted([['U4', 37], ['U5', 5], ['U6', 20], ['U1', 5], ['U3', 10], ['K2', 18], ['R1', 1], ['K1', 1], ['Z1', 3]] as const);
  return random.weighted([['U4', 25], ['U6', 10], ['U3', 5], ['K2', 15], ['H5', 20], ['K3', 10], ['P2', 10], ['Z1', 5]] as const);
}

const REASONS_FOR_CHANGE: readonly (readonly [ReasonPlaceChange, number])[] = [
  ['CARPL', 40], ['PLACE', 20], ['CHILD', 10], ['CREQB', 10], ['LAREQ', 10], ['STAND', 5], ['OTHER', 5],
];

/**
 * The period's moves, year by year: the number each year is fixed by the year's cohort
 * (3 or more placements, or not) and by stability; then the placement types, the last
 * one the year-end group for a child looked after at the year end.
 */
function planPlacements(profile: SeedProfile, random: SeededRandom, info: PeriodInfo): void {
  const { period, child } = info;
  const end = historyEnd(profile);
  const stayCutoff = addMonths(end, -24);
  const periodLast = period.end ? addDays(period.end, -8) : end;
  const moves: CalendarDate[] = [];
  const change = profile.shape.lookedAfter.placementChangeChance;
  const firstYear = Number(period.start.slice(0, 4)) - (period.start.slice(5) < '04-01' ? 1 : 0);
  for (let year = firstYear; year <= profile.reportYear; year += 1) {
    const from = laterOf(addDays(period.start, 14), yearStart(year));
    const to = earlierOf(periodLast, yearEnd(year));
    if (from > to) continue;
    let count: number;
    if (info.manyPlacements.has(year)) count = random.chance(0.8) ? 2 : 3;
    else if (year < profile.firstYear) count = random.chance(0.35) ? 1 : 0;
    else if (info.stable && yearStart(year) > stayCutoff) count = info.placedForAdoptionLately && year === profile.reportYear ? 1 : 0;
    else count = random.chance(change) ? 1 : 0;
    if (info.stable === false && year === profile.reportYear && count === 0 && !moves.some((m) => m > stayCutoff)) count = 1;
    const dated = moveDates(random, from, to, count);
    if (dated.length < count && (info.manyPlacements.has(year) || info.stable !== undefined)) {
      throw new SeedPlanError(`cannot fit ${count} placement moves between ${from} and ${to}`);
    }
    moves.push(...dated);
  }
  const adoptedAtEnd = !info.open && ADOPTED.includes(period.reasonCeased!);
  const ageAt = (on: CalendarDate) => ageOn(child.dateOfBirth!, on);
  const types: PlacementType[] = [placementByAge(random, ageAt(period.start))];
  for (const on of moves) types.push(placementByAge(random, ageAt(on)));
  if (info.open) types[types.length - 1] = random.weighted(GROUP_CODES[info.group!]);
  else if (adoptedAtEnd) types[types.length - 1] = random.weighted(GROUP_CODES.adoption);
  if (info.placedForAdoptionLately && types.length >= 2 && types[types.length - 2].startsWith('A')) types[types.length - 2] = 'U4';
  const outsideChance = profile.shape.lookedAfter.placedOutsideChance;
  period.placements = types.map((placementType, index) => ({
    on: index === 0 ? period.start : moves[index - 1],
    placementType,
    outside: info.open && index === types.length - 1 ? info.outside! : random.chance(outsideChance),
    ...(index > 0 && { reasonForChange: random.weighted(REASONS_FOR_CHANGE) }),
  }));
}

/** `count` move days from `from` to `to`, at least 10 days apart (fewer when they do not fit). */
function moveDates(random: SeededRandom, from: CalendarDate, to: CalendarDate, count: number): CalendarDate[] {
  if (count === 0) return [];
  const span = daysBetween(from, to);
  if (span < (count - 1) * 10) return [];
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const days = shuffled(random, Array.from({ length: span + 1 }, (_, i) => i)).slice(0, count).sort((a, b) => a - b);
    if (days.every((d, i) => i === 0 || d - days[i - 1] >= 10)) return days.map((d) => addDays(from, d));
  }
  return Array.from({ length: count }, (_, i) => addDays(from, Math.floor((span * (i + 0.5)) / count)));
}

const laterOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);
const earlierOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b);
