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

/** A set of writes applied atomically with a projection's checkpoint. */
export interface ReadStoreBatch {
  upsert(collection: string, document: Document): void;
  delete(collection: string, id: string): void;
}

export interface ReadStore {
  get<T extends Document = Document>(collection: string, id: string): Promise<T | null>;
  find<T extends Document = Document>(collection: string, filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  upsert(collection: string, document: Document): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
  /** the checkpoint (last applied global position) of a projection, 0 when none */
  checkpoint(projection: string): Promise<number>;
  /** applies the writes and moves the projection's checkpoint in one transaction */
  commit(projection: string, position: number, write: (batch: ReadStoreBatch) => void): Promise<void>;
  /** drops a collection's documents */
  dropCollection(collection: string): Promise<void>;
  /** atomically renames `from` to `to`, replacing `to` (for a rebuild swapped in without stopping queries) */
  swapCollection(from: string, to: string): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('ReadStore');
