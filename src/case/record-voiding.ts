import { CalendarDate } from '../calendar/calendar-date';
import { accept, Decision, DecisionContext, reject } from '../decision/decision';
import { OversightEventType } from '../events/oversight-events';
import { RecordRuleId } from './case-rules';
import { Chain, SeenEvent, seenEventTypes } from './case-state';

/** What a stream's fold knows of its records, enough to decide a void. */
export interface VoidableRecords {
  eventsSeen: Chain<SeenEvent>;
  voidedIds: string[];
  /** by event id: the ids of the standing records that stand on it */
  dependents: Record<string, string[]>;
}

export interface VoidRequest {
  eventId: string;
  reason: string;
  voidedOn: CalendarDate;
}

const refuse = (rule: RecordRuleId, message: string): Decision => reject(rule, message);

/**
 * A record entered wrongly is voided, never edited: it must be a record of this same
 * stream, not voided already, not itself a void (the right record is entered anew), and
 * no standing record may stand on it (those are voided first, latest first, and entered
 * anew after it).
 */
export function decideVoid(records: VoidableRecords, request: VoidRequest, context: Pick<DecisionContext, 'today'>): Decision {
  const { eventId, reason, voidedOn } = request;
  if (voidedOn > context.today) {
    return refuse('date-in-future', `The void is dated ${voidedOn}, after today (${context.today}).`);
  }
  if (records.voidedIds.includes(eventId)) {
    return refuse('void-already-voided', `Record ${eventId} is already voided.`);
  }
  const seen = seenEventTypes(records.eventsSeen);
  const voidedType = seen.get(eventId);
  if (!voidedType) {
    return refuse('void-unknown-event', `There is no record ${eventId} in this stream.`);
  }
  if (voidedType === 'RecordVoided') {
    return refuse('void-cannot-be-voided', `Record ${eventId} is itself a void and cannot be voided.`);
  }
  const dependents = standingDependentsOf(records, seen, eventId);
  if (dependents.length > 0) {
    const named = dependents.map((id) => `${id} (${seen.get(id)})`).join(', ');
    return refuse(
      'void-has-dependent-records',
      `Record ${eventId} (${voidedType}) cannot be voided while records that depend on it stand: ${named}. ` +
        'Void them first, latest first (in the order listed), then this one, and enter the right records anew.',
    );
  }
  return accept({ type: 'RecordVoided', data: { eventId, voidedType, reason, effectiveDate: voidedOn } });
}

/** Every standing record that stands on `eventId`, directly or through another, latest recorded first. */
function standingDependentsOf(records: VoidableRecords, seen: ReadonlyMap<string, OversightEventType>, eventId: string): string[] {
  const voided = new Set(records.voidedIds);
  const found = new Set<string>();
  const pending = [eventId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const direct = Object.hasOwn(records.dependents, id) ? records.dependents[id] : [];
    for (const dependent of direct) {
      if (voided.has(dependent) || found.has(dependent) || dependent === eventId) continue;
      found.add(dependent);
      pending.push(dependent);
    }
  }
  const order = new Map([...seen.keys()].map((id, index) => [id, index]));
  return [...found].sort((a, b) => (order.get(b) ?? -1) - (order.get(a) ?? -1));
}
