import { addMonths } from '../calendar/calendar-months';
import { ageOn } from '../calendar/calendar-months';
import { PLACEMENT_GROUPS } from '../config/local-authority-config';
import { ADOPTION_PLACEMENT_TYPES, SEXES } from '../events/codes';
import { AGE_GROUPS, ageGroupOn } from './age-groups';
import {
  birthDate, CarePeriod, ChildHistory, isShortBreak, legalStatusOn, lookedAfterPeriodOn, placementOn,
} from './child-history';
import { breakdownFigure, countFigure, percentFigure, PercentFigure, roundedRatio, YearFigure } from './figure';
import { countedPlacements, placementGroupOf, placementsBetween } from './placement-counting';
import { FigureContext, inPeriod } from './reporting-period';

/** Children looked after (FIGURES.md, "Children looked after"). */
export function claFigures(context: FigureContext): Record<string, YearFigure> {
  const { period, config } = context;
  const end = period.end;
  const atYearEnd: { child: ChildHistory; period: CarePeriod }[] = [];
  const started: ChildHistory[] = [];
  const ceased: { child: ChildHistory; last: CarePeriod }[] = [];
  for (const child of context.children) {
    const current = lookedAfterPeriodOn(child, end);
    if (current) atYearEnd.push({ child, period: current });
    if (child.periods.some((p) => inPeriod(p.start, period) && !isShortBreak(legalStatusOn(p, p.start)))) started.push(child);
    let last: CarePeriod | undefined;
    for (const p of child.periods) {
      if (inPeriod(p.end, period) && !isShortBreak(legalStatusOn(p, p.end!)) && (!last || p.end! >= last.end!)) last = p;
    }
    if (last) ceased.push({ child, last });
  }
  const atYearEndIds = atYearEnd.map((c) => c.child.childId);
  const population = config.populationUnder18ByYear[String(period.year)];

  const stabilityCohort = atYearEnd.filter(({ child, period: current }) => {
    const dob = birthDate(child);
    return dob !== undefined && ageOn(dob, end) < 16 && current.start <= addMonths(end, -30);
  });
  const stayCutoff = addMonths(end, -24);
  const stable = stabilityCohort.filter(({ period: current }) => {
    const placements = countedPlacements(current).filter((p) => p.start <= end);
    const now = placements[placements.length - 1];
    if (!now) return false;
    if (now.start <= stayCutoff) return true;
    const before = placements[placements.length - 2];
    return ADOPTION_PLACEMENT_TYPES.includes(now.placementType) && before !== undefined && before.start <= stayCutoff;
  });

  return {
    'cla.atYearEnd': countFigure(atYearEndIds),
    'cla.atYearEnd.bySex': breakdownFigure(atYearEnd.map(({ child }) => ({ id: child.childId, key: child.sex })), SEXES),
    'cla.ratePer10k': ratePer10k(atYearEndIds, population),
    'cla.atYearEnd.byAgeGroup': breakdownFigure(
      atYearEnd.map(({ child }) => ({ id: child.childId, key: ageGroupOn(birthDate(child), end) })),
      AGE_GROUPS,
    ),
    'cla.atYearEnd.byEthnicity': breakdownFigure(
      atYearEnd.map(({ child }) => ({ id: child.childId, key: child.ethnicity ?? 'unknown' })),
      [],
    ),
    'cla.started': countFigure(started.map((c) => c.childId)),
    'cla.ceased': countFigure(ceased.map((c) => c.child.childId)),
    'cla.ceased.byReason': breakdownFigure(
      ceased.map(({ child, last }) => ({ id: child.childId, key: last.reasonCeased ?? 'unknown' })),
      [],
    ),
    'cla.ceased.byAgeGroup': breakdownFigure(
      ceased.map(({ child, last }) => ({ id: child.childId, key: ageGroupOn(birthDate(child), last.end!) })),
      AGE_GROUPS,
    ),
    'cla.atYearEnd.byPlacementGroup': breakdownFigure(
      atYearEnd.map(({ child, period: current }) => ({
        id: child.childId, key: placementGroupOf(placementOn(current, end).placementType, config),
      })),
      PLACEMENT_GROUPS,
      { percent: true },
    ),
    'cla.atYearEnd.placedOutsideLocalAuthorityPercent': percentFigure(
      atYearEnd.filter(({ period: current }) => placementOn(current, end).outside).map((c) => c.child.childId),
      atYearEndIds,
      'no child looked after at year end',
    ),
    'cla.atYearEnd.interimCareOrderPercent': percentFigure(
      atYearEnd.filter(({ period: current }) => legalStatusOn(current, end) === 'C1').map((c) => c.child.childId),
      atYearEndIds,
      'no child looked after at year end',
    ),
    'cla.threeOrMorePlacementsPercent': percentFigure(
      atYearEnd.filter(({ child }) => placementsBetween(child.periods, period.start, end).length >= 3).map((c) => c.child.childId),
      atYearEndIds,
      'no child looked after at year end',
    ),
    'cla.longTermStabilityPercent': percentFigure(
      stable.map((c) => c.child.childId),
      stabilityCohort.map((c) => c.child.childId),
      'no child under 16 looked after for 2.5 years or more at year end',
    ),
  };
}

/** count x 10,000 / the population aged 0-17 for the year, one decimal place. */
export function ratePer10k(ids: string[], population: number | undefined): PercentFigure {
  if (!population) {
    return {
      value: null, numerator: ids.length, denominator: 0, reason: 'no population aged 0-17 configured for the year',
      numeratorIds: ids, denominatorIds: [],
    };
  }
  return { value: roundedRatio(ids.length, population, 10_000), numerator: ids.length, denominator: population, numeratorIds: ids, denominatorIds: [] };
}
