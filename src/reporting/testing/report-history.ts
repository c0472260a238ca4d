import { CalendarDate } from '../../calendar/calendar-date';
import {
  CategoryOfAbuse, ChallengeCategory, ChallengeOutcome, ChallengeStage, ConferenceOutcome, EthnicityCode,
  LegalStatus, ParticipationCode, PlacementType, ReasonCeased, Sex,
} from '../../events/codes';
import { OversightEvent, OversightEventMap, OversightEventType } from '../../events/oversight-events';
import { challengeStream, childStream } from '../../events/streams';
import { FoldableEvent } from '../fold-report-facts';

/**
 * A hand-built history for report specs: each call records one event (with a stream,
 * a global position and the current `recordedAt`) and returns its id, so a spec can
 * void it or record it "late" with `recordedOn`.
 */
export class ReportHistory {
  readonly events: FoldableEvent[] = [];
  private recordedAt = '2000-01-01T00:00:00.000Z';
  private readonly openPeriods = new Map<string, string>();

  /** events recorded from now on carry this instant */
  recordedOn(instant: string): this {
    this.recordedAt = new Date(instant).toISOString();
    return this;
  }

  record<K extends OversightEventType>(stream: string, type: K, data: OversightEventMap[K]): string {
    const position = this.events.length + 1;
    const id = `e${position}`;
    this.events.push({ id, stream, type, data, position, recordedAt: this.recordedAt } as unknown as FoldableEvent);
    return id;
  }

  registerChild(
    childId: string,
    details: { dateOfBirth?: CalendarDate; expectedDateOfBirth?: CalendarDate; sex?: Sex; ethnicity?: EthnicityCode; familyId?: string },
  ): string {
    return this.record(childStream(childId), 'ChildRegistered', {
      childId, sex: details.sex ?? 'female', effectiveDate: details.dateOfBirth ?? details.expectedDateOfBirth ?? '2000-01-01', ...details,
    });
  }

  startCare(
    childId: string,
    startDate: CalendarDate,
    details: { legalStatus?: LegalStatus; placementType?: PlacementType; outside?: boolean } = {},
  ): string {
    const periodId = `${childId}:${startDate}`;
    this.openPeriods.set(childId, periodId);
    return this.record(childStream(childId), 'CareStarted', {
      childId, periodId, startDate, effectiveDate: startDate, legalStatus: details.legalStatus ?? 'C2',
      placementType: details.placementType ?? 'U4', placedOutsideLocalAuthority: details.outside ?? false, firstReviewDueBy: startDate,
    });
  }

  changePlacement(childId: string, effectiveDate: CalendarDate, placementType: PlacementType, outside = false): string {
    return this.record(childStream(childId), 'PlacementChanged', {
      childId, effectiveDate, placementType, placedOutsideLocalAuthority: outside,
    });
  }

  changeLegalStatus(childId: string, effectiveDate: CalendarDate, legalStatus: LegalStatus): string {
    return this.record(childStream(childId), 'LegalStatusChanged', { childId, effectiveDate, legalStatus });
  }

  endCare(childId: string, endDate: CalendarDate, reasonCeased: ReasonCeased = 'E41'): string {
    const periodId = this.openPeriods.get(childId) ?? `${childId}:unknown`;
    return this.record(childStream(childId), 'CareEnded', { childId, periodId, endDate, effectiveDate: endDate, reasonCeased });
  }

  allocateIro(childId: string, effectiveDate: CalendarDate, iroId: string): string {
    return this.record(childStream(childId), 'IroAllocated', { childId, effectiveDate, iroId });
  }

  holdReview(
    childId: string,
    heldOn: CalendarDate,
    details: { reviewId?: string; participation?: ParticipationCode; visited?: boolean | null; periodId?: string } = {},
  ): string {
    return this.record(childStream(childId), 'ReviewHeld', {
      childId, reviewId: details.reviewId ?? `${childId}-r-${heldOn}`, periodId: details.periodId ?? this.openPeriods.get(childId) ?? '',
      heldOn, effectiveDate: heldOn, chairIroId: 'iro-1', participation: details.participation ?? 'PN1',
      iroVisitedBeforeReview: details.visited === undefined ? true : details.visited, sequence: 0, dueBy: heldOn, heldInTime: true,
      nextReviewDueBy: heldOn,
    });
  }

  holdConference(
    childId: string,
    heldOn: CalendarDate,
    details: {
      type: 'initial' | 'review'; outcome: ConferenceOutcome; strategyDiscussionOn?: CalendarDate;
      categoryOfAbuse?: CategoryOfAbuse; previousPlanCount?: number; conferenceId?: string; planId?: string;
    },
  ): string {
    const { type, conferenceId, ...rest } = details;
    return this.record(childStream(childId), 'CPConferenceHeld', {
      childId, conferenceId: conferenceId ?? `${childId}-${type}-${heldOn}`, type, heldOn, effectiveDate: heldOn, chairIroId: 'iro-1',
      dueBy: heldOn, heldInTime: true, ...rest,
    });
  }

  /** an initial conference that starts a plan; returns the plan id */
  startPlan(childId: string, heldOn: CalendarDate, categoryOfAbuse: CategoryOfAbuse = 'NEG', details: { strategyDiscussionOn?: CalendarDate; previousPlanCount?: number } = {}): string {
    this.holdConference(childId, heldOn, { type: 'initial', outcome: 'plan-started', categoryOfAbuse, strategyDiscussionOn: details.strategyDiscussionOn ?? heldOn, previousPlanCount: details.previousPlanCount });
    return `${childId}:${heldOn}`;
  }

  endPlan(childId: string, heldOn: CalendarDate): string {
    return this.holdConference(childId, heldOn, { type: 'review', outcome: 'plan-ended' });
  }

  raiseChallenge(challengeId: string, childIds: string[], raisedOn: CalendarDate, category: ChallengeCategory = 'drift-and-delay'): string {
    return this.record(challengeStream(challengeId), 'ChallengeRaised', {
      challengeId, childIds, raisedOn, effectiveDate: raisedOn, raisedBy: 'iro-1', category, summary: 'summary', stage: 1, responseDueBy: raisedOn,
    });
  }

  escalateChallenge(challengeId: string, escalatedOn: CalendarDate, fromStage: ChallengeStage, toStage: ChallengeStage): string {
    return this.record(challengeStream(challengeId), 'ChallengeEscalated', {
      challengeId, escalatedOn, effectiveDate: escalatedOn, fromStage, toStage, reason: 'no answer', responseDueBy: null,
    });
  }

  resolveChallenge(challengeId: string, resolvedOn: CalendarDate, outcome: ChallengeOutcome = 'resolved', stage: ChallengeStage = 1): string {
    return this.record(challengeStream(challengeId), 'ChallengeResolved', {
      challengeId, resolvedOn, effectiveDate: resolvedOn, outcome, stage,
      ...(outcome === 'recovery-plan-agreed' ? { recoveryPlan: { actions: [{ action: 'act', dueBy: resolvedOn }] } } : {}),
    });
  }

  voidRecord(stream: string, eventId: string): string {
    const voided = this.events.find((e) => e.id === eventId);
    return this.record(stream, 'RecordVoided', {
      eventId, voidedType: voided?.type ?? 'unknown', reason: 'entered wrongly', effectiveDate: '2020-01-01',
    });
  }
}

export type { OversightEvent };
