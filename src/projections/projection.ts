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
  /**
   * the version of what the fold stores (default 1): raise it with any change to the
   * fold or its documents that the stored documents do not have, and the projector
   * rebuilds the read model at its next start (a read model built by another version,
   * or before versions were recorded, is rebuilt before anything is served from it)
   */
  readonly version?: number;
  readonly collections: readonly string[];
  /** optional: collections an earlier version kept and this one does not: dropped once it is rebuilt */
  readonly retiredCollections?: readonly string[];
  /** optional: per collection, the indexes its queries need, e.g. `{ challenges: [{ keys: { status: 1, raisedOn: 1 } }] }` */
  readonly indexes?: Readonly<Record<string, readonly ReadModelIndex[]>>;
  apply(event: StoredOversightEvent, documents: ProjectionDocuments, context: ProjectionContext): void;
  /** optional: a cheaper fold for a replay from position 0 (see ProjectionReplay) */
  readonly replay?: ProjectionReplay;
}

/**
 * A replay from position 0 into fresh collections (a rebuild) only needs the documents
 * as they stand after the last event, so what they derive from their facts need not be
 * worked out again at every event. A projection may offer this fold: `apply` keeps the
 * facts (and may leave derived parts stale or out), and `complete` gives each document
 * once, after the last event and before it is written, as `Projection.apply` would have
 * left it (undefined: the document would not exist). The projector completes the
 * collections in the order the projection declares them; `complete` reads other
 * documents as replay's `apply` left them, so it may read only collections it does not
 * change. Folding the same events with `Projection.apply`, or with this `apply` and then
 * `complete`, must give the same documents. A replay keeps no undo log (an event that
 * throws aborts it), so this `apply` may change the documents it reads in place.
 */
export interface ProjectionReplay {
  apply(event: StoredOversightEvent, documents: ProjectionDocuments, context: ProjectionContext): void;
  /**
   * optional: the collections whose documents are each about one child, with the child's
   * id as `_id`. Naming them lets a rebuild replay child by child (see
   * libs/projector/childwise-rebuild.ts): first every event of the streams that are not a
   * child's, in the order recorded, then each child's stream in turn, completing and
   * writing that child's documents as soon as its stream is done. It promises that
   *   - the events of a child's stream change only that child's documents, and a child's
   *     document is changed by no other events than those and the events of streams
   *     that are not a child's;
   *   - this apply gives the same documents in that order as in the order recorded;
   *   - `complete` of a child's document reads no other document, and `complete` of any
   *     other document reads child documents only as completed.
   * The rebuild refuses a change to another document while a child's records are folded;
   * the rest is checked for every projection of ALL_PROJECTIONS by
   * libs/projector/embedded-rebuild.int.spec.ts (the rebuild against a plain fold).
   */
  readonly childCollections?: readonly string[];
  complete(
    collection: string,
    document: ProjectionDocument,
    documents: Pick<ProjectionDocuments, 'get'>,
    context: ProjectionContext,
  ): ProjectionDocument | undefined;
}

/** the version of a projection's code (Projection.version, default 1) */
export const projectionVersion = (projection: Pick<Projection, 'version'>): number => projection.version ?? 1;
