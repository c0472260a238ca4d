import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Query } from 'mingo';
import {
  Checkpoint,
  CheckpointAheadError,
  CheckpointMovedError,
  CollectionIndex,
  CollectionSwap,
  Document,
  Filter,
  FindOptions,
  ProjectionCommit,
  ReadStore,
  ReadStoreBatch,
  RebuildClaim,
  RebuildInProgressError,
  Sort,
  StoredDocument,
} from '../read-store.port';
import { assertCollectionName } from '../collection-name';
import { DocumentCache, filterKey } from './document-cache';
import { compareByStrings, holdsStrings, onTopLevelFields, sortKeysOf } from './string-sort-order';

export interface SqliteReadStoreOptions {
  /** the SQLite file; default `${DATA_DIR}/read-models.sqlite` (DATA_DIR defaults to ./data) */
  file?: string;
  /** how long a write waits for another connection's write lock, in ms (default 5000) */
  busyTimeoutMs?: number;
  /**
   * taken around each commit's transaction, when several connections of this process
   * (a rebuild's worker threads) write the file: they then take turns and a waiting one
   * starts as soon as the lock is free, rather than after SQLite's busy-wait sleeps
   */
  writeTurn?: WriteTurn;
  /**
   * this connection's writes, checkpoints included, are handed to the system without
   * waiting for the disk (SQLite's `synchronous = OFF`): only for a rebuild's connections,
   * whose writer leaves a marker and syncs the file at its end (see unsynced-writes.ts)
   */
  unsynced?: boolean;
}

/** A turn at writing, shared by connections that would otherwise contend for SQLite's write lock. */
export interface WriteTurn {
  take(): void;
  give(): void;
}

export const READ_MODELS_FILE = 'read-models.sqlite';

export function defaultReadModelsFile(dataDir: string = process.env.DATA_DIR ?? 'data'): string {
  return join(dataDir, READ_MODELS_FILE);
}

const PAGE_SIZE = 16 * 1024;

interface CollectionStatements {
  get: Database.Statement<[string], { body: string }>;
  all: Database.Statement<[], { id: string; body: string; position: number }>;
  count: Database.Statement<[], number>;
  upsert: Database.Statement<[string, string, number]>;
  delete: Database.Statement<[string]>;
}

interface CacheChange {
  collection: string;
  apply(): void;
}

/**
 * The embedded read store: one SQLite table per collection (`rm_<collection>`, rows of
 * id, JSON body and the position of the commit that wrote it) beside a checkpoints table.
 * Queries in MongoDB filter syntax are evaluated in process by mingo over the parsed
 * documents, which are kept in memory per collection (a council's read models fit):
 * writes through this connection are applied to them as they commit, and a commit by
 * another connection (PRAGMA data_version) has each collection loaded again when next
 * read. Every document write goes through upsertRow / deleteRow / dropTable / renameOver
 * inside write(), which is how the cache hears of it.
 */
