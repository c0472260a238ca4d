import {
  CATEGORIES_OF_NEED, ETHNICITY_CODES, LEGAL_STATUSES, PARTICIPATION_CODES, PLACEMENT_TYPES, REASONS_CEASED,
  REASONS_PLACE_CHANGE, Sex, SHORT_BREAK_LEGAL_STATUSES, TEMPORARY_PLACEMENT_TYPES,
} from '../../../src/events/codes';
import { P2_INVALID_FROM, placeCodesFor } from '../../../src/case/dfe-episode-rules';

/**
 * SSDA903 code lists by collection year (csc-data.md §1.2). Years before 2022-23 use the
 * 2022-23 lists, the earliest the DfE validator keeps.
 */

/** SEX: 1/2 up to 2023-24, M/F/U from 2024-25. Both notations are accepted in every year. */
const SEX_CODES: Record<string, Sex> = { '1': 'male', '2': 'female', M: 'male', F: 'female', U: 'unknown' };
export const sexFromCode = (code: string): Sex | null => SEX_CODES[code] ?? null;

export const RNE_CODES = ['S', 'P', 'L', 'T', 'U', 'B'] as const;
export type ReasonNewEpisode = (typeof RNE_CODES)[number];
/** RNE codes that change the legal status, and those that change the placement. */
export const RNE_CHANGES_LEGAL_STATUS: readonly string[] = ['L', 'U', 'B'];
export const RNE_CHANGES_PLACEMENT: readonly string[] = ['P', 'T', 'U', 'B'];

/** REC X1: the episode ceases and a new one begins the same day (the period of care goes on). */
export const CONTINUES_SAME_DAY = 'X1';
export const REC_CODES: readonly string[] = [...REASONS_CEASED, CONTINUES_SAME_DAY];

export const PLACE_PROVIDER_CODES: readonly string[] = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'];
export const TEMPORARY_PLACES: readonly string[] = TEMPORARY_PLACEMENT_TYPES;

/** PLACE codes valid in a collection year (V903 rule 146): one list with the case deciders. */
export { placeCodesFor };

/** PLACE codes that are valid in the year but that the event model does not carry yet. */
export const isPlaceRecorded = (place: string): boolean => (PLACEMENT_TYPES as readonly string[]).includes(place);

const WITHOUT_PROVIDER_2022: readonly string[] = [...TEMPORARY_PLACES, 'Z1'];
const WITHOUT_PROVIDER_2025: readonly string[] = [...TEMPORARY_PLACES, 'Z11', 'Z12', 'Z13', 'Z14'];

/** PLACE codes for which PLACE_PROVIDER must be blank (V903 rule 178). */
export function placesWithoutProvider(year: number): readonly string[] {
  return year >= 2025 ? WITHOUT_PROVIDER_2025 : WITHOUT_PROVIDER_2022;
}

/** P2 (independent living) is not valid for a placement starting on or after 28 October 2023 (rule 217). */
export { P2_INVALID_FROM };

export const SSDA903_CODE_LISTS = {
  ETHNIC: ETHNICITY_CODES as readonly string[],
  LS: LEGAL_STATUSES as readonly string[],
  CIN: CATEGORIES_OF_NEED as readonly string[],
  RNE: RNE_CODES as readonly string[],
  REC: REC_CODES,
  REASON_PLACE_CHANGE: REASONS_PLACE_CHANGE as readonly string[],
  REVIEW_CODE: PARTICIPATION_CODES as readonly string[],
  PLACE_PROVIDER: PLACE_PROVIDER_CODES,
  MOTHER: ['0', '1'] as readonly string[],
};

export const SHORT_BREAK_LS: readonly string[] = SHORT_BREAK_LEGAL_STATUSES;
