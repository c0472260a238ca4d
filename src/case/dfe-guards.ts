import { CalendarDate } from '../calendar/calendar-date';
import { ageOn } from '../calendar/calendar-months';
import { Decision } from '../decision/decision';
import { LegalStatus, PlacementType } from '../events/codes';
import { refuseCase } from './case-rules';
import { CarePeriod, CaseState, periodOn, StandingRecord, standingRecordsOf } from './case-state';
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

/** Registered supported accommodation (K3) is for a child aged 16 or over (rule 371, from the 2024-25 year when K3 came in). */
const MINIMUM_AGE_BY_PLACEMENT: Partial<Record<PlacementType, { age: number; dfeRule: number; words: string; from: CalendarDate }>> = {
  K3: { age: 16, dfeRule: 371, words: 'registered supported accommodation', from: '2024-04-01' },
};

/** A placement type for older children, for a child under that age on the date (no check while the date of birth is unknown). */
export function placementTooYoungFor(placementType: PlacementType, date: CalendarDate, dateOfBirth: CalendarDate | null): Decision | null {
  const minimum = MINIMUM_AGE_BY_PLACEMENT[placementType];
  if (!minimum || date < minimum.from || dateOfBirth === null || date < dateOfBirth) return null;
  const age = ageOn(dateOfBirth, date);
  if (age >= minimum.age) return null;
  return refuseCase(
    'placement-age',
    `Placement type ${placementType} (${minimum.words}) is for a child aged ${minimum.age} or over (DfE rule ${minimum.dfeRule}); ` +
      `the child is ${age} on ${date}.`,
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
 * No looked-after review is recorded while the child is on short breaks, V3 or V4 (rule 399):
 * judged by the legal status on the review's date, whatever was recorded after it.
 */
export function reviewOnShortBreaks(period: CarePeriod, heldOn: CalendarDate, records: readonly StandingRecord[]): Decision | null {
  const status = legalStatusOn(period, heldOn, records);
  if (!isShortBreakLegalStatus(status.legalStatus)) return null;
  return refuseCase(
    'review-on-short-breaks',
    `No looked-after review is recorded for a child on short breaks: the legal status on ${heldOn} is ` +
      `${status.legalStatus}, since ${status.since} (DfE rule 399).`,
  );
}

/**
 * Short breaks (V3/V4) cannot start where a looked-after review is recorded while they
 * would last: from their date until the period's next legal status (rule 399 from the
 * other side), whether they are entered in order or back-dated behind a later status.
 */
export function shortBreaksOverReview(
  period: CarePeriod,
  legalStatus: LegalStatus,
  effectiveDate: CalendarDate,
  records: readonly StandingRecord[],
): Decision | null {
  if (!isShortBreakLegalStatus(legalStatus)) return null;
  const inPeriod = records.filter((record) => withinPeriod(period, record.date));
  const until = inPeriod
    .filter((record) => record.legalStatus !== undefined && record.date > effectiveDate)
    .reduce<CalendarDate | null>((earliest, record) => (earliest === null || record.date < earliest ? record.date : earliest), null);
  const review = inPeriod.find(
    (record) => record.type === 'ReviewHeld' && record.date >= effectiveDate && (until === null || record.date < until),
  );
  if (!review) return null;
  return refuseCase(
    'review-on-short-breaks',
    `Legal status ${legalStatus} (short breaks) cannot start on ${effectiveDate}: a looked-after review is recorded ` +
      `in this period on ${review.date}${until ? `, before its next legal status on ${until}` : ''}, and none is recorded for a ` +
      'child on short breaks (DfE rule 399).',
  );
}

/**
 * A void of a legal status change that would leave a standing review of its period under
 * short breaks (the stretch it ended would run on over the review): rule 399 again.
 */
export function reviewLeftOnShortBreaks(state: CaseState, voidedId: string): Decision | null {
  const records = standingRecordsOf(state);
  const voided = records.find((record) => record.eventId === voidedId);
  if (!voided || voided.type !== 'LegalStatusChanged') return null;
  const period = periodOn(state, voided.date);
  if (!period) return null;
  const left = records.filter((record) => record !== voided);
  for (const review of left) {
    if (review.type !== 'ReviewHeld' || review.date < voided.date || !withinPeriod(period, review.date)) continue;
    const status = legalStatusOn(period, review.date, left);
    if (!isShortBreakLegalStatus(status.legalStatus)) continue;
    return refuseCase(
      'review-on-short-breaks',
      `Record ${voidedId} (the legal status from ${voided.date}) cannot be voided: the review of ${review.date}` +
        `${review.eventId ? ` (record ${review.eventId})` : ''} would then fall under ${status.legalStatus} (short breaks, since ` +
        `${status.since}), and none is recorded for a child on short breaks (DfE rule 399). Void that review first.`,
    );
  }
  return null;
}

const withinPeriod = (period: CarePeriod, date: CalendarDate): boolean =>
  date >= period.startDate && (period.endDate === null || date <= period.endDate);

/** The period's legal status on `date` from its standing records: the latest dated on or before it (on one day, the later recorded). */
function legalStatusOn(period: CarePeriod, date: CalendarDate, records: readonly StandingRecord[]): { legalStatus: LegalStatus; since: CalendarDate } {
  let found: { legalStatus: LegalStatus; since: CalendarDate } | null = null;
  for (const record of records) {
    if (record.legalStatus === undefined || record.date > date || !withinPeriod(period, record.date)) continue;
    if (found === null || record.date >= found.since) found = { legalStatus: record.legalStatus, since: record.date };
  }
  return found ?? { legalStatus: period.legalStatus, since: period.legalStatusSince };
}
