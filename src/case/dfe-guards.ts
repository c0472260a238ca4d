import { CalendarDate } from '../calendar/calendar-date';
import { Decision } from '../decision/decision';
import { LegalStatus, PlacementType } from '../events/codes';
import { refuseCase } from './case-rules';
import { CarePeriod } from './case-state';
import { isShortBreakLegalStatus, isTemporaryPlacement, placementTypeWithdrawnOn } from './dfe-episode-rules';

/**
 * The DfE's SSDA903 validation rules as command guards (csc-data.md §1.3 and §9.4), so that
 * the API refuses what the SSDA903 import refuses. Each message names its DfE rule.
 */

const dayMonthYear = (date: CalendarDate): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** A placement type the DfE has withdrawn, on or after its withdrawal (rules 217 and 146). */
export function placementTypeNotValidOn(placementType: PlacementType, date: CalendarDate): Decision | null {
  const withdrawn = placementTypeWithdrawnOn(placementType, date);
  if (!withdrawn) return null;
  return refuseCase(
    'placement-type-withdrawn',
    `Placement type ${placementType} is not valid for a placement from ${dayMonthYear(withdrawn.since)} ` +
      `(DfE rule ${withdrawn.dfeRule}); it is dated ${date}.`,
  );
}

/** A period of care cannot start with a temporary placement (rule 380). */
export function careStartsInTemporaryPlacement(placementType: PlacementType): Decision | null {
  if (!isTemporaryPlacement(placementType)) return null;
  return refuseCase(
    'care-start-temporary-placement',
    `A period of care cannot start with a temporary placement (${placementType}; T0 to T4) (DfE rule 380).`,
  );
}

/** A period of care cannot end while the child is in a temporary placement (rule 381). */
export function careEndsInTemporaryPlacement(period: CarePeriod): Decision | null {
  if (!isTemporaryPlacement(period.placementType)) return null;
  return refuseCase(
    'care-end-temporary-placement',
    `A period of care cannot end with a temporary placement: the child is in ${period.placementType} since ` +
      `${period.placementSince}; record the return to the normal placement first (DfE rule 381).`,
  );
}

/**
 * No looked-after review is recorded while the child is on short breaks, V3 or V4 (rule 399).
 * The period keeps its latest legal status only, so a review dated before that status's
 * start is not checked here.
 */
export function reviewOnShortBreaks(period: CarePeriod, heldOn: CalendarDate): Decision | null {
  if (heldOn < period.legalStatusSince || !isShortBreakLegalStatus(period.legalStatus)) return null;
  return refuseCase(
    'review-on-short-breaks',
    `No looked-after review is recorded for a child on short breaks: the legal status on ${heldOn} is ` +
      `${period.legalStatus}, since ${period.legalStatusSince} (DfE rule 399).`,
  );
}

/**
 * Short breaks (V3/V4) cannot start on or before a review already recorded in the period
 * (rule 399 from the other side); checked where the review is known to fall under the new status.
 */
export function shortBreaksOverReview(period: CarePeriod, legalStatus: LegalStatus, effectiveDate: CalendarDate): Decision | null {
  const lastReview = period.reviews.lastHeldOn;
  if (!isShortBreakLegalStatus(legalStatus) || lastReview === null || lastReview < effectiveDate) return null;
  if (effectiveDate < period.legalStatusSince) return null;
  return refuseCase(
    'review-on-short-breaks',
    `Legal status ${legalStatus} (short breaks) cannot start on ${effectiveDate}: a looked-after review is recorded ` +
      `in this period on ${lastReview}, and none is recorded for a child on short breaks (DfE rule 399).`,
  );
}