export class SqliteReadStore implements ReadStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, CollectionStatements>();
  private readonly cache = new DocumentCache();
  /** what the write in progress did to the documents, applied to the cache once it has committed */
  private cacheChanges: CacheChange[] | null = null;
  private readonly dataVersion: Database.Statement<[], number>;
  private readonly selectCheckpoint: Database.Statement<[string], Checkpoint>;
  private readonly writeCheckpoint: Database.Statement<[string, number]>;
  private readonly swapCheckpoint: Database.Statement<[string, number]>;
  private readonly removeCheckpoint: Database.Statement<[string]>;
  private readonly selectRebuildClaim: Database.Statement<[string], string>;
  private readonly writeRebuildClaim: Database.Statement<[string, string, string]>;
  private readonly removeRebuildClaim: Database.Statement<[string, string]>;
  private readonly selectVersion: Database.Statement<[string], number>;
  private readonly writeVersion: Database.Statement<[string, number]>;

  private readonly writeTurn?: WriteTurn;

  constructor(options: SqliteReadStoreOptions = {}) {
    this.writeTurn = options.writeTurn;
    this.file = options.file ?? defaultReadModelsFile();
    if (this.file !== ':memory:') mkdirSync(dirname(this.file), { recursive: true });
    this.db = new Database(this.file);
    // documents are JSON of a kilobyte or more: bigger pages than SQLite's 4 KiB halve the
    // cost of writing a rebuilt read model (measured). Only takes effect in a new file.
    this.db.pragma(`page_size = ${PAGE_SIZE}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(options.unsynced ? 'synchronous = OFF' : 'synchronous = NORMAL');
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL, epoch INTEGER NOT NULL DEFAULT 0)',
    );
    this.db.exec('CREATE TABLE IF NOT EXISTS rebuild_claims (projection TEXT PRIMARY KEY, id TEXT NOT NULL, claim TEXT NOT NULL)');
    this.db.exec('CREATE TABLE IF NOT EXISTS read_model_versions (projection TEXT PRIMARY KEY, version INTEGER NOT NULL)');
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck() as Database.Statement<[], number>;
    this.selectCheckpoint = this.db.prepare('SELECT position, epoch FROM checkpoints WHERE projection = ?');
    this.writeCheckpoint = this.db.prepare(
      'INSERT INTO checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
    );
    this.swapCheckpoint = this.db.prepare(
      'INSERT INTO checkpoints (projection, position, epoch) VALUES (?, ?, 1) ON CONFLICT (projection) DO UPDATE SET position = excluded.position, epoch = epoch + 1',
    );
    this.removeCheckpoint = this.db.prepare('DELETE FROM checkpoints WHERE projection = ?');
    this.selectRebuildClaim = this.db.prepare<[string], string>('SELECT claim FROM rebuild_claims WHERE projection = ?').pluck();
    this.writeRebuildClaim = this.db.prepare('INSERT OR REPLACE INTO rebuild_claims (projection, id, claim) VALUES (?, ?, ?)');
    this.removeRebuildClaim = this.db.prepare('DELETE FROM rebuild_claims WHERE projection = ? AND id = ?');
    this.selectVersion = this.db.prepare<[string], number>('SELECT version FROM read_model_versions WHERE projection = ?').pluck();
    this.writeVersion = this.db.prepare('INSERT OR REPLACE INTO read_model_versions (projection, version) VALUES (?, ?)');
  }

  async get<T extends Document = Document>(collection: string, id: string): Promise<T | null> {
    return this.getSync<T>(collection, id) ?? null;
  }

  /** get(), answered at once: for a rebuild's fold, which reads documents it has written while it folds */
  getSync<T extends Document = Document>(collection: string, id: string): T | undefined {
    const row = this.withCollection(collection, (s) => s.get.get(id));
    return row ? (JSON.parse(row.body) as T) : undefined;
  }

  async find<T extends Document = Document>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    const ids = idsAskedFor(filter);
    if (ids) return this.byIds(collection, ids, options) as T[];
    // the cached documents are shared between queries: hand out copies
    return this.select(collection, filter, options).map((document) => JSON.parse(this.cache.bodyOf(collection, document._id)!) as T);
  }

  /**
   * find() without the copies: the documents are the store's own, deeply frozen, and the
   * same object until the document is written again (so a caller may remember what it
   * worked out from one by identity). For queries that only read.
   */
  async findShared<T extends Document = Document>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<readonly T[]> {
    const ids = idsAskedFor(filter);
    if (ids) return this.byIds(collection, ids, options) as readonly T[];
    return this.select(collection, filter, options) as readonly T[];
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    if (Object.keys(filter).length === 0) return this.withCollection(collection, (s) => s.count.get() ?? 0);
    return this.select(collection, filter, {}).length;
  }

  async upsert(collection: string, document: Document): Promise<void> {
    this.write(() => this.upsertRow(collection, document, 0));
  }

  async delete(collection: string, id: string): Promise<void> {
    this.write(() => this.deleteRow(collection, id));
  }

  async checkpoint(projection: string): Promise<number> {
    return this.storedCheckpoint(projection).position;
  }

  async readCheckpoint(projection: string): Promise<Checkpoint> {
    return this.storedCheckpoint(projection);
  }

  async commit(
    projection: string,
    position: number,
    write: (batch: ReadStoreBatch) => void,
    expected?: Checkpoint,
  ): Promise<void> {
    await this.commitTogether([{ projection, position, write, expected }]);
  }

  async commitTogether(commits: readonly ProjectionCommit[]): Promise<void> {
    // the documents are turned into JSON before the write lock is taken, so that another
    // writer (another process, or a rebuild's other thread) waits only for the inserts
    const prepared = commits.map(({ projection, position, write, expected }) => {
      const writes: { collection: string; id: string; body: string | null }[] = [];
      write({
        upsert: (collection, document) => writes.push({ collection, id: idOf(collection, document), body: JSON.stringify(document) }),
        delete: (collection, id) => writes.push({ collection, id, body: null }),
      });
      return { projection, position, expected, writes };
    });
    this.writeTurn?.take();
    try {
      this.write(
        this.db.transaction(() => {
          for (const { projection, position, expected, writes } of prepared) {
            if (expected !== undefined) {
              const actual = this.storedCheckpoint(projection);
              if (actual.position !== expected.position || actual.epoch !== expected.epoch) {
                throw new CheckpointMovedError(projection, expected, actual);
              }
            }
            for (const { collection, id, body } of writes) {
              if (body === null) this.deleteRow(collection, id);
              else this.upsertBody(collection, id, body, position);
            }
            this.writeCheckpoint.run(projection, position);
          }
        }).immediate,
      );
    } finally {
      this.writeTurn?.give();
    }
  }

  async deleteCheckpoint(projection: string): Promise<void> {
    this.write(() => this.removeCheckpoint.run(projection));
  }

  async loadCollection<T extends Document = Document>(collection: string): Promise<StoredDocument<T>[]> {
    const rows = this.withCollection(collection, (s) => s.all.all());
    return rows.map((row) => ({ document: JSON.parse(row.body) as T, appliedPosition: row.position }));
  }

  /** Queries are evaluated in process; the primary key serves `_id`. Only makes sure the collection exists. */
  async ensureIndexes(collection: string, _indexes: readonly CollectionIndex[]): Promise<void> {
    this.write(() => this.createTable(collection));
  }

  async dropCollection(collection: string): Promise<void> {
    this.write(() => this.dropTable(collection));
  }

  async swapCollection(from: string, to: string): Promise<void> {
    this.write(this.db.transaction(() => this.renameOver({ from, to })).immediate);
  }

  async swapInRebuild(projection: string, position: number, swaps: readonly CollectionSwap[]): Promise<Checkpoint> {
    return this.write(
      this.db.transaction(() => {
        const live = this.storedCheckpoint(projection).position;
        if (live > position) throw new CheckpointAheadError(projection, position, live);
        for (const swap of swaps) this.renameOver(swap);
        this.swapCheckpoint.run(projection, position);
        return this.storedCheckpoint(projection);
      }).immediate,
    );
  }

  async claimRebuild(projection: string, claim: RebuildClaim, stale: (holder: RebuildClaim) => boolean): Promise<void> {
    this.db.transaction(() => {
      const held = this.selectRebuildClaim.get(projection);
      if (held !== undefined) {
        const holder = JSON.parse(held) as RebuildClaim;
        if (!stale(holder)) throw new RebuildInProgressError(projection, holder);
      }
      this.writeRebuildClaim.run(projection, claim.id, JSON.stringify(claim));
    }).immediate();
  }

  async releaseRebuild(projection: string, claimId: string): Promise<void> {
    this.removeRebuildClaim.run(projection, claimId);
  }

  async rebuildClaim(projection: string): Promise<RebuildClaim | null> {
    const held = this.selectRebuildClaim.get(projection);
    return held === undefined ? null : (JSON.parse(held) as RebuildClaim);
  }

  async readModelVersion(projection: string): Promise<number | null> {
    return this.selectVersion.get(projection) ?? null;
  }

  async recordReadModelVersion(projection: string, version: number): Promise<void> {
    this.write(() => this.writeVersion.run(projection, version));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private storedCheckpoint(projection: string): Checkpoint {
    return this.selectCheckpoint.get(projection) ?? { position: 0, epoch: 0 };
  }

  /**
   * Runs a write. Transactions that read before they write (the checkpoint check) begin
   * IMMEDIATE: taking the write lock up front makes a second writer (another process, or
   * a rebuild's worker thread) wait for it, rather than fail when its read is outdated.
   */
  private write<R>(run: () => R): R {
    if (this.cacheChanges) return run(); // inside a write already: its changes apply with the outer one's
    const changes: CacheChange[] = (this.cacheChanges = []);
    let committed = false;
    try {
      const result = run();
      committed = true;
      return result;
    } finally {
      this.cacheChanges = null;
      // rolled back: nothing was written, and what the cache holds of those collections is not trusted either
      for (const change of changes) {
        if (committed) change.apply();
        else this.cache.forget(change.collection);
      }
    }
  }

  /** what a write did to a collection, for the cache once the write has committed */
  private onCommitted(collection: string, apply: () => void): void {
    if (this.cacheChanges) this.cacheChanges.push({ collection, apply });
    else apply();
  }

  private upsertRow(collection: string, document: Document, position: number): void {
    this.upsertBody(collection, idOf(collection, document), JSON.stringify(document), position);
  }

  private upsertBody(collection: string, id: string, body: string, position: number): void {
    this.withCollection(collection, (s) => s.upsert.run(id, body, position));
    this.onCommitted(collection, () => this.cache.put(collection, id, body));
  }

  private deleteRow(collection: string, id: string): void {
    this.withCollection(collection, (s) => s.delete.run(id));
    this.onCommitted(collection, () => this.cache.remove(collection, id));
  }

  /**
   * `{ _id: { $in: ids } }` by the primary key: the filter test would look for each
   * document's id through the whole list (measured: seconds for a few thousand ids over a
   * council's children). Fresh copies, in the order asked for (id order when none).
   */
  private byIds(collection: string, ids: readonly string[], options: FindOptions): Document[] {
    const found: Document[] = [];
    for (const id of [...new Set(ids)].sort(compareStrings)) {
      const row = this.withCollection(collection, (s) => s.get.get(id));
      if (row) found.push(JSON.parse(row.body) as Document);
    }
    const from = options.skip ?? 0;
    const inOrder = options.sort && Object.keys(options.sort).length > 0 ? sorted(found, options.sort, undefined) : found;
    return inOrder.slice(from, options.limit ? from + options.limit : undefined);
  }

  /** The documents matching, in the order asked for (id order when none), shared with the cache. */
  private select(collection: string, filter: Filter, options: FindOptions): Document[] {
    const sort = options.sort && Object.keys(options.sort).length > 0 ? options.sort : undefined;
    const from = options.skip ?? 0;
    const page = (documents: readonly Document[]): Document[] =>
      documents.slice(from, options.limit ? from + options.limit : undefined);
    if (!sort && Object.keys(filter).length === 0) return page(this.cachedDocuments(collection));

    let query: Query | undefined;
    const test = (document: Document) => (query ??= new Query(filter)).test(document);
    const load = () => this.withCollection(collection, (s) => s.all.all());
    const cachedFilter = { key: filterKey(filter), test };
    const dataVersion = this.dataVersion.get()!;
    const kept = this.cache.sortedMatching(collection, dataVersion, load, cachedFilter, sort);
    if (kept) return page(kept);
    let matched = this.cache.matching(collection, dataVersion, load, cachedFilter);
    if (sort) matched = sorted(matched, sort, options.limit ? from + options.limit : undefined);
    return page(matched);
  }

  private cachedDocuments(collection: string): Document[] {
    return this.cache.documents(collection, this.dataVersion.get()!, () => this.withCollection(collection, (s) => s.all.all()));
  }

  private renameOver({ from, to }: CollectionSwap): void {
    this.dropTable(to);
    this.createTable(from);
    this.db.exec(`ALTER TABLE ${tableName(from)} RENAME TO ${tableName(to)}`);
    this.statements.delete(from);
    this.onCommitted(from, () => this.cache.forget(from));
    this.onCommitted(to, () => this.cache.forget(to));
  }

  private createTable(collection: string): void {
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${tableName(collection)} (id TEXT PRIMARY KEY, body TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0)`,
    );
  }

  private dropTable(collection: string): void {
    this.db.exec(`DROP TABLE IF EXISTS ${tableName(collection)}`);
    this.statements.delete(collection);
    this.onCommitted(collection, () => this.cache.forget(collection));
  }

  /**
   * Runs with the collection's prepared statements, creating its table on first use.
   * Another connection may have dropped or renamed the table since (a swap): then the
   * statements are prepared again.
   */
  private withCollection<R>(collection: string, run: (statements: CollectionStatements) => R): R {
    try {
      return run(this.statementsFor(collection));
    } catch (error) {
      if (!isNoSuchTable(error)) throw error;
      this.statements.delete(collection);
      return run(this.statementsFor(collection));
    }
  }

  private statementsFor(collection: string): CollectionStatements {
    let statements = this.statements.get(collection);
    if (statements) return statements;
    this.createTable(collection);
    const table = tableName(collection);
    statements = {
      get: this.db.prepare(`SELECT body FROM ${table} WHERE id = ?`),
      all: this.db.prepare(`SELECT id, body, position FROM ${table} ORDER BY id`),
      count: this.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck(),
      upsert: this.db.prepare(
        `INSERT INTO ${table} (id, body, position) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, position = excluded.position`,
      ),
      delete: this.db.prepare(`DELETE FROM ${table} WHERE id = ?`),
    };
    this.statements.set(collection, statements);
    return statements;
  }
}

