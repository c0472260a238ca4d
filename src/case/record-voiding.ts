import { CalendarDate } from '../calendar/calendar-date';
import { accept, Decision, DecisionContext, reject } from '../decision/decision';
import { OversightEventType } from '../events/oversight-events';
import { RecordRuleId } from './case-rules';

/** What a stream's fold knows of its records, enough to decide a void. */
export interface VoidableRecords {
  eventsSeen: Record<string, OversightEventType>;
  voidedIds: string[];
}

export interface VoidRequest {
  eventId: string;
  reason: string;
  voidedOn: CalendarDate;
}

const refuse = (rule: RecordRuleId, message: string): Decision => reject(rule, message);

/**
 * A record entered wrongly is voided, never edited: it must be a record of this same
 * stream, not voided already, and not itself a void (the right record is entered anew).
 */
export function decideVoid(records: VoidableRecords, request: VoidRequest, context: Pick<DecisionContext, 'today'>): Decision {
  const { eventId, reason, voidedOn } = request;
  if (voidedOn > context.today) {
    return refuse('date-in-future', `The void is dated ${voidedOn}, after today (${context.today}).`);
  }
  if (records.voidedIds.includes(eventId)) {
    return refuse('void-already-voided', `Record ${eventId} is already voided.`);
  }
  // own keys only: an id such as `toString` or `__proto__` names no record
  const voidedType = Object.hasOwn(records.eventsSeen, eventId) ? records.eventsSeen[eventId] : undefined;
  if (!voidedType) {
    return refuse('void-unknown-event', `There is no record ${eventId} in this stream.`);
  }
  if (voidedType === 'RecordVoided') {
    return refuse('void-cannot-be-voided', `Record ${eventId} is itself a void and cannot be voided.`);
  }
  return accept({ type: 'RecordVoided', data: { eventId, voidedType, reason, effectiveDate: voidedOn } });
}
