import { CalendarDate } from '../../calendar/calendar-date';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG, LocalAuthorityConfig } from '../../config/local-authority-config';
import {
  CategoryOfAbuse, ChallengeCategory, ChallengeOutcome, ChallengeStage, LegalStatus, ParticipationCode,
  PlacementType, ReasonCeased,
} from '../../events/codes';
import { StoredOversightEvent } from '../../events/envelope';
import { OversightEventMap, OversightEventType, RecoveryPlanAction } from '../../events/oversight-events';
import { CURRENT_SCHEMA_VERSION } from '../../events/schema-versions';
import { challengeStream, childStream } from '../../events/streams';
import { initialConferenceDueDate, nextReviewConferenceDueDate } from '../../timescales/child-protection-conferences';
import { stageResponseDueBy } from '../../timescales/issues-resolution-stages';
import { firstReviewDueDate, nextReviewDueDate } from '../../timescales/looked-after-reviews';

/**
 * Builds a recorded history for projection specs: each call records one event with an
 * id, a stream revision and a global position, filling in what the decider would have
 * computed (period and plan ids, due dates, stages) from what it has recorded so far.
 * Each call returns the stored event, so a spec can void it later.
 */
export class OversightHistory {
  readonly events: StoredOversightEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private readonly openPeriod = new Map<string, { periodId: string; reviews: number; nextDueBy: CalendarDate }>();
  private readonly openPlan = new Map<string, { planId: string; lastType: 'initial' | 'review'; lastOn: CalendarDate }>();
  private readonly stageOf = new Map<string, ChallengeStage>();

  record<K extends OversightEventType>(stream: string, type: K, data: OversightEventMap[K], id?: string): StoredOversightEvent {
    const position = this.events.length + 1;
    const revision = (this.revisions.get(stream) ?? -1) + 1;
    this.revisions.set(stream, revision);
    const event = {
      id: id ?? `e${position}`,
      stream,
      type,
      schemaVersion: CURRENT_SCHEMA_VERSION[type],
      data,
      metadata: { correlationId: `c${position}`, causationId: `c${position}`, actor: { userId: 'spec', role: 'admin' } },
      revision,
      position,
      recordedAt: new Date(Date.UTC(2021, 0, 1) + position * 1000).toISOString(),
    } as StoredOversightEvent;
    this.events.push(event);
    return event;
  }

  childRegistered(childId: string, dateOfBirth: CalendarDate = '2010-01-01'): StoredOversightEvent {
    return this.record(childStream(childId), 'ChildRegistered', { childId, effectiveDate: dateOfBirth, dateOfBirth, sex: 'female' });
  }

  careStarted(
    childId: string,
    startDate: CalendarDate,
    options: { legalStatus?: LegalStatus; placementType?: PlacementType } = {},
  ): StoredOversightEvent {
    const periodId = `${childId}:${startDate}`;
    const firstReviewDueBy = firstReviewDueDate(startDate);
    this.openPeriod.set(childId, { periodId, reviews: 0, nextDueBy: firstReviewDueBy });
    return this.record(childStream(childId), 'CareStarted', {
      childId,
      effectiveDate: startDate,
      periodId,
      startDate,
      legalStatus: options.legalStatus ?? 'C2',
      placementType: options.placementType ?? 'U4',
      placedOutsideLocalAuthority: false,
      firstReviewDueBy,
    });
  }

  placementChanged(childId: string, effectiveDate: CalendarDate, placementType: PlacementType): StoredOversightEvent {
    return this.record(childStream(childId), 'PlacementChanged', { childId, effectiveDate, placementType, placedOutsideLocalAuthority: false });
  }

  legalStatusChanged(childId: string, effectiveDate: CalendarDate, legalStatus: LegalStatus): StoredOversightEvent {
    return this.record(childStream(childId), 'LegalStatusChanged', { childId, effectiveDate, legalStatus });
  }

  careEnded(childId: string, endDate: CalendarDate, reasonCeased: ReasonCeased = 'E11'): StoredOversightEvent {
    const period = this.openPeriod.get(childId);
    if (!period) throw new Error(`${childId} is not in care`);
    this.openPeriod.delete(childId);
    return this.record(childStream(childId), 'CareEnded', { childId, effectiveDate: endDate, periodId: period.periodId, endDate, reasonCeased });
  }

