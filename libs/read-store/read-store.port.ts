import { ReadModelIndex } from '../../src/projections/projection';

/**
 * The read store port: documents in named collections, queried with MongoDB filter
 * syntax. Documents are plain JSON with a string `_id`.
 */
export type Document = { _id: string } & Record<string, unknown>;
export type Filter = Record<string, unknown>;
export type Sort = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
}

/** A document as stored, with the position of the commit that last wrote it (0 when written outside a commit). */
export interface StoredDocument<T extends Document = Document> {
  document: T;
  appliedPosition: number;
}

/** An index a read model needs (used by the MongoDB adapter; the embedded one evaluates queries in process). */
export type CollectionIndex = ReadModelIndex;

/** `from` is renamed over `to`. */
export interface CollectionSwap {
  from: string;
  to: string;
}

/**
 * A projection's checkpoint: the last global position applied to its documents, and the
 * epoch, which each swapInRebuild bumps (so a writer holding documents from before a
 * rebuild learns that they are stale even when the position is the same).
 */
export interface Checkpoint {
  position: number;
  epoch: number;
}

/** The stored checkpoint is not the one the writer last committed: another writer (a rebuild, a second projector) moved it. */
export class CheckpointMovedError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: Checkpoint,
    readonly actual: Checkpoint,
  ) {
    super(
      `checkpoint of ${projection} is at ${actual.position} (epoch ${actual.epoch}), expected ${expected.position} (epoch ${expected.epoch})`,
    );
    this.name = 'CheckpointMovedError';
  }
}

/** A rebuilt read model cannot be swapped in behind the live one: it must catch up to the live checkpoint first. */
export class CheckpointAheadError extends Error {
  constructor(
    readonly projection: string,
    readonly rebuiltTo: number,
    readonly live: number,
  ) {
    super(`checkpoint of ${projection} is at ${live}, the rebuild only reached ${rebuiltTo}`);
    this.name = 'CheckpointAheadError';
  }
}

/**
 * Who is rebuilding a projection. A rebuild claims each projection it rebuilds before it
 * empties the projection's rebuild collections, and gives the claim back when it ends:
 * a second rebuild started meanwhile would otherwise empty them under the first, and the
 * one swapped in last would hold only the documents written after that.
 */
export interface RebuildClaim {
  /** unique to one rebuild */
  id: string;
  host: string;
  pid: number;
  /** ISO instant */
  claimedAt: string;
}

/** Another rebuild holds the projection's claim (see RebuildClaim): nothing was changed. */
export class RebuildInProgressError extends Error {
  constructor(
    readonly projection: string,
    readonly holder: RebuildClaim,
  ) {
    super(
      `a rebuild of ${projection} is already running (process ${holder.pid} on ${holder.host}, since ${holder.claimedAt}): ` +
        'wait for it to finish, or if it no longer runs (its machine went down), rebuild with --take-over',
    );
    this.name = 'RebuildInProgressError';
  }
}

/** A set of writes applied atomically with a projection's checkpoint. */
export interface ReadStoreBatch {
  upsert(collection: string, document: Document): void;
  delete(collection: string, id: string): void;
}

/** One projection's part of a commit: its writes and its new checkpoint (see ReadStore.commit). */
export interface ProjectionCommit {
  projection: string;
  position: number;
  write: (batch: ReadStoreBatch) => void;
  expected?: Checkpoint;
}

export interface ReadStore {
  get<T extends Document = Document>(collection: string, id: string): Promise<T | null>;
  find<T extends Document = Document>(collection: string, filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  upsert(collection: string, document: Document): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
  /** the checkpoint (last applied global position) of a projection, 0 when none */
  checkpoint(projection: string): Promise<number>;
  /** the checkpoint with its epoch, `{ position: 0, epoch: 0 }` when none */
  readCheckpoint(projection: string): Promise<Checkpoint>;
  /**
   * applies the writes and moves the projection's checkpoint (keeping its epoch) in one
   * transaction. With `expected`, throws CheckpointMovedError (writing nothing) when the
   * stored checkpoint's position or epoch differs from it.
   */
  commit(
    projection: string,
    position: number,
    write: (batch: ReadStoreBatch) => void,
    expected?: Checkpoint,
  ): Promise<void>;
  /**
   * optional: several projections' commits in one transaction, all or none, each as
   * commit() would make it (a store that offers it saves a transaction per projection
   * every time the live projector commits)
   */
  commitTogether?(commits: readonly ProjectionCommit[]): Promise<void>;
  /** forgets a projection's checkpoint (e.g. a finished rebuild's) */
  deleteCheckpoint(projection: string): Promise<void>;
  /** every document of a collection, with the position that last wrote it: how the projector loads a read model */
  loadCollection<T extends Document = Document>(collection: string): Promise<StoredDocument<T>[]>;
  /** makes sure the collection exists with these indexes (besides `_id`) */
  ensureIndexes(collection: string, indexes: readonly CollectionIndex[]): Promise<void>;
  /** drops a collection's documents */
  dropCollection(collection: string): Promise<void>;
  /** atomically renames `from` to `to`, replacing `to` (for a rebuild swapped in without stopping queries) */
  swapCollection(from: string, to: string): Promise<void>;
  /**
   * swaps rebuilt collections in and sets the projection's checkpoint to `position` in a
   * new epoch, which it returns; throws CheckpointAheadError (changing nothing) when the
   * live checkpoint is already past `position`. One transaction where the backend allows it.
   */
  swapInRebuild(projection: string, position: number, swaps: readonly CollectionSwap[]): Promise<Checkpoint>;
  /**
   * Claims the projection for a rebuild: stores `claim` when no claim is held, or when
   * `stale(holder)` says the holder is gone (its process died); otherwise throws
   * RebuildInProgressError, changing nothing. Two claimants at once: one gets it.
   */
  claimRebuild(projection: string, claim: RebuildClaim, stale: (holder: RebuildClaim) => boolean): Promise<void>;
  /** Gives the projection's claim back, if the claim `claimId` still holds it. */
  releaseRebuild(projection: string, claimId: string): Promise<void>;
  /** the claim a rebuild holds on the projection, null when none does */
  rebuildClaim(projection: string): Promise<RebuildClaim | null>;
  /** the version of the projection's code its documents were built by (Projection.version), null when never recorded */
  readModelVersion(projection: string): Promise<number | null>;
  /** records the version of the projection's code its documents are built by now */
  recordReadModelVersion(projection: string, version: number): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('ReadStore');
