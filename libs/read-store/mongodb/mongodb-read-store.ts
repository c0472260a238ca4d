import { AnyBulkWriteOperation, ClientSession, Collection, Db, MongoClient, MongoServerError } from 'mongodb';
import {
  Checkpoint,
  CheckpointAheadError,
  CheckpointMovedError,
  CollectionIndex,
  CollectionSwap,
  Document,
  Filter,
  FindOptions,
  ReadStore,
  ReadStoreBatch,
  RebuildClaim,
  RebuildInProgressError,
  StoredDocument,
} from '../read-store.port';
import { assertCollectionName } from '../collection-name';

export interface MongoDbReadStoreOptions {
  /** mongodb://host:27017/iro_oversight?replicaSet=rs0 */
  url: string;
  /** the database; default the one named in the URL, else `iro_oversight` */
  database?: string;
  /**
   * `auto` (default): commit in a multi-document transaction when the deployment supports
   * one (a replica set or sharded cluster), otherwise without (see commit).
   */
  transactions?: 'auto' | 'always' | 'never';
}

/** Each stored document carries the position of the commit that last wrote it; reads strip it. */
const APPLIED_POSITION = '_appliedPosition';
const CHECKPOINTS = 'projection_checkpoints';
const REBUILD_CLAIMS = 'projection_rebuild_claims';
const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const NAMESPACE_EXISTS = 48;

type StoredMongoDocument = Document & { [APPLIED_POSITION]?: number };
interface RebuildClaimDocument {
  /** the projection */
  _id: string;
  claim: RebuildClaim;
}
interface CheckpointDocument {
  _id: string;
  position: number;
  epoch?: number;
}

/**
 * The production read store on MongoDB (driver 6). Filters go to the server as they are
 * (the port speaks MongoDB's filter syntax).
 *
 * commit: on a replica set or sharded cluster, the documents and the checkpoint are
 * written in one multi-document transaction. On a standalone server (no transactions)
 * the documents are written first, each stamped with the commit's position
 * (`_appliedPosition`), then the checkpoint: a crash in between leaves documents ahead
 * of the checkpoint, and the projector, which loads the positions with the documents,
 * does not apply to a document an event at or below its position again.
 *
 * swapInRebuild: renameCollection cannot run in a transaction, so the renames and the
 * checkpoint are sequential; each rename (with dropTarget) is atomic for queries.
 */
export class MongoDbReadStore implements ReadStore {
  private readonly client: MongoClient;
  private readonly db: Db;
  private transactionSupport?: Promise<boolean>;

  constructor(private readonly options: MongoDbReadStoreOptions) {
    this.client = new MongoClient(options.url);
    this.db = this.client.db(options.database ?? databaseInUrl(options.url) ?? 'iro_oversight');
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  async get<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    const found = await this.collection(collection).findOne({ _id: id }, { projection: { [APPLIED_POSITION]: 0 } });
    return found as T | null;
  }

