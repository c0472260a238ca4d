import { CalendarDate } from '../../../../src/calendar/calendar-date';
import { CarePeriod, CaseState } from '../../../../src/case/case-state';
import { isShortBreakLegalStatus } from '../../../../src/case/dfe-episode-rules';
import { ChildRecordResponse, PeriodOfCareResponse } from './child-record.response';

const periodOfCare = (period: CarePeriod): PeriodOfCareResponse => ({
  periodId: period.periodId,
  startDate: period.startDate,
  endDate: period.endDate,
  reasonCeased: period.reasonCeased,
  categoryOfNeed: period.categoryOfNeed,
  reviewsHeld: period.reviews.held,
  lastReviewOn: period.reviews.lastHeldOn,
});

/** The child's case as the API shows it: what stands today, what is due next. */
export function childRecord(childId: string, state: CaseState, revision: number, today: CalendarDate): ChildRecordResponse {
  const child = state.child!;
  const period = state.inCare ? state.currentPeriod : null;
  const plan = state.openPlan;
  // no looked-after review is held for a child on short breaks (V3, V4; DfE rule 399), so none is due
  const reviewDueBy = period && !isShortBreakLegalStatus(period.legalStatus) ? period.reviews.nextDueBy : null;
  const reviewConferenceDueBy = plan?.nextReviewConferenceDueBy ?? null;
  return {
    childId,
    revision,
    asOf: today,
    child: {
      dateOfBirth: child.dateOfBirth,
      expectedDateOfBirth: child.expectedDateOfBirth,
      unborn: child.dateOfBirth === null && child.expectedDateOfBirth !== null && today < child.expectedDateOfBirth,
      sex: child.sex,
      ethnicity: child.ethnicity,
      familyId: child.familyId,
    },
    inCare: state.inCare,
    currentPeriodOfCare: period ? periodOfCare(period) : null,
    placement: period
      ? { placementType: period.placementType, placedOutsideLocalAuthority: period.placedOutsideLocalAuthority, since: period.placementSince }
      : null,
    legalStatus: period ? { legalStatus: period.legalStatus, since: period.legalStatusSince } : null,
    iro: state.iro ? { iroId: state.iro.iroId, since: state.iro.since } : null,
    openChildProtectionPlan: plan
      ? {
          planId: plan.planId,
          startDate: plan.startDate,
          startedBy: plan.startedBy,
          categoryOfAbuse: plan.categoryOfAbuse,
          reviewConferencesHeld: plan.reviewConferencesHeld,
          lastConferenceOn: plan.lastConferenceOn,
        }
      : null,
    dueNext: {
      reviewDueBy,
      reviewOverdue: reviewDueBy !== null && reviewDueBy < today,
      reviewConferenceDueBy,
      reviewConferenceOverdue: reviewConferenceDueBy !== null && reviewConferenceDueBy < today,
    },
    periodsOfCare: state.periods.map(periodOfCare),
    childProtectionPlans: state.plans.length,
  };
}
