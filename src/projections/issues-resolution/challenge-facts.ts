import { CalendarDate } from '../../calendar/calendar-date';
import { ChallengeCategory, ChallengeOutcome, ChallengeStage } from '../../events/codes';
import { StoredOversightEvent } from '../../events/envelope';

/**
 * The dated steps of a challenge, one per event, each naming the event it came from, so
 * that a voided step can be dropped and the challenge derived again from what is left.
 */
interface StepOf {
  eventId: string;
  position: number;
  date: CalendarDate;
}

export type ChallengeFact =
  | (StepOf & {
      kind: 'raised';
      childIds: string[];
      raisedBy: string;
      category: ChallengeCategory;
      addressedTo: string | null;
      /** the stage's deadline as decided when recorded (absent in facts stored before it was kept) */
      responseDueBy?: CalendarDate;
    })
  | (StepOf & { kind: 'escalated'; fromStage: ChallengeStage; toStage: ChallengeStage; responseDueBy?: CalendarDate | null })
  | (StepOf & { kind: 'responded'; stage: ChallengeStage })
  | (StepOf & { kind: 'resolved'; stage: ChallengeStage; outcome: ChallengeOutcome; recoveryPlanActions: number });

/** The challenge a challenge-stream event is about, or undefined for any other event. */
export function challengeIdOf(event: StoredOversightEvent): string | undefined {
  if (event.type === 'RecordVoided') {
    return event.stream.startsWith('challenge-') ? event.stream.slice('challenge-'.length) : undefined;
  }
  const data = event.data as { challengeId?: unknown };
  return typeof data.challengeId === 'string' ? data.challengeId : undefined;
}

export function challengeFactOf(event: StoredOversightEvent): ChallengeFact | undefined {
  const eventId = event.id;
  const position = event.position;
  switch (event.type) {
    case 'ChallengeRaised': {
      const d = event.data;
      return {
        eventId,
        position,
        kind: 'raised',
        date: d.raisedOn,
        childIds: [...d.childIds],
        raisedBy: d.raisedBy,
        category: d.category,
        addressedTo: d.addressedTo ?? null,
        responseDueBy: d.responseDueBy,
      };
    }
    case 'ChallengeEscalated': {
      const d = event.data;
      return { eventId, position, kind: 'escalated', date: d.escalatedOn, fromStage: d.fromStage, toStage: d.toStage, responseDueBy: d.responseDueBy };
    }
    case 'ChallengeResponded':
      return { eventId, position, kind: 'responded', date: event.data.respondedOn, stage: event.data.stage };
    case 'ChallengeResolved': {
      const d = event.data;
      return {
        eventId,
        position,
        kind: 'resolved',
        date: d.resolvedOn,
        stage: d.stage,
        outcome: d.outcome,
        recoveryPlanActions: d.recoveryPlan?.actions.length ?? 0,
      };
    }
    default:
      return undefined;
  }
}

/** The steps after this event: a new step added once, or the voided step taken out. */
export function challengeFactsAfter(facts: readonly ChallengeFact[], event: StoredOversightEvent): readonly ChallengeFact[] {
  if (event.type === 'RecordVoided') {
    const voided = event.data.eventId;
    return facts.some((fact) => fact.eventId === voided) ? facts.filter((fact) => fact.eventId !== voided) : facts;
  }
  const fact = challengeFactOf(event);
  if (!fact || facts.some((known) => known.eventId === fact.eventId)) return facts;
  return [...facts, fact];
}
