import { OversightEvent, OversightEventType } from './oversight-events';
import { RecordedEvent, StoredOversightEvent } from './envelope';

/** The schema version each event type is written with today. */
export const CURRENT_SCHEMA_VERSION: Record<OversightEventType, number> = {
  ChildRegistered: 1,
  CareStarted: 1,
  PlacementChanged: 1,
  LegalStatusChanged: 1,
  CareEnded: 1,
  IroAllocated: 1,
  ReviewHeld: 1,
  CPConferenceHeld: 1,
  ChildProtectionPlanStarted: 1,
  ChildProtectionPlanEnded: 1,
  ChallengeRaised: 1,
  ChallengeEscalated: 1,
  ChallengeResponded: 1,
  ChallengeResolved: 1,
  RecordVoided: 1,
};

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upcasters by type and the version they read: `upcasters.ReviewHeld[1]` would turn
 * a version 1 ReviewHeld into version 2. Old versions are upcast on read, never rewritten.
 */
const upcasters: Partial<Record<OversightEventType, Record<number, Upcaster>>> = {};

export function upcast(event: RecordedEvent): StoredOversightEvent {
  const type = event.type as OversightEventType;
  const target = CURRENT_SCHEMA_VERSION[type];
  let data = event.data;
  let version = event.schemaVersion;
  while (target !== undefined && version < target) {
    const step = upcasters[type]?.[version];
    if (!step) throw new Error(`no upcaster for ${type} v${version}`);
    data = step(data);
    version += 1;
  }
  return { ...event, type, data, schemaVersion: version } as unknown as StoredOversightEvent;
}

export function isOversightEventType(type: string): type is OversightEventType {
  return Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA_VERSION, type);
}

export function schemaVersionOf(event: OversightEvent): number {
  return CURRENT_SCHEMA_VERSION[event.type];
}