  iroAllocated(childId: string, effectiveDate: CalendarDate, iroId: string): StoredOversightEvent {
    return this.record(childStream(childId), 'IroAllocated', { childId, effectiveDate, iroId });
  }

  reviewHeld(
    childId: string,
    heldOn: CalendarDate,
    options: { iroVisitedBeforeReview?: boolean | null; permanencePlanInPlace?: boolean; participation?: ParticipationCode; chairIroId?: string } = {},
  ): StoredOversightEvent {
    const period = this.openPeriod.get(childId);
    if (!period) throw new Error(`${childId} is not in care`);
    const sequence = period.reviews + 1;
    const dueBy = period.nextDueBy;
    const nextReviewDueBy = nextReviewDueDate(sequence, heldOn);
    this.openPeriod.set(childId, { ...period, reviews: sequence, nextDueBy: nextReviewDueBy });
    return this.record(childStream(childId), 'ReviewHeld', {
      childId,
      effectiveDate: heldOn,
      reviewId: `${childId}-review-${this.events.length + 1}`,
      periodId: period.periodId,
      heldOn,
      chairIroId: options.chairIroId ?? 'iro-1',
      participation: options.participation ?? 'PN1',
      iroVisitedBeforeReview: options.iroVisitedBeforeReview === undefined ? true : options.iroVisitedBeforeReview,
      ...(options.permanencePlanInPlace !== undefined && { permanencePlanInPlace: options.permanencePlanInPlace }),
      sequence,
      dueBy,
      heldInTime: heldOn <= dueBy,
      nextReviewDueBy,
    });
  }

  /** An initial conference that starts a plan (or decides none). */
  initialConference(
    childId: string,
    heldOn: CalendarDate,
    options: { outcome?: 'plan-started' | 'no-plan'; categoryOfAbuse?: CategoryOfAbuse; previousPlanCount?: number; strategyDiscussionOn?: CalendarDate } = {},
  ): StoredOversightEvent {
    const outcome = options.outcome ?? 'plan-started';
    const strategyDiscussionOn = options.strategyDiscussionOn ?? heldOn;
    const dueBy = initialConferenceDueDate(strategyDiscussionOn);
    const planId = `${childId}:${heldOn}`;
    if (outcome === 'plan-started') this.openPlan.set(childId, { planId, lastType: 'initial', lastOn: heldOn });
    return this.record(childStream(childId), 'CPConferenceHeld', {
      childId,
      effectiveDate: heldOn,
      conferenceId: `${childId}-conference-${this.events.length + 1}`,
      type: 'initial',
      heldOn,
      strategyDiscussionOn,
      chairIroId: 'iro-1',
      outcome,
      ...(outcome === 'plan-started' && {
        categoryOfAbuse: options.categoryOfAbuse ?? 'NEG',
        planId,
        nextReviewConferenceDueBy: nextReviewConferenceDueDate('initial', heldOn),
      }),
      ...(options.previousPlanCount !== undefined && { previousPlanCount: options.previousPlanCount }),
      dueBy,
      heldInTime: heldOn <= dueBy,
    });
  }

  reviewConference(childId: string, heldOn: CalendarDate, outcome: 'plan-continued' | 'plan-ended' = 'plan-continued'): StoredOversightEvent {
    const plan = this.openPlan.get(childId);
    if (!plan) throw new Error(`${childId} has no open plan`);
    const dueBy = nextReviewConferenceDueDate(plan.lastType, plan.lastOn);
    if (outcome === 'plan-ended') this.openPlan.delete(childId);
    else this.openPlan.set(childId, { ...plan, lastType: 'review', lastOn: heldOn });
    return this.record(childStream(childId), 'CPConferenceHeld', {
      childId,
      effectiveDate: heldOn,
      conferenceId: `${childId}-conference-${this.events.length + 1}`,
      type: 'review',
      heldOn,
      chairIroId: 'iro-1',
      outcome,
      planId: plan.planId,
      dueBy,
      heldInTime: heldOn <= dueBy,
      ...(outcome === 'plan-continued' && { nextReviewConferenceDueBy: nextReviewConferenceDueDate('review', heldOn) }),
    });
  }

