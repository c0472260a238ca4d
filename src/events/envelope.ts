import { Role } from './codes';
import { OversightEvent } from './oversight-events';

export interface Actor {
  userId: string;
  role: Role;
}

export interface EventMetadata {
  correlationId: string;
  causationId: string;
  actor: Actor;
  idempotencyKey?: string;
  /** where an imported event came from, e.g. `ssda903:2019:episodes.csv:42` */
  source?: string;
  [key: string]: unknown;
}

/** An event ready to append. `id` is unique across the store (a uuid, or deterministic for imports). */
export interface NewEvent {
  id: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/** An event as the store gives it back. */
export interface RecordedEvent {
  id: string;
  stream: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** 0-based position within its stream */
  revision: number;
  /** global position, gap-free and increasing, starting at 1 */
  position: number;
  /** ISO instant when the store recorded it */
  recordedAt: string;
}

/** A recorded event read as an oversight event (after upcasting). */
export type StoredOversightEvent = OversightEvent & {
  id: string;
  stream: string;
  schemaVersion: number;
  metadata: EventMetadata;
  revision: number;
  position: number;
  recordedAt: string;
};
