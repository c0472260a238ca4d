import { createHash } from 'node:crypto';
import { EventData, jsonEvent, JSONType, Position, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { EventMetadata, NewEvent, RecordedEvent } from '../../../src/events/envelope';

/**
 * How our events sit in EventStoreDB.
 *
 * - Data is the event's data as JSON; the event type is the type.
 * - Metadata is ours plus keys the adapter owns, all `$`-prefixed (our metadata never
 *   uses `$`): `$schemaVersion`; `$recordedAt` (the store clock's instant, so that "as of"
 *   replays behave as on SQLite instead of using the server's `created`); `$correlationId`
 *   and `$causationId` (EventStoreDB's own names, for its correlation projection); and
 *   `$eventId` when our id is not a UUID.
 * - EventStoreDB ids must be UUIDs. A UUID id is used as it is; any other id (deterministic
 *   import ids) is turned into a name-based UUID, the same every time, so a repeated
 *   import is still recognised as the same events.
 * - Positions: an event's commit position in the transaction log. For events appended
 *   through gRPC the commit and prepare positions are the same, so the number identifies
 *   the event; it increases along $all but is NOT gap-free (it is a byte offset).
 */
const ADAPTER_KEYS = ['$schemaVersion', '$recordedAt', '$correlationId', '$causationId', '$eventId'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** a fixed namespace for ids that are not UUIDs (RFC 4122 name-based, SHA-1) */
const ID_NAMESPACE = 'iro-oversight:event-id:';

export function storedEventId(id: string): string {
  if (UUID.test(id)) return id;
  const hash = createHash('sha1').update(ID_NAMESPACE + id).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function toEventData(event: NewEvent, recordedAt: string): EventData {
  const storedId = storedEventId(event.id);
  return jsonEvent({
    id: storedId,
    type: event.type,
    data: event.data as JSONType,
    metadata: {
      ...event.metadata,
      $schemaVersion: event.schemaVersion,
      $recordedAt: recordedAt,
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
      ...(storedId === event.id ? {} : { $eventId: event.id }),
    },
  });
}

/** system streams and event types ($stats, $metadata, links `$>`, ...) are not ours */
export function isSystemEvent(event: EsdbRecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** the port's number for a log position (see above) */
export function positionNumber(position: Position | undefined): number | undefined {
  // servers before 22.6 give no position on stream reads (or the max uint64)
  if (!position || position.commit >= 2n ** 63n) return undefined;
  return Number(position.commit);
}

export function logPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

/**
 * `position` is -1 when the server did not say (stream reads on EventStoreDB older than
 * 22.6); reads of $all and subscriptions always carry it.
 */
export function fromStoredEvent(event: EsdbRecordedEvent): RecordedEvent {
  const stored = (isRecord(event.metadata) ? event.metadata : {}) as Record<string, unknown>;
  const metadata: Record<string, unknown> = { ...stored };
  for (const key of ADAPTER_KEYS) delete metadata[key];
  return {
    id: typeof stored.$eventId === 'string' ? stored.$eventId : event.id,
    stream: event.streamId,
    type: event.type,
    schemaVersion: typeof stored.$schemaVersion === 'number' ? stored.$schemaVersion : 1,
    data: (isRecord(event.data) ? event.data : {}) as Record<string, unknown>,
    metadata: metadata as EventMetadata,
    revision: Number(event.revision),
    position: positionNumber(event.position) ?? -1,
    recordedAt: typeof stored.$recordedAt === 'string' ? stored.$recordedAt : event.created.toISOString(),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