function idOf(collection: string, document: Document): string {
  if (typeof document._id !== 'string' || document._id === '') throw new Error(`a document in ${collection} needs a string _id`);
  return document._id;
}

/**
 * The documents in MongoDB's order for `sort` (as mingo sorts: stable, so ties keep id
 * order), or only the first `first` of them. When every sort key is a top-level field
 * holding a string in every document, the order is plain string order and a native
 * comparison gives it without mingo's grouping; a page of a long list is then picked
 * without sorting the rest.
 */
function sorted(documents: Document[], sort: Sort, first?: number): Document[] {
  const keys = sortKeysOf(sort);
  const plainStrings = onTopLevelFields(keys) && documents.every((document) => holdsStrings(keys, document));
  if (!plainStrings) return new Query({}).find<Document>(documents).sort(sort).all();
  const compare = compareByStrings(keys);
  if (first === undefined || first * 8 >= documents.length) return documents.slice().sort(compare);
  return firstInOrder(documents, compare, first);
}

/** The first `count` documents in `compare` order, ties in their given order, without sorting them all. */
function firstInOrder(documents: Document[], compare: (a: Document, b: Document) => number, count: number): Document[] {
  const best: Document[] = [];
  for (const document of documents) {
    if (best.length === count && compare(document, best[count - 1]) >= 0) continue;
    // after every document that sorts before or ties with it: ties keep their given order
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(best[middle], document) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, document);
    if (best.length > count) best.pop();
  }
  return best;
}

function tableName(collection: string): string {
  assertCollectionName(collection);
  return `"rm_${collection}"`;
}

/** By message, not `instanceof Error`: the driver's errors may come from another realm (a jest worker reusing the native module). */
function isNoSuchTable(error: unknown): boolean {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' && /no such table/i.test(message);
}

/** The ids of a filter that asks for nothing but `_id` among a list of strings, else undefined. */
function idsAskedFor(filter: Filter): string[] | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  const condition = filter._id as Record<string, unknown> | null;
  if (typeof condition !== 'object' || condition === null || Object.keys(condition).length !== 1) return undefined;
  const ids = condition.$in;
  return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? (ids as string[]) : undefined;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
