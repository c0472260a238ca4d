import { CalendarDate } from '../calendar/calendar-date';
import { LocalAuthorityConfig, PlacementGroup, PLACEMENT_GROUPS } from '../config/local-authority-config';
import { PlacementType, TEMPORARY_PLACEMENT_TYPES } from '../events/codes';
import { CarePeriod, isShortBreak, legalStatusOn, PlacementSpell } from './child-history';

/** A placement as the stability measures count it: from its start to the next counted placement or the end of care. */
export interface CountedPlacement {
  start: CalendarDate;
  /** exclusive: the day the next placement started or care ended */
  end?: CalendarDate;
  placementType: PlacementType;
}

/**
 * The placements of a period of care that count: one at the start of care and one at
 * each placement change, except temporary placements (T0-T4), a move back from a
 * temporary placement to the placement type held just before it, and a placement
 * replaced on the day it began (on the same day the later record wins, so the child was
 * in it on no day).
 */
export function countedPlacements(period: CarePeriod): CountedPlacement[] {
  const counted: CountedPlacement[] = [];
  let lastCounted: PlacementType | undefined;
  let afterTemporary = false;
  for (const spell of placementsLived(period)) {
    if (TEMPORARY_PLACEMENT_TYPES.includes(spell.placementType)) {
      afterTemporary = true;
      continue;
    }
    if (afterTemporary && spell.placementType === lastCounted) {
      afterTemporary = false;
      continue;
    }
    if (isShortBreak(legalStatusOn(period, spell.start))) continue;
    const previous = counted[counted.length - 1];
    if (previous) previous.end = spell.start;
    counted.push({ start: spell.start, placementType: spell.placementType, end: period.end });
    lastCounted = spell.placementType;
    afterTemporary = false;
  }
  return counted;
}

/** The placement spells of a period that lasted at least one day: not replaced on the day they began. */
function placementsLived(period: CarePeriod): PlacementSpell[] {
  return period.placements.filter((spell, index) => period.placements[index + 1]?.start !== spell.start);
}

/** The placements a child was in on some day from `from` to `to` (inclusive), over all periods. */
export function placementsBetween(periods: readonly CarePeriod[], from: CalendarDate, to: CalendarDate): CountedPlacement[] {
  const found: CountedPlacement[] = [];
  for (const period of periods) {
    if (period.start > to || (period.end !== undefined && period.end <= from)) continue;
    for (const placement of countedPlacements(period)) {
      if (placement.start <= to && (placement.end === undefined || placement.end > from)) found.push(placement);
    }
  }
  return found;
}

export function placementGroupOf(placementType: PlacementType, config: Pick<LocalAuthorityConfig, 'placementGroups'>): PlacementGroup {
  for (const group of PLACEMENT_GROUPS) {
    if (group !== 'other' && config.placementGroups[group]?.includes(placementType)) return group;
  }
  return 'other';
}
