import { CalendarDate } from '../calendar/calendar-date';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../config/local-authority-config';
import { EventOf, OversightEventMap } from '../events/oversight-events';
import { firstReviewConferenceDueDate, initialConferenceDueDate, laterReviewConferenceDueDate } from '../timescales/child-protection-conferences';
import { firstReviewDueDate, nextReviewDueDate } from '../timescales/looked-after-reviews';
import { stageResponseDueBy } from '../timescales/issues-resolution-stages';

/**
 * Builders for the history a spec is given: plain events with the facts that matter to
 * the spec named and everything else defaulted. Derived fields (due dates) default to the
 * statutory timescales, which have their own specs.
 */
type Data<K extends keyof OversightEventMap> = OversightEventMap[K];
type Needs<K extends keyof OversightEventMap, R extends keyof Data<K>> = Pick<Data<K>, R> & Partial<Data<K>>;

export const childRegistered = (data: Needs<'ChildRegistered', 'childId'>): EventOf<'ChildRegistered'> => ({
  type: 'ChildRegistered',
  data: { sex: 'female', effectiveDate: data.dateOfBirth ?? '2019-01-01', ...data },
});

export const careStarted = (data: Needs<'CareStarted', 'childId' | 'startDate'>): EventOf<'CareStarted'> => ({
  type: 'CareStarted',
  data: {
    periodId: `${data.childId}:${data.startDate}`,
    legalStatus: 'C2',
    placementType: 'U4',
    placedOutsideLocalAuthority: false,
    firstReviewDueBy: firstReviewDueDate(data.startDate),
    effectiveDate: data.startDate,
    ...data,
  },
});

export const careEnded = (data: Needs<'CareEnded', 'childId' | 'endDate' | 'periodId'>): EventOf<'CareEnded'> => ({
  type: 'CareEnded',
  data: { reasonCeased: 'E11', effectiveDate: data.endDate, ...data },
});

export const placementChanged = (data: Needs<'PlacementChanged', 'childId' | 'effectiveDate'>): EventOf<'PlacementChanged'> => ({
  type: 'PlacementChanged',
  data: { placementType: 'U5', placedOutsideLocalAuthority: false, ...data },
});

export const reviewHeld = (
  data: Needs<'ReviewHeld', 'childId' | 'periodId' | 'heldOn' | 'sequence' | 'dueBy'>,
): EventOf<'ReviewHeld'> => ({
  type: 'ReviewHeld',
  data: {
    reviewId: `review-${data.heldOn}`,
    chairIroId: 'iro-1',
    participation: 'PN1',
    iroVisitedBeforeReview: true,
    heldInTime: data.heldOn <= data.dueBy,
    nextReviewDueBy: nextReviewDueDate(data.sequence, data.heldOn),
    effectiveDate: data.heldOn,
    ...data,
  },
});

export const initialConferenceHeld = (
  data: Needs<'CPConferenceHeld', 'childId' | 'heldOn' | 'strategyDiscussionOn'> & { outcome?: 'plan-started' | 'no-plan' },
): EventOf<'CPConferenceHeld'> => {
  const planStarted = (data.outcome ?? 'plan-started') === 'plan-started';
  const dueBy = initialConferenceDueDate(data.strategyDiscussionOn!);
  return {
    type: 'CPConferenceHeld',
    data: {
      conferenceId: `icpc-${data.heldOn}`,
      type: 'initial',
      chairIroId: 'iro-1',
      outcome: 'plan-started',
      ...(planStarted && {
        categoryOfAbuse: 'NEG',
        planId: `${data.childId}:${data.heldOn}`,
        nextReviewConferenceDueBy: firstReviewConferenceDueDate(data.heldOn),
      }),
      dueBy,
      heldInTime: data.heldOn <= dueBy,
      effectiveDate: data.heldOn,
      ...data,
    },
  };
};

export const reviewConferenceHeld = (
  data: Needs<'CPConferenceHeld', 'childId' | 'heldOn' | 'planId' | 'dueBy'> & { outcome?: 'plan-continued' | 'plan-ended' },
): EventOf<'CPConferenceHeld'> => ({
  type: 'CPConferenceHeld',
  data: {
    conferenceId: `rcpc-${data.heldOn}`,
    type: 'review',
    chairIroId: 'iro-1',
    outcome: 'plan-continued',
    heldInTime: data.heldOn <= data.dueBy,
    ...((data.outcome ?? 'plan-continued') === 'plan-continued' && {
      nextReviewConferenceDueBy: laterReviewConferenceDueDate(data.heldOn),
    }),
    effectiveDate: data.heldOn,
    ...data,
  },
});

export const planStarted = (data: Needs<'ChildProtectionPlanStarted', 'childId' | 'startDate'>): EventOf<'ChildProtectionPlanStarted'> => ({
  type: 'ChildProtectionPlanStarted',
  data: { planId: `${data.childId}:${data.startDate}`, categoryOfAbuse: 'EMO', effectiveDate: data.startDate, ...data },
});

export const planEnded = (data: Needs<'ChildProtectionPlanEnded', 'childId' | 'planId' | 'endDate'>): EventOf<'ChildProtectionPlanEnded'> => ({
  type: 'ChildProtectionPlanEnded',
  data: { effectiveDate: data.endDate, ...data },
});

export const iroAllocated = (data: Needs<'IroAllocated', 'childId' | 'iroId' | 'effectiveDate'>): EventOf<'IroAllocated'> => ({
  type: 'IroAllocated',
  data,
});

export const recordVoided = (data: Needs<'RecordVoided', 'eventId' | 'voidedType' | 'effectiveDate'>): EventOf<'RecordVoided'> => ({
  type: 'RecordVoided',
  data: { reason: 'entered in error', ...data },
});

export const challengeRaised = (
  data: Needs<'ChallengeRaised', 'challengeId' | 'raisedOn'>,
): EventOf<'ChallengeRaised'> => ({
  type: 'ChallengeRaised',
  data: {
    childIds: ['child-1'],
    raisedBy: 'iro-1',
    category: 'drift-and-delay',
    summary: 'Permanence plan not progressed since the last review',
    stage: 1,
    responseDueBy: stageResponseDueBy(1, data.raisedOn, DEFAULT_LOCAL_AUTHORITY_CONFIG)!,
    effectiveDate: data.raisedOn,
    ...data,
  },
});

export const challengeEscalated = (
  data: Needs<'ChallengeEscalated', 'challengeId' | 'escalatedOn' | 'fromStage' | 'toStage'>,
): EventOf<'ChallengeEscalated'> => ({
  type: 'ChallengeEscalated',
  data: {
    reason: 'No response by the deadline',
    responseDueBy: stageResponseDueBy(data.toStage, data.escalatedOn, DEFAULT_LOCAL_AUTHORITY_CONFIG),
    effectiveDate: data.escalatedOn,
    ...data,
  },
});

export const challengeResponded = (
  data: Needs<'ChallengeResponded', 'challengeId' | 'respondedOn' | 'stage'>,
): EventOf<'ChallengeResponded'> => ({
  type: 'ChallengeResponded',
  data: { respondedBy: 'manager-1', response: 'Permanence planning meeting booked', effectiveDate: data.respondedOn, ...data },
});

export const challengeResolved = (
  data: Needs<'ChallengeResolved', 'challengeId' | 'resolvedOn' | 'stage'>,
): EventOf<'ChallengeResolved'> => ({
  type: 'ChallengeResolved',
  data: { outcome: 'resolved', effectiveDate: data.resolvedOn, ...data },
});

/** Today in every spec unless it says otherwise. */
export const SPEC_TODAY: CalendarDate = '2021-03-31';
