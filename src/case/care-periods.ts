import { accept, Decision, DecisionContext } from '../decision/decision';
import { firstReviewDueDate } from '../timescales/looked-after-reviews';
import { CaseCommand } from './case-commands';
import { refuseCase } from './case-rules';
import { birthDateOf, CaseState, lastPeriodOf, periodOn, standingRecordsOf } from './case-state';
import { notAChildOn, recordDateNotAllowed } from './record-checks';
import { comesOffShortBreaksEarlier } from './looked-after-since';
import {
  careEndsInTemporaryPlacement, careStartsInTemporaryPlacement, placementTooYoungFor, placementTypeNotValidOn, shortBreaksOverReview,
} from './dfe-guards';

type StartCare = Extract<CaseCommand, { type: 'startCare' }>;
type ChangePlacement = Extract<CaseCommand, { type: 'changePlacement' }>;
type ChangeLegalStatus = Extract<CaseCommand, { type: 'changeLegalStatus' }>;
type EndCare = Extract<CaseCommand, { type: 'endCare' }>;

/** A period of care starts with its first placement and legal status; its first review is due in 20 working days. */
/** What to do with a period of care found late, older than the ones recorded. */
const ENTER_EARLIER_PERIOD =
  'To add an earlier period, void the later period\'s records first (latest first), enter the earlier period, then enter the later records anew.';

export function startCare(command: StartCare, state: CaseState, context: DecisionContext): Decision {
  const { childId, startDate, legalStatus, placementType, placedOutsideLocalAuthority, categoryOfNeed } = command;
  const dateRefused = recordDateNotAllowed(state, 'care start', startDate, context, 'not-allowed') ?? notAChildOn(state, 'care start', startDate);
  if (dateRefused) return dateRefused;
  const current = state.currentPeriod;
  if (current && startDate >= current.startDate) {
    return refuseCase('already-in-care', `Child ${childId} is already in care, in the period that started on ${current.startDate}.`);
  }
  if (current) {
    return refuseCase(
      'already-in-care',
      `Care cannot start on ${startDate}: the child's open period of care started on ${current.startDate}, and periods of care ` +
        `are entered in the order they happened. ${ENTER_EARLIER_PERIOD}`,
    );
  }
  const last = lastPeriodOf(state);
  if (last?.endDate && (startDate < last.endDate || startDate <= last.startDate)) {
    return refuseCase(
      'care-start-before-last-care-end',
      `Care cannot start on ${startDate}: the previous period of care ran from ${last.startDate} to ${last.endDate}.` +
        (startDate < last.startDate ? ` ${ENTER_EARLIER_PERIOD}` : ''),
    );
  }
  if (last?.endDate === startDate) {
    return refuseCase(
      'care-restart-same-day',
      `Care cannot start again on ${startDate}, the day the previous period of care ended (DfE rule 431): the child did not ` +
        'leave care; void that care ending, and record the change of legal status or placement instead.',
    );
  }
  const dfeRefused = careStartsInTemporaryPlacement(placementType) ?? placementTypeNotValidOn(placementType, startDate) ??
    placementTooYoungFor(placementType, startDate, birthDateOf(state));
  if (dfeRefused) return dfeRefused;
  return accept({
    type: 'CareStarted',
    data: {
      childId,
      periodId: `${childId}:${startDate}`,
      startDate,
      legalStatus,
      placementType,
      placedOutsideLocalAuthority,
      ...(categoryOfNeed !== undefined && { categoryOfNeed }),
      firstReviewDueBy: firstReviewDueDate(startDate),
      effectiveDate: startDate,
    },
  });
}

export function changePlacement(command: ChangePlacement, state: CaseState, context: DecisionContext): Decision {
  const { childId, effectiveDate, placementType, placedOutsideLocalAuthority, reasonForChange } = command;
  const refused = notInCareOn(state, 'placement change', effectiveDate, context);
  if (refused) return refused;
  const period = periodOn(state, effectiveDate)!;
  // a placement dated on the first day of care replaces the one care started with
  // entered late into an ended period, the latest placement is the one care ended in (rule 381)
  const endsIn = period.endDate !== null && effectiveDate >= period.placementSince
    ? careEndsInTemporaryPlacement({ ...period, placementType, placementSince: effectiveDate })
    : null;
  const dfeRefused = (effectiveDate === period.startDate ? careStartsInTemporaryPlacement(placementType) : null) ??
    endsIn ?? placementTypeNotValidOn(placementType, effectiveDate) ?? placementTooYoungFor(placementType, effectiveDate, birthDateOf(state));
  if (dfeRefused) return dfeRefused;
  return accept({
    type: 'PlacementChanged',
    data: {
      childId,
      placementType,
      placedOutsideLocalAuthority,
      ...(reasonForChange !== undefined && { reasonForChange }),
      effectiveDate,
    },
  });
}

export function changeLegalStatus(command: ChangeLegalStatus, state: CaseState, context: DecisionContext): Decision {
  const { childId, effectiveDate, legalStatus } = command;
  const refused = notInCareOn(state, 'legal status change', effectiveDate, context);
  if (refused) return refused;
  const period = periodOn(state, effectiveDate)!;
  const shortBreaksRefused = shortBreaksOverReview(period, legalStatus, effectiveDate, standingRecordsOf(state));
  if (shortBreaksRefused) return shortBreaksRefused;
  if (comesOffShortBreaksEarlier(period, legalStatus, effectiveDate) && period.reviews.held > 0) {
    return refuseCase(
      'review-due-date-would-move',
      `A legal status off short breaks from ${effectiveDate} would move the due date of this period's first review, counted from ` +
        `${period.lookedAfterSince ?? period.startDate}: void the period's reviews first (latest first), record it, and enter them anew.`,
    );
  }
  return accept({ type: 'LegalStatusChanged', data: { childId, legalStatus, effectiveDate } });
}

/** Ends the open period of care, on or after everything recorded in it. */
export function endCare(command: EndCare, state: CaseState, context: DecisionContext): Decision {
  const { childId, endDate, reasonCeased } = command;
  const dateRefused = recordDateNotAllowed(state, 'care ending', endDate, context, 'not-allowed');
  if (dateRefused) return dateRefused;
  const period = state.currentPeriod;
  if (!period || endDate < period.startDate) {
    return refuseCase('not-in-care', `Child ${childId} is not in care on ${endDate}, so care cannot end then.`);
  }
  if (endDate < period.lastRecordOn) {
    return refuseCase(
      'care-end-before-last-record',
      `Care cannot end on ${endDate}: a placement, legal status or review is recorded in this period on ${period.lastRecordOn}. ` +
        'Date the ending on or after it, or, if that record is wrong, void it first.',
    );
  }
  const temporaryRefused = careEndsInTemporaryPlacement(period);
  if (temporaryRefused) return temporaryRefused;
  return accept({
    type: 'CareEnded',
    data: { childId, periodId: period.periodId, endDate, reasonCeased, effectiveDate: endDate },
  });
}

/** A placement, legal status or review needs the child to be in a period of care on its date. */
export function notInCareOn(state: CaseState, what: string, date: string, context: DecisionContext): Decision | null {
  const dateRefused = recordDateNotAllowed(state, what, date, context, 'not-allowed');
  if (dateRefused) return dateRefused;
  if (periodOn(state, date)) return null;
  const current = state.currentPeriod;
  const why = current ? ` (the current period of care started on ${current.startDate})` : '';
  return refuseCase('not-in-care', `The child is not in care on ${date}${why}, so a ${what} cannot be recorded then.`);
}
