import { addMonths } from '../calendar/calendar-months';
import { CalendarDate } from '../calendar/calendar-date';
import { LocalAuthorityConfig, PLACEMENT_GROUPS } from '../config/local-authority-config';
import { ADOPTION_PLACEMENT_TYPES, SEXES } from '../events/codes';
import { AGE_GROUPS, ageGroupOn, completedYears } from './age-groups';
import {
  birthDate, CarePeriod, ChildHistory, isShortBreak, legalStatusOn, lookedAfterPeriodOn, placementOn,
} from './child-history';
import { breakdownFigure, countFigure, percentFigure, PercentFigure, roundedRatio, YearFigure } from './figure';
import { FigureFamily, KeyedId } from './figure-family';
import { countedPlacements, placementGroupOf, placementsBetween } from './placement-counting';
import { inPeriod, ReportingPeriod } from './reporting-period';

const NO_CLA_AT_YEAR_END = 'no child looked after at year end';

/** Children looked after (FIGURES.md, "Children looked after"). Ids are child ids. */
export class LookedAfterFigures implements FigureFamily {
  private readonly atYearEnd: string[] = [];
  private readonly bySex: KeyedId[] = [];
  private readonly byAgeGroup: KeyedId[] = [];
  private readonly byEthnicity: KeyedId[] = [];
  private readonly byPlacementGroup: KeyedId[] = [];
  private readonly outside: string[] = [];
  private readonly interimCareOrder: string[] = [];
  private readonly threeOrMorePlacements: string[] = [];
  private readonly stabilityCohort: string[] = [];
  private readonly stable: string[] = [];
  private readonly started: string[] = [];
  private readonly ceased: string[] = [];
  private readonly ceasedByReason: KeyedId[] = [];
  private readonly ceasedByAgeGroup: KeyedId[] = [];
  private readonly end: CalendarDate;
  private readonly stabilityStartBy: CalendarDate;
  private readonly stayStartBy: CalendarDate;

  constructor(
    private readonly period: ReportingPeriod,
    private readonly config: LocalAuthorityConfig,
  ) {
    this.end = period.end;
    this.stabilityStartBy = addMonths(period.end, -30);
    this.stayStartBy = addMonths(period.end, -24);
  }

  addChild(child: ChildHistory): void {
    const id = child.childId;
    const end = this.end;
    const current = lookedAfterPeriodOn(child, end);
    if (current) {
      const placement = placementOn(current, end);
      this.atYearEnd.push(id);
      this.bySex.push({ id, key: child.sex });
      this.byAgeGroup.push({ id, key: ageGroupOn(birthDate(child), end) });
      this.byEthnicity.push({ id, key: child.ethnicity ?? 'unknown' });
      this.byPlacementGroup.push({ id, key: placementGroupOf(placement.placementType, this.config) });
      if (placement.outside) this.outside.push(id);
      if (legalStatusOn(current, end) === 'C1') this.interimCareOrder.push(id);
      if (placementsBetween(child.periods, this.period.start, end).length >= 3) this.threeOrMorePlacements.push(id);
      const dob = birthDate(child);
      if (dob !== undefined && completedYears(dob, end) < 16 && current.start <= this.stabilityStartBy) {
        this.stabilityCohort.push(id);
        if (this.stayedPut(current)) this.stable.push(id);
      }
    }
    if (child.periods.some((p) => inPeriod(p.start, this.period) && !isShortBreak(legalStatusOn(p, p.start)))) this.started.push(id);
    let last: CarePeriod | undefined;
    for (const p of child.periods) {
      if (inPeriod(p.end, this.period) && !isShortBreak(legalStatusOn(p, p.end!)) && (!last || p.end! >= last.end!)) last = p;
    }
    if (last) {
      this.ceased.push(id);
      this.ceasedByReason.push({ id, key: last.reasonCeased ?? 'unknown' });
      this.ceasedByAgeGroup.push({ id, key: ageGroupOn(birthDate(child), last.end!) });
    }
  }

  /** In the current placement for 2 years, or placed for adoption after a placement that began 2 years ago. */
  private stayedPut(current: CarePeriod): boolean {
    const placements = countedPlacements(current).filter((p) => p.start <= this.end);
    const now = placements[placements.length - 1];
    if (!now) return false;
    if (now.start <= this.stayStartBy) return true;
    const before = placements[placements.length - 2];
    return ADOPTION_PLACEMENT_TYPES.includes(now.placementType) && before !== undefined && before.start <= this.stayStartBy;
  }

  finish(): Record<string, YearFigure> {
    return {
      'cla.atYearEnd': countFigure(this.atYearEnd),
      'cla.atYearEnd.bySex': breakdownFigure(this.bySex, SEXES),
      'cla.ratePer10k': ratePer10k(this.atYearEnd, this.config.populationUnder18ByYear[String(this.period.year)]),
      'cla.atYearEnd.byAgeGroup': breakdownFigure(this.byAgeGroup, AGE_GROUPS),
      'cla.atYearEnd.byEthnicity': breakdownFigure(this.byEthnicity, []),
      'cla.started': countFigure(this.started),
      'cla.ceased': countFigure(this.ceased),
      'cla.ceased.byReason': breakdownFigure(this.ceasedByReason, []),
      'cla.ceased.byAgeGroup': breakdownFigure(this.ceasedByAgeGroup, AGE_GROUPS),
      'cla.atYearEnd.byPlacementGroup': breakdownFigure(this.byPlacementGroup, PLACEMENT_GROUPS, { percent: true }),
      'cla.atYearEnd.placedOutsideLocalAuthorityPercent': percentFigure(this.outside, this.atYearEnd, NO_CLA_AT_YEAR_END),
      'cla.atYearEnd.interimCareOrderPercent': percentFigure(this.interimCareOrder, this.atYearEnd, NO_CLA_AT_YEAR_END),
      'cla.threeOrMorePlacementsPercent': percentFigure(this.threeOrMorePlacements, this.atYearEnd, NO_CLA_AT_YEAR_END),
      'cla.longTermStabilityPercent': percentFigure(
        this.stable,
        this.stabilityCohort,
        'no child under 16 looked after for 2.5 years or more at year end',
      ),
    };
  }
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
