import { CalendarDate } from '../calendar/calendar-date';
import { SHORT_BREAK_LEGAL_STATUSES, TEMPORARY_PLACEMENT_TYPES } from '../events/codes';
import { reportingYearOf } from '../reporting/reporting-period';

/**
 * The DfE's SSDA903 validation rules on placements and legal statuses (csc-data.md §1.2,
 * §1.3), one definition for the SSDA903 importer and the case deciders.
 */

/** T0-T4 (rules 380, 381: a period of care neither starts nor ends in one). */
export const isTemporaryPlacement = (placementType: string): boolean =>
  (TEMPORARY_PLACEMENT_TYPES as readonly string[]).includes(placementType);

/** V3/V4, an agreed series of short breaks (rule 399: no review is recorded for them). */
export const isShortBreakLegalStatus = (legalStatus: string): boolean =>
  (SHORT_BREAK_LEGAL_STATUSES as readonly string[]).includes(legalStatus);

const PLACES_2022 = [
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
  'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1',
];
const PLACES_2024 = [...PLACES_2022, 'K3'];
const PLACES_2025 = [
  'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
  'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z11', 'Z12', 'Z13', 'Z14',
];
/** The earliest year the DfE validator keeps; earlier years use its lists. */
const EARLIEST_LISTED_YEAR = 2022;

/**
 * PLACE codes valid in a collection year (V903 rule 146), the year named by its start
 * (2025 is 1 April 2025 to 31 March 2026). Years before 2022-23 use the 2022-23 list.
 */
export function placeCodesFor(year: number): readonly string[] {
  if (year >= 2025) return PLACES_2025;
  if (year >= 2024) return PLACES_2024;
  return PLACES_2022;
}

/** P2 (independent living) is not valid for a placement starting on or after 28 October 2023 (rule 217). */
export const P2_INVALID_FROM: CalendarDate = '2023-10-28';

export interface WithdrawnPlacementType {
  /** the DfE validation rule that refuses it */
  dfeRule: 146 | 217;
  /** the first day it is no longer valid */
  since: CalendarDate;
}

/**
 * Whether a placement type the DfE has withdrawn is recorded on or after its withdrawal:
 * P2 from 28 October 2023 (rule 217); H5, P2 and Z1 from the 2025-26 year (rule 146).
 * Codes the DfE added later (K3, Z11-Z14) are not refused before then: an open episode
 * carried into a later return keeps its start date, and the importer checks that return's list.
 */
export function placementTypeWithdrawnOn(placementType: string, date: CalendarDate): WithdrawnPlacementType | null {
  if (placementType === 'P2' && date >= P2_INVALID_FROM) return { dfeRule: 217, since: P2_INVALID_FROM };
  if (!placeCodesFor(EARLIEST_LISTED_YEAR).includes(placementType)) return null;
  const year = reportingYearOf(date);
  for (let listed = EARLIEST_LISTED_YEAR + 1; listed <= year; listed += 1) {
    if (!placeCodesFor(listed).includes(placementType)) return { dfeRule: 146, since: `${listed}-04-01` };
  }
  return null;
}