  async find<T extends Document = Document>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    const found = await this.collection(collection)
      .find(filter as never, {
        projection: { [APPLIED_POSITION]: 0 },
        sort: options.sort,
        skip: options.skip,
        limit: options.limit,
      })
      .toArray();
    return found as T[];
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    return this.collection(collection).countDocuments(filter as never);
  }

  async upsert(collection: string, document: Document): Promise<void> {
    assertDocumentId(collection, document);
    await this.collection(collection).replaceOne({ _id: document._id }, { ...document, [APPLIED_POSITION]: 0 }, { upsert: true });
  }

  async delete(collection: string, id: string): Promise<void> {
    await this.collection(collection).deleteOne({ _id: id });
  }

  async checkpoint(projection: string): Promise<number> {
    return (await this.readCheckpoint(projection)).position;
  }

  async readCheckpoint(projection: string, session?: ClientSession): Promise<Checkpoint> {
    const stored = await this.checkpoints().findOne({ _id: projection }, { session });
    return { position: stored?.position ?? 0, epoch: stored?.epoch ?? 0 };
  }

  async commit(
    projection: string,
    position: number,
    write: (batch: ReadStoreBatch) => void,
    expected?: Checkpoint,
  ): Promise<void> {
    const writes = collectWrites(position, write);
    if (await this.supportsTransactions()) {
      const session = this.client.startSession();
      try {
        await session.withTransaction(() => this.applyCommit(projection, position, writes, expected, session));
      } finally {
        await session.endSession();
      }
    } else {
      await this.applyCommit(projection, position, writes, expected);
    }
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    await this.checkpoints().deleteOne({ _id: projection });
  }

  async loadCollection<T extends Document = Document>(collection: string): Promise<StoredDocument<T>[]> {
    const found = await this.collection(collection).find({}).toArray();
    return found.map(({ [APPLIED_POSITION]: appliedPosition, ...document }) => ({
      document: document as T,
      appliedPosition: appliedPosition ?? 0,
    }));
  }

  async ensureIndexes(collection: string, indexes: readonly CollectionIndex[]): Promise<void> {
    await this.createCollectionIfMissing(collection);
    if (indexes.length === 0) return;
    await this.collection(collection).createIndexes(
      indexes.map((index) => ({ key: index.keys, unique: index.unique, name: index.name })),
    );
  }

  async dropCollection(collection: string): Promise<void> {
    try {
      await this.collection(collection).drop();
    } catch (error) {
      if (!isServerError(error, NAMESPACE_NOT_FOUND)) throw error;
    }
  }

  async swapCollection(from: string, to: string): Promise<void> {
    assertCollectionName(to);
    await this.createCollectionIfMissing(from);
    await this.db.renameCollection(from, to, { dropTarget: true });
  }

  async swapInRebuild(projection: string, position: number, swaps: readonly CollectionSwap[]): Promise<Checkpoint> {
    const live = await this.checkpoint(projection);
    if (live > position) throw new CheckpointAheadError(projection, position, live);
    for (const swap of swaps) await this.swapCollection(swap.from, swap.to);
    const swapped = await this.checkpoints().findOneAndUpdate(
      { _id: projection },
      { $set: { position }, $inc: { epoch: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    return { position, epoch: swapped?.epoch ?? 1 };
  }

  /**
   * A claim is one document per projection: inserted when none is held (the unique `_id`
   * lets one of two claimants in), replaced only while it still holds the stale claim read.
   */
  async claimRebuild(projection: string, claim: RebuildClaim, stale: (holder: RebuildClaim) => boolean): Promise<void> {
    const claims = this.rebuildClaims();
    const held = await claims.findOne({ _id: projection });
    if (!held) {
      try {
        await claims.insertOne({ _id: projection, claim });
        return;
      } catch (error) {
        if (!isServerError(error, DUPLICATE_KEY)) throw error;
        throw new RebuildInProgressError(projection, (await claims.findOne({ _id: projection }))?.claim ?? claim);
      }
    }
    if (!stale(held.claim)) throw new RebuildInProgressError(projection, held.claim);
    const taken = await claims.replaceOne({ _id: projection, 'claim.id': held.claim.id }, { claim });
    if (taken.matchedCount === 0) throw new RebuildInProgressError(projection, (await claims.findOne({ _id: projection }))?.claim ?? held.claim);
  }

  async releaseRebuild(projection: string, claimId: string): Promise<void> {
    await this.rebuildClaims().deleteOne({ _id: projection, 'claim.id': claimId });
  }

  async rebuildClaim(projection: string): Promise<RebuildClaim | null> {
    return (await this.rebuildClaims().findOne({ _id: projection }))?.claim ?? null;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Drops the whole database (for tests). */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  private async applyCommit(
    projection: string,
    position: number,
    writes: Map<string, AnyBulkWriteOperation<StoredMongoDocument>[]>,
    expected: Checkpoint | undefined,
    session?: ClientSession,
  ): Promise<void> {
    if (expected !== undefined) {
      const actual = await this.readCheckpoint(projection, session);
      if (actual.position !== expected.position || actual.epoch !== expected.epoch) {
        throw new CheckpointMovedError(projection, expected, actual);
      }
    }
    for (const [collection, operations] of writes) {
      await this.collection(collection).bulkWrite(operations, { session, ordered: true });
    }
    await this.checkpoints().updateOne({ _id: projection }, { $set: { position } }, { upsert: true, session });
  }

  private supportsTransactions(): Promise<boolean> {
    if (this.options.transactions === 'always') return Promise.resolve(true);
    if (this.options.transactions === 'never') return Promise.resolve(false);
    this.transactionSupport ??= this.db
      .admin()
      .command({ hello: 1 })
      .then((hello) => typeof hello.setName === 'string' || hello.msg === 'isdbgrid');
    return this.transactionSupport;
  }

  private async createCollectionIfMissing(collection: string): Promise<void> {
    assertCollectionName(collection);
    try {
      await this.db.createCollection(collection);
    } catch (error) {
      if (!isServerError(error, NAMESPACE_EXISTS)) throw error;
    }
  }

  private collection(collection: string): Collection<StoredMongoDocument> {
    assertCollectionName(collection);
    return this.db.collection<StoredMongoDocument>(collection);
  }

  private checkpoints(): Collection<CheckpointDocument> {
    return this.db.collection<CheckpointDocument>(CHECKPOINTS);
  }

  private rebuildClaims(): Collection<RebuildClaimDocument> {
    return this.db.collection<RebuildClaimDocument>(REBUILD_CLAIMS);
  }
}

/** Runs the caller's synchronous write now, copying each document, so later changes to it are not committed. */
function collectWrites(
  position: number,
  write: (batch: ReadStoreBatch) => void,
): Map<string, AnyBulkWriteOperation<StoredMongoDocument>[]> {
  const writes = new Map<string, AnyBulkWriteOperation<StoredMongoDocument>[]>();
  const add = (collection: string, operation: AnyBulkWriteOperation<StoredMongoDocument>): void => {
    assertCollectionName(collection);
    const list = writes.get(collection) ?? [];
    list.push(operation);
    writes.set(collection, list);
  };
  write({
    upsert: (collection, document) => {
      assertDocumentId(collection, document);
      const replacement = { ...structuredClone(document), [APPLIED_POSITION]: position };
      add(collection, { replaceOne: { filter: { _id: document._id }, replacement, upsert: true } });
    },
    delete: (collection, id) => add(collection, { deleteOne: { filter: { _id: id } } }),
  });
  return writes;
}

function assertDocumentId(collection: string, document: Document): void {
  if (typeof document._id !== 'string' || document._id === '') throw new Error(`a document in ${collection} needs a string _id`);
}

function databaseInUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(url);
  return match ? decodeURIComponent(match[1]) : undefined;
}

function isServerError(error: unknown, code: number): boolean {
  return error instanceof MongoServerError && error.code === code;
}
