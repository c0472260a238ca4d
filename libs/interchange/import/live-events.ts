import { StoredOversightEvent } from '../../../src/events/envelope';

/** The stream without voids and without the records they void. */
export function liveEvents(stream: readonly StoredOversightEvent[]): StoredOversightEvent[] {
  const voided = new Set(stream.flatMap((event) => (event.type === 'RecordVoided' ? [event.data.eventId] : [])));
  return stream.filter((event) => event.type !== 'RecordVoided' && !voided.has(event.id));
}
