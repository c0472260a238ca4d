import { LocalAuthorityConfig } from '../config/local-authority-config';
import { StoredOversightEvent } from '../events/envelope';

/** A read-model document: plain JSON with a string `_id`. */
export type ProjectionDocument = { _id: string } & Record<string, unknown>;

/**
 * The documents a projection reads and writes while folding one event. The projector
 * backs this with an in-memory copy of the projection's collections and commits the
 * documents it changed, with the checkpoint, in one transaction.
 */
export interface ProjectionDocuments {
  get<T extends ProjectionDocument = ProjectionDocument>(collection: string, id: string): T | undefined;
  put(collection: string, document: ProjectionDocument): void;
  remove(collection: string, id: string): void;
}

/** An index a read model's queries need, besides `_id` (the MongoDB read store creates it). */
export interface ReadModelIndex {
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  name?: string;
}

export interface ProjectionContext {
  config: LocalAuthorityConfig;
}

/**
 * A projection is a pure fold: apply(event) reads and writes documents and nothing
 * else (no clock, no I/O). Delivery is at-least-once; the projector skips events at or
 * below the checkpoint, so apply need not be idempotent by itself, but a rebuild from
 * position 0 must give the same documents.
 */
export interface Projection {
  readonly name: string;
  readonly collections: readonly string[];
  /** optional: per collection, the indexes its queries need, e.g. `{ challenges: [{ keys: { status: 1, raisedOn: 1 } }] }` */
  readonly indexes?: Readonly<Record<string, readonly ReadModelIndex[]>>;
  apply(event: StoredOversightEvent, documents: ProjectionDocuments, context: ProjectionContext): void;
}
