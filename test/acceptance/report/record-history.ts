import { Clock } from '../../../src/clock/clock';
import { CURRENT_SCHEMA_VERSION, isOversightEventType } from '../../../src/events/schema-versions';
import { EventStore } from '../../../libs/event-store/event-store.port';
import { ReportHistory } from '../../../src/reporting/testing/report-history';

/** A clock the test moves: the store records each event at `recording.at`. */
export function recordingClock(): Clock & { at: Date } {
  const clock = { at: new Date(0), now: () => new Date(clock.at) };
  return clock;
}

/**
 * Appends a hand-built history to a real store, each event recorded at the instant the
 * history gives it (the store's clock is moved before each append).
 */
export async function recordHistory(store: EventStore, clock: { at: Date }, history: ReportHistory): Promise<void> {
  for (const event of history.events) {
    clock.at = new Date(event.recordedAt);
    await store.appendToStream(
      event.stream,
      [{
        id: `${event.stream}-${event.id}`,
        type: event.type,
        schemaVersion: isOversightEventType(event.type) ? CURRENT_SCHEMA_VERSION[event.type] : 1,
        data: voidWithStoreId(event.stream, event.data as unknown as Record<string, unknown>, event.type),
        metadata: { correlationId: event.id, causationId: event.id, actor: { userId: 'test', role: 'system' } },
      }],
      'any',
    );
  }
}

/** The store's ids are `<stream>-<id>`, so a void names its record that way too. */
function voidWithStoreId(stream: string, data: Record<string, unknown>, type: string): Record<string, unknown> {
  return type === 'RecordVoided' ? { ...data, eventId: `${stream}-${data.eventId}` } : data;
}