  /** A plan started without a conference (transferred in). */
  planStarted(childId: string, startDate: CalendarDate, previousPlanCount?: number): StoredOversightEvent {
    const planId = `${childId}:${startDate}`;
    this.openPlan.set(childId, { planId, lastType: 'initial', lastOn: startDate });
    return this.record(childStream(childId), 'ChildProtectionPlanStarted', {
      childId,
      effectiveDate: startDate,
      planId,
      startDate,
      categoryOfAbuse: 'EMO',
      ...(previousPlanCount !== undefined && { previousPlanCount }),
    });
  }

  planEnded(childId: string, endDate: CalendarDate): StoredOversightEvent {
    const plan = this.openPlan.get(childId);
    if (!plan) throw new Error(`${childId} has no open plan`);
    this.openPlan.delete(childId);
    return this.record(childStream(childId), 'ChildProtectionPlanEnded', { childId, effectiveDate: endDate, planId: plan.planId, endDate });
  }

  challengeRaised(
    challengeId: string,
    childIds: string[],
    raisedOn: CalendarDate,
    options: { raisedBy?: string; category?: ChallengeCategory; addressedTo?: string; config?: LocalAuthorityConfig } = {},
  ): StoredOversightEvent {
    this.stageOf.set(challengeId, 1);
    return this.record(challengeStream(challengeId), 'ChallengeRaised', {
      challengeId,
      effectiveDate: raisedOn,
      childIds,
      raisedOn,
      raisedBy: options.raisedBy ?? 'iro-1',
      category: options.category ?? 'care-planning',
      summary: 'The care plan has not been updated since the last review',
      ...(options.addressedTo !== undefined && { addressedTo: options.addressedTo }),
      stage: 1,
      responseDueBy: stageResponseDueBy(1, raisedOn, options.config ?? DEFAULT_LOCAL_AUTHORITY_CONFIG)!,
    });
  }

  challengeEscalated(challengeId: string, escalatedOn: CalendarDate, toStage: ChallengeStage): StoredOversightEvent {
    const fromStage = this.stageOf.get(challengeId) ?? 1;
    this.stageOf.set(challengeId, toStage);
    return this.record(challengeStream(challengeId), 'ChallengeEscalated', {
      challengeId,
      effectiveDate: escalatedOn,
      escalatedOn,
      fromStage,
      toStage,
      reason: 'No response',
      responseDueBy: stageResponseDueBy(toStage, escalatedOn, DEFAULT_LOCAL_AUTHORITY_CONFIG),
    });
  }

  challengeResponded(challengeId: string, respondedOn: CalendarDate): StoredOversightEvent {
    return this.record(challengeStream(challengeId), 'ChallengeResponded', {
      challengeId,
      effectiveDate: respondedOn,
      respondedOn,
      respondedBy: 'team-manager-1',
      response: 'We will update the plan',
      stage: this.stageOf.get(challengeId) ?? 1,
    });
  }

  challengeResolved(
    challengeId: string,
    resolvedOn: CalendarDate,
    outcome: ChallengeOutcome = 'resolved',
    actions: RecoveryPlanAction[] = outcome === 'recovery-plan-agreed' ? [{ action: 'Update the plan', dueBy: resolvedOn }] : [],
  ): StoredOversightEvent {
    return this.record(challengeStream(challengeId), 'ChallengeResolved', {
      challengeId,
      effectiveDate: resolvedOn,
      resolvedOn,
      outcome,
      stage: this.stageOf.get(challengeId) ?? 1,
      ...(actions.length > 0 && { recoveryPlan: { actions } }),
    });
  }

  /** Voids a recorded event, in its own stream. */
  voided(event: StoredOversightEvent, voidedOn: CalendarDate = '2021-01-01'): StoredOversightEvent {
    return this.record(event.stream, 'RecordVoided', { effectiveDate: voidedOn, eventId: event.id, voidedType: event.type, reason: 'Entered in error' });
  }
}
