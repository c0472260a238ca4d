import { PLACEMENT_GROUPS } from '../config/local-authority-config';
import { CATEGORIES_OF_ABUSE, CHALLENGE_CATEGORIES, PARTICIPATION_CODES, SEXES } from '../events/codes';
import { AGE_GROUPS } from './age-groups';
import { CHALLENGE_STAGE_KEYS, LOOKED_AFTER_VS_PROTECTION_KEYS } from './challenge-figures';
import { CP_SEX_KEYS } from './cp-figures';
import { FigureId } from './figure-ids';
import { orderedKeys } from './key-order';

/**
 * The keys FIGURES.md lists for each breakdown, in its order; a breakdown it gives no list
 * for (ethnicity and reasons ceased: the codes present; caseloads: the IROs) has none.
 */
export const LISTED_KEYS: Partial<Record<FigureId, readonly string[]>> = {
  'cla.atYearEnd.bySex': SEXES,
  'cla.atYearEnd.byAgeGroup': AGE_GROUPS,
  'cla.atYearEnd.byEthnicity': [],
  'cla.ceased.byReason': [],
  'cla.ceased.byAgeGroup': AGE_GROUPS,
  'cla.atYearEnd.byPlacementGroup': PLACEMENT_GROUPS,
  'reviews.participation': PARTICIPATION_CODES,
  'challenges.byCategory': CHALLENGE_CATEGORIES,
  'challenges.byHighestStage': CHALLENGE_STAGE_KEYS,
  'challenges.lookedAfterVsProtection': LOOKED_AFTER_VS_PROTECTION_KEYS,
  'cp.atYearEnd.bySex': CP_SEX_KEYS,
  'cp.plansStarted.byCategory': CATEGORIES_OF_ABUSE,
  'iro.caseloadsAtYearEnd': [],
};

/** The keys of a breakdown figure's counts, this year's and last year's together, in the report's order. */
export const breakdownKeys = (id: FigureId, ...counts: (object | null | undefined)[]): string[] =>
  orderedKeys(LISTED_KEYS[id] ?? [], ...counts);
