import { CalendarDate } from '../../calendar/calendar-date';
import { ConferenceOutcome, ConferenceType, LegalStatus, PlacementType } from '../../events/codes';
import { StoredOversightEvent } from '../../events/envelope';

/**
 * The dated facts of a child's record that the read models need, one per event, each
 * naming the event it came from. A document keeps them so that, when a record is voided,
 * it drops that fact and derives everything again from what is left (nothing counts a
 * voided record). `date` is the effective date the fact speaks of.
 */
interface FactOf {
  eventId: string;
  position: number;
  date: CalendarDate;
}

export type ChildFact =
  | (FactOf & { kind: 'registered' })
  /** the registration was voided (the void's record and date): until a new registration the service does not know the child */
  | (FactOf & { kind: 'registration-voided' })
  | (FactOf & { kind: 'care-started'; periodId: string; legalStatus: LegalStatus; placementType: PlacementType })
  | (FactOf & { kind: 'care-ended'; periodId: string })
  | (FactOf & { kind: 'placement-changed'; placementType: PlacementType })
  | (FactOf & { kind: 'legal-status-changed'; legalStatus: LegalStatus })
  | (FactOf & { kind: 'iro-allocated'; iroId: string })
  | (FactOf & {
      kind: 'review-held';
      periodId: string;
      iroVisitedBeforeReview: boolean | null;
      permanencePlanInPlace: boolean | null;
    })
  | (FactOf & {
      kind: 'conference-held';
      conferenceType: ConferenceType;
      outcome: ConferenceOutcome;
      planId: string | null;
      previousPlanCount: number | null;
    })
  | (FactOf & { kind: 'plan-started'; planId: string; previousPlanCount: number | null })
  | (FactOf & { kind: 'plan-ended'; planId: string });

export type ChildFactKind = ChildFact['kind'];

/** The child a child-stream event is about, or undefined for any other event. */
export function childIdOf(event: StoredOversightEvent): string | undefined {
  if (event.type === 'RecordVoided') {
    return event.stream.startsWith('child-') ? event.stream.slice('child-'.length) : undefined;
  }
  const data = event.data as { childId?: unknown; challengeId?: unknown };
  return typeof data.childId === 'string' && data.challengeId === undefined ? data.childId : undefined;
}

/** The fact a child-stream event records, if it records one the read models use. */
export function childFactOf(event: StoredOversightEvent): ChildFact | undefined {
  const eventId = event.id;
  const position = event.position;
  switch (event.type) {
    case 'ChildRegistered':
      return { eventId, position, kind: 'registered', date: event.data.effectiveDate };
    case 'CareStarted': {
      const d = event.data;
      return { eventId, position, kind: 'care-started', date: d.startDate, periodId: d.periodId, legalStatus: d.legalStatus, placementType: d.placementType };
    }
    case 'CareEnded':
      return { eventId, position, kind: 'care-ended', date: event.data.endDate, periodId: event.data.periodId };
    case 'PlacementChanged':
      return { eventId, position, kind: 'placement-changed', date: event.data.effectiveDate, placementType: event.data.placementType };
    case 'LegalStatusChanged':
      return { eventId, position, kind: 'legal-status-changed', date: event.data.effectiveDate, legalStatus: event.data.legalStatus };
    case 'IroAllocated':
      return { eventId, position, kind: 'iro-allocated', date: event.data.effectiveDate, iroId: event.data.iroId };
    case 'ReviewHeld': {
      const d = event.data;
      return {
        eventId,
        position,
        kind: 'review-held',
        date: d.heldOn,
        periodId: d.periodId,
        iroVisitedBeforeReview: d.iroVisitedBeforeReview ?? null,
        permanencePlanInPlace: d.permanencePlanInPlace ?? null,
      };
    }
    case 'CPConferenceHeld': {
      const d = event.data;
      return {
        eventId,
        position,
        kind: 'conference-held',
        date: d.heldOn,
        conferenceType: d.type,
        outcome: d.outcome,
        planId: d.planId ?? null,
        previousPlanCount: d.previousPlanCount ?? null,
      };
    }
    case 'ChildProtectionPlanStarted': {
      const d = event.data;
      return { eventId, position, kind: 'plan-started', date: d.startDate, planId: d.planId, previousPlanCount: d.previousPlanCount ?? null };
    }
    case 'ChildProtectionPlanEnded':
      return { eventId, position, kind: 'plan-ended', date: event.data.endDate, planId: event.data.planId };
    default:
      return undefined;
  }
}

