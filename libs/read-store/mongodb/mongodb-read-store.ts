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
import { mongoDatabaseName } from './database-name';

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
const READ_MODEL_VERSIONS = 'projection_versions';
const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const NAMESPACE_EXISTS = 48;

type StoredMongoDocument = Document & { [APPLIED_POSITION]?: number };
interface RebuildClaimDocument {
  /** the projection */
  _id: string;
  claim: RebuildClaim;
}
interface ReadModelVersionDocument {
  /** the projection */
  _id: string;
  version: number;
}
interface CheckpointDocument {
  _id: string;
  position: number;
  epoch?: number;
  /** set while swapInRebuild renames the collections: no commit may land in between */
  swapping?: boolean;
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
 * swapInRebuild: renameCollection cannot run in a transaction, so the checkpoint is first
 * marked as swapping (with a new epoch: a projector's commit that expected the old one, or
 * that arrives while it is marked, is refused as CheckpointMovedError and reloads), then the
 * collections are renamed (each rename, with dropTarget, is atomic for queries), then the
 * checkpoint is set to the rebuild's position, unmarked, with another new epoch.
 *
 * The client connects on first use; a connection that failed is thrown away, so the next
 * call tries again with a fresh client (the driver's client stays closed after a failed
 * first connect).
 */
export class MongoDbReadStore implements ReadStore {
  private client: MongoClient;
  private db: Db;
  private connecting?: Promise<void>;
  private transactionSupport?: Promise<boolean>;

  constructor(private readonly options: MongoDbReadStoreOptions) {
    [this.client, this.db] = this.newClient();
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  /** Connects the client once; after a failed connect, the next call starts again with a new client. */
  private connected(): Promise<void> {
    this.connecting ??= this.client.connect().then(
      () => undefined,
      async (error: unknown) => {
        const failed = this.client;
        [this.client, this.db] = this.newClient();
        this.connecting = undefined;
        this.transactionSupport = undefined;
        await failed.close().catch(() => undefined);
        throw error;
      },
    );
    return this.connecting;
  }

  private newClient(): [MongoClient, Db] {
    // undefined options and fields are left out, not sent as null (an index's `unique: null` is refused by the server)
    const client = new MongoClient(this.options.url, { ignoreUndefined: true });
    return [client, client.db(this.options.database ?? mongoDatabaseName(this.options.url))];
  }

  async get<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    await this.connected();
    const found = await this.collection(collection).findOne({ _id: id }, { projection: { [APPLIED_POSITION]: 0 } });
    return found as T | null;
  }

  async find<T extends Document = Document>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    await this.connected();
    const found = await this.collection(collection)
      .find(filter as never, {
        projection: { [APPLIED_POSITION]: 0 },
        // ties in `_id` order, as the embedded store gives them (and unsorted: `_id` order, not insertion order)
        sort: { ...options.sort, ...(options.sort?._id === undefined && { _id: 1 }) },
        skip: options.skip,
        limit: options.limit,
      })
      .toArray();
    return found as T[];
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    await this.connected();
    return this.collection(collection).countDocuments(filter as never);
  }

  async upsert(collection: string, document: Document): Promise<void> {
    await this.connected();
    assertDocumentId(collection, document);
    await this.collection(collection).replaceOne({ _id: document._id }, { ...document, [APPLIED_POSITION]: 0 }, { upsert: true });
  }

  async delete(collection: string, id: string): Promise<void> {
    await this.connected();
    await this.collection(collection).deleteOne({ _id: id });
  }

  async checkpoint(projection: string): Promise<number> {
    return (await this.readCheckpoint(projection)).position;
  }

  async readCheckpoint(projection: string, session?: ClientSession): Promise<Checkpoint> {
    await this.connected();
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
    await this.connected();
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
    await this.connected();
    await this.checkpoints().deleteOne({ _id: projection });
  }

  async loadCollection<T extends Document = Document>(collection: string): Promise<StoredDocument<T>[]> {
    await this.connected();
    const found = await this.collection(collection).find({}).toArray();
    return found.map(({ [APPLIED_POSITION]: appliedPosition, ...document }) => ({
      document: document as T,
      appliedPosition: appliedPosition ?? 0,
    }));
  }

  async ensureIndexes(collection: string, indexes: readonly CollectionIndex[]): Promise<void> {
    await this.connected();
    await this.createCollectionIfMissing(collection);
    if (indexes.length === 0) return;
    await this.collection(collection).createIndexes(
      indexes.map((index) => ({ key: index.keys, ...(index.unique !== undefined && { unique: index.unique }), ...(index.name !== undefined && { name: index.name }) })),
    );
  }

  async dropCollection(collection: string): Promise<void> {
    await this.connected();
    try {
      await this.collection(collection).drop();
    } catch (error) {
      if (!isServerError(error, NAMESPACE_NOT_FOUND)) throw error;
    }
  }

  async swapCollection(from: string, to: string): Promise<void> {
    await this.connected();
    assertCollectionName(to);
    await this.createCollectionIfMissing(from);
    await this.db.renameCollection(from, to, { dropTarget: true });
  }

  async swapInRebuild(projection: string, position: number, swaps: readonly CollectionSwap[]): Promise<Checkpoint> {
    await this.connected();
    const live = await this.checkpoint(projection);
    if (live > position) throw new CheckpointAheadError(projection, position, live);
    await this.checkpoints().updateOne({ _id: projection }, { $set: { swapping: true }, $inc: { epoch: 1 } }, { upsert: true });
    for (const swap of swaps) await this.swapCollection(swap.from, swap.to);
    const swapped = await this.checkpoints().findOneAndUpdate(
      { _id: projection },
      { $set: { position, swapping: false }, $inc: { epoch: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    return { position, epoch: swapped?.epoch ?? 1 };
  }

  /**
   * A claim is one document per projection: inserted when none is held (the unique `_id`
   * lets one of two claimants in), replaced only while it still holds the stale claim read.
   */
  async claimRebuild(projection: string, claim: RebuildClaim, stale: (holder: RebuildClaim) => boolean): Promise<void> {
    await this.connected();
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
    await this.connected();
    await this.rebuildClaims().deleteOne({ _id: projection, 'claim.id': claimId });
  }

  async rebuildClaim(projection: string): Promise<RebuildClaim | null> {
    await this.connected();
    return (await this.rebuildClaims().findOne({ _id: projection }))?.claim ?? null;
  }

  async readModelVersion(projection: string): Promise<number | null> {
    await this.connected();
    return (await this.readModelVersions().findOne({ _id: projection }))?.version ?? null;
  }

  async recordReadModelVersion(projection: string, version: number): Promise<void> {
    await this.connected();
    await this.readModelVersions().updateOne({ _id: projection }, { $set: { version } }, { upsert: true });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Drops the whole database (for tests). */
  async dropDatabase(): Promise<void> {
    await this.connected();
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
      const stored = await this.checkpoints().findOne({ _id: projection }, { session });
      const actual = { position: stored?.position ?? 0, epoch: stored?.epoch ?? 0 };
      if (actual.position !== expected.position || actual.epoch !== expected.epoch || stored?.swapping === true) {
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
      .then((hello) => typeof hello.setName === 'string' || hello.msg === 'isdbgrid')
      .catch((error: unknown) => {
        // asked again next time, not remembered as a failure
        this.transactionSupport = undefined;
        throw error;
      });
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

  private readModelVersions(): Collection<ReadModelVersionDocument> {
    return this.db.collection<ReadModelVersionDocument>(READ_MODEL_VERSIONS);
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

function isServerError(error: unknown, code: number): boolean {
  return error instanceof MongoServerError && error.code === code;
}
