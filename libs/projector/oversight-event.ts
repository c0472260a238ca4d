import { RecordedEvent, StoredOversightEvent } from '../../src/events/envelope';
import { CURRENT_SCHEMA_VERSION, upcast } from '../../src/events/schema-versions';

const currentVersions = new Map<string, number>(Object.entries(CURRENT_SCHEMA_VERSION));

/** every oversight event type */
export const OVERSIGHT_EVENT_TYPES: ReadonlySet<string> = new Set(currentVersions.keys());

/** The schema version an oversight event type is written with today; undefined for any other type. */
export function currentSchemaVersionOf(type: string): number | undefined {
  return currentVersions.get(type);
}

/**
 * A recorded event as the projections read it, or undefined when it is not an oversight
 * event (e.g. an access audit record). An event already at its type's current schema
 * version is handed on as it is, not copied (the store gives each read its own objects,
 * and projections never change events); an older one is upcast.
 */
export function asOversightEvent(recorded: RecordedEvent): StoredOversightEvent | undefined {
  const current = currentVersions.get(recorded.type);
  if (current === undefined) return undefined;
  return recorded.schemaVersion === current ? (recorded as unknown as StoredOversightEvent) : upcast(recorded);
}