/**
 * The facts after this event: a new fact added (once, however often the event is
 * delivered), or the voided record's fact taken out. Unchanged (the same array) when
 * the event touches no fact of these kinds.
 */
export function childFactsAfter(
  facts: readonly ChildFact[],
  event: StoredOversightEvent,
  kept: (fact: ChildFact) => boolean = () => true,
): readonly ChildFact[] {
  if (event.type === 'RecordVoided') {
    const voided = event.data.eventId;
    if (!facts.some((fact) => fact.eventId === voided)) return facts;
    const left = facts.filter((fact) => fact.eventId !== voided);
    const marker = registrationVoidedFact(event);
    return marker && kept(marker) ? [...left, marker] : left;
  }
  const fact = childFactOf(event);
  if (!fact || !kept(fact) || facts.some((known) => known.eventId === fact.eventId)) return facts;
  return [...facts, fact];
}

/** The marker a void of the registration leaves among the facts; undefined for a void of any other record. */
function registrationVoidedFact(event: Extract<StoredOversightEvent, { type: 'RecordVoided' }>): ChildFact | undefined {
  if (event.data.voidedType !== 'ChildRegistered') return undefined;
  return { eventId: event.id, position: event.position, kind: 'registration-voided', date: event.data.effectiveDate };
}

/** What an event changes in a child's facts: a fact added, the fact of a voided record taken out, or both (a voided registration leaves its marker). */
export type ChildFactChange = { add?: ChildFact; voided?: string };

/**
 * The change childFactsAfter would make, for a replay, before the facts are looked up
 * (undefined: none, whatever the facts). A replay reads each event of the store once,
 * and event ids are unique in the store, so a new fact is never there already and is
 * not looked for (childFactsAfter looks, for redelivered events).
 */
export function childFactChangeInReplay(
  event: StoredOversightEvent,
  kept: (fact: ChildFact) => boolean = () => true,
): ChildFactChange | undefined {
  if (event.type === 'RecordVoided') {
    const marker = registrationVoidedFact(event);
    return marker && kept(marker) ? { voided: event.data.eventId, add: marker } : { voided: event.data.eventId };
  }
  const fact = childFactOf(event);
  return fact && kept(fact) ? { add: fact } : undefined;
}

/**
 * Makes the change in place (a replay keeps no undo log); true when the facts changed.
 * An event id is never there twice, so taking out the one voided is taking out all.
 */
export function changeChildFacts(facts: ChildFact[], change: ChildFactChange): boolean {
  if (change.voided !== undefined) {
    const at = facts.findIndex((fact) => fact.eventId === change.voided);
    if (at < 0) return false;
    facts.splice(at, 1);
  }
  if (change.add) facts.push(change.add);
  return true;
}

/**
 * Whether the service knows the child: it does unless its registration was voided and not
 * entered again (a child the service does not know counts nowhere, as GET /children/{id}
 * answers 404 for it).
 */
export function isKnownChild(facts: readonly ChildFact[]): boolean {
  return facts.some((fact) => fact.kind === 'registered') || !facts.some((fact) => fact.kind === 'registration-voided');
}

/** isKnownChild as a read-store filter on documents that keep the facts in `facts` */
export const KNOWN_CHILD_FILTER: Record<string, unknown> = {
  $or: [{ 'facts.kind': 'registered' }, { 'facts.kind': { $ne: 'registration-voided' } }],
};

/** Facts in the order they happened: by effective date, then as recorded. */
export function inDateOrder<T extends { date: CalendarDate; position: number }>(facts: readonly T[]): T[] {
  // records mostly arrive in the order they happened: then there is nothing to sort
  let sorted = true;
  for (let i = 1; i < facts.length && sorted; i += 1) sorted = byDateThenPosition(facts[i - 1], facts[i]) <= 0;
  return sorted ? facts.slice() : [...facts].sort(byDateThenPosition);
}

function byDateThenPosition(a: { date: CalendarDate; position: number }, b: { date: CalendarDate; position: number }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.position - b.position;
}
