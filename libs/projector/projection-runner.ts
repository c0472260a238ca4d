import { StoredOversightEvent } from '../../src/events/envelope';
import {
  Projection,
  ProjectionContext,
  ProjectionDocument,
  ProjectionDocuments,
} from '../../src/projections/projection';
import { Checkpoint, ProjectionCommit, ReadStore, ReadStoreBatch } from '../read-store/read-store.port';

/** Where a runner keeps its documents and checkpoint: the live collections, or fresh ones for a rebuild. */
export interface ProjectionTarget {
  checkpoint: string;
  collection(logical: string): string;
}

export const liveTarget = (projection: Projection): ProjectionTarget => ({
  checkpoint: projection.name,
  collection: (logical) => logical,
});

export const REBUILD_SUFFIX = '__rebuild';

/**
 * a rebuild writes its fresh collections in commits of this many documents: few enough
 * that one commit's JSON dies young (larger commits measured slower, from the garbage
 * collector's copying), many enough that a commit's own cost does not count
 */
/** A runner's commit, prepared to be made with others' (see prepareFlush). */
export interface PreparedCommit {
  commit: ProjectionCommit;
  committed(): void;
  failed(): void;
}

export const REBUILD_DOCUMENTS_PER_COMMIT = 1_000;

export const rebuildTarget = (projection: Projection): ProjectionTarget => ({
  checkpoint: `${projection.name}${REBUILD_SUFFIX}`,
  collection: (logical) => `${logical}${REBUILD_SUFFIX}`,
});

export interface ProjectionFailure {
  position: number;
  eventId: string;
  eventType: string;
  message: string;
}

type Documents = Map<string, Map<string, ProjectionDocument>>;
type DirtyDocument = [collection: string, id: string];

/**
 * One projection's read model held in memory (a council's read models fit in memory:
 * thousands of children, not millions), fed event by event, and committed to the read
 * store with its checkpoint in one transaction per flush.
 *
 * Each event is applied with an undo log: when apply throws, the documents go back to
 * how they were before that event, the projection is marked failed at it, and what was
 * applied before it can still be committed.
 */
export class ProjectionRunner {
  /** the position of the last event applied (or skipped) in memory */
  position: number;
  /** the position last committed to the store */
  committedPosition: number;
  /** the epoch of the stored checkpoint these documents belong to (a rebuild swapped in starts a new one) */
  epoch: number;
  failure?: ProjectionFailure;
  /** events applied or skipped since the last commit */
  pendingEvents = 0;

  private documents: Documents;
  private dirty = new Map<string, Set<string>>();
  /**
   * Documents the store holds from a commit past the checkpoint (only a store without
   * transactions leaves these, after a crash between documents and checkpoint): an event
   * at or below such a position is already in the document and is not applied to it again.
   */
  private aheadOfCheckpoint: Map<string, number>;
  private readonly undo = new Map<string, ProjectionDocument | undefined>();
  /**
   * A rebuild's runner starts from nothing into fresh collections: until its first flush
   * every document it holds is to be written, so it tracks no changes and keeps no undo
   * log (a failing event aborts the rebuild), and folds with the projection's replay
   * when it has one (see ProjectionReplay), completing the documents at that flush.
   */
  private fresh = false;
  /** the collection used last: most events touch one collection several times */
  private lastCollection?: string;
  private lastDocuments?: Map<string, ProjectionDocument>;
  private current?: StoredOversightEvent;
  private readonly view: ProjectionDocuments;
  private readonly declared: ReadonlySet<string>;

  private constructor(
    readonly projection: Projection,
    private readonly context: ProjectionContext,
    readonly target: ProjectionTarget,
    checkpoint: Checkpoint,
    documents: Documents,
    aheadOfCheckpoint: Map<string, number>,
  ) {
    this.position = checkpoint.position;
    this.committedPosition = checkpoint.position;
    this.epoch = checkpoint.epoch;
    this.documents = documents;
    this.aheadOfCheckpoint = aheadOfCheckpoint;
    this.declared = new Set(projection.collections);
    this.view = {
      get: <T extends ProjectionDocument>(collection: string, id: string) =>
        this.collection(collection).get(id) as T | undefined,
      put: (collection, document) => this.put(collection, document),
      remove: (collection, id) => this.remove(collection, id),
    };
  }

  get name(): string {
    return this.projection.name;
  }

  /** a runner starting from nothing (position 0), for a rebuild */
  static empty(projection: Projection, context: ProjectionContext, target: ProjectionTarget): ProjectionRunner {
    const runner = new ProjectionRunner(projection, context, target, { position: 0, epoch: 0 }, new Map(), new Map());
    runner.fresh = true;
    return runner;
  }

  /** a runner holding what the store has: the checkpoint and every document of the projection's collections */
  static async load(
    projection: Projection,
    context: ProjectionContext,
    store: ReadStore,
    target: ProjectionTarget,
  ): Promise<ProjectionRunner> {
    const checkpoint = await store.readCheckpoint(target.checkpoint);
    const documents: Documents = new Map();
    const ahead = new Map<string, number>();
    for (const collection of projection.collections) {
      const loaded = new Map<string, ProjectionDocument>();
      for (const { document, appliedPosition } of await store.loadCollection(target.collection(collection))) {
        loaded.set(document._id, document);
        if (appliedPosition > checkpoint.position) ahead.set(documentKey(collection, document._id), appliedPosition);
      }
      documents.set(collection, loaded);
    }
    return new ProjectionRunner(projection, context, target, checkpoint, documents, ahead);
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  get hasUncommitted(): boolean {
    return this.fresh || this.position !== this.committedPosition || this.dirty.size > 0;
  }

  /** Applies an event past this runner's position. Returns false (and records the failure) when the projection throws. */
  apply(event: StoredOversightEvent): boolean {
    if (this.failed || event.position <= this.position) return !this.failed;
    this.current = event;
    if (!this.fresh) this.undo.clear();
    try {
      const replay = this.fresh ? this.projection.replay : undefined;
      if (replay) replay.apply(event, this.view, this.context);
      else this.projection.apply(event, this.view, this.context);
    } catch (error) {
      this.rollBackEvent();
      this.failure = {
        position: event.position,
        eventId: event.id,
        eventType: event.type,
        message: error instanceof Error ? error.message : String(error),
      };
      return false;
    } finally {
      this.current = undefined;
    }
    this.position = event.position;
    this.pendingEvents += 1;
    return true;
  }

  /** Moves past an event the projection does not read (not an oversight event). */
  skip(position: number): void {
    if (this.failed || position <= this.position) return;
    this.position = position;
    this.pendingEvents += 1;
  }

  /**
   * Writes the changed documents in commits of at most `documentsPerCommit` (for a
   * rebuild's fresh collections, which nobody reads until they are swapped in: a
   * rebuild's writes need not be one transaction, and one huge transaction is heavy on
   * MongoDB). Never for live collections, whose documents must move with the checkpoint.
   */
  async flushInChunks(store: Pick<ReadStore, 'commit'>, documentsPerCommit: number): Promise<void> {
    if (!this.hasUncommitted) return;
    const dirty = this.takeDirty();
    for (let from = 0; from < dirty.length || from === 0; from += documentsPerCommit) {
      await this.commitDocuments(store, dirty, from, Math.min(dirty.length, from + documentsPerCommit));
    }
  }

  private takeDirty(): DirtyDocument[] {
    const taken: DirtyDocument[] = [];
    if (this.fresh) {
      this.fresh = false;
      this.completeReplay();
      for (const [collection, documents] of this.documents) for (const id of documents.keys()) taken.push([collection, id]);
      return taken;
    }
    const dirty = this.dirty;
    this.dirty = new Map();
    for (const [collection, ids] of dirty) for (const id of ids) taken.push([collection, id]);
    return taken;
  }

  /** A fresh runner folded the events with the projection's replay (if it has one): each document is completed once, now. */
  private completeReplay(): void {
    const replay = this.projection.replay;
    if (!replay) return;
    for (const collection of this.projection.collections) {
      const documents = this.documents.get(collection);
      if (!documents) continue;
      for (const [id, document] of documents) {
        const completed = replay.complete(collection, document, this.view, this.context);
        if (completed === undefined) documents.delete(id);
        else if (completed !== document) {
          if (completed._id !== id) throw new Error(`${this.name} completed document ${id} of ${collection} as ${completed._id}`);
          documents.set(id, completed);
        }
      }
    }
  }

  /**
   * The changed documents and the position as one commit (alone, or together with other
   * projections' in ReadStore.commitTogether); undefined when nothing is uncommitted. The
   * stored checkpoint must still be the one this runner last committed, in the same epoch
   * (CheckpointMovedError otherwise, e.g. after a rebuild swapped in by another process).
   * The caller reports how it went: `committed()`, or `failed()` (what was not committed
   * is dirty again).
   */
  prepareFlush(): PreparedCommit | undefined {
    if (!this.hasUncommitted) return undefined;
    const dirty = this.takeDirty();
    return this.prepareCommit(dirty, 0, dirty.length);
  }

  /** Commits `dirty[from..to)` with the position; when that fails, what was not committed is dirty again. */
  private async commitDocuments(store: Pick<ReadStore, 'commit'>, dirty: DirtyDocument[], from: number, to: number): Promise<void> {
    const prepared = this.prepareCommit(dirty, from, to);
    const { projection, position, write, expected } = prepared.commit;
    try {
      await store.commit(projection, position, write, expected);
    } catch (error) {
      prepared.failed();
      throw error;
    }
    prepared.committed();
  }

  private prepareCommit(dirty: DirtyDocument[], from: number, to: number): PreparedCommit {
    const position = this.position;
    const write = (batch: ReadStoreBatch): void => {
      let collection: string | undefined;
      let documents!: Map<string, ProjectionDocument>;
      let stored!: string;
      for (let i = from; i < to; i += 1) {
        const [name, id] = dirty[i];
        if (name !== collection) {
          collection = name;
          documents = this.collection(name);
          stored = this.target.collection(name);
        }
        const document = documents.get(id);
        if (document) batch.upsert(stored, document);
        else batch.delete(stored, id);
      }
    };
    return {
      commit: { projection: this.target.checkpoint, position, write, expected: { position: this.committedPosition, epoch: this.epoch } },
      committed: () => {
        this.committedPosition = position;
        this.pendingEvents = 0;
        if (this.aheadOfCheckpoint.size > 0) {
          for (const [key, applied] of this.aheadOfCheckpoint) if (applied <= position) this.aheadOfCheckpoint.delete(key);
        }
      },
      failed: () => {
        for (let i = from; i < dirty.length; i += 1) this.markDirty(dirty[i][0], dirty[i][1]);
      },
    };
  }

  /** Takes over a rebuilt runner's documents and position (after its collections were swapped in at `swapped`). */
  adopt(rebuilt: ProjectionRunner, swapped: Checkpoint): void {
    this.documents = rebuilt.documents;
    this.lastCollection = undefined;
    this.lastDocuments = undefined;
    this.position = swapped.position;
    this.committedPosition = swapped.position;
    this.epoch = swapped.epoch;
    this.dirty = new Map();
    this.aheadOfCheckpoint = new Map();
    this.failure = rebuilt.failure;
    this.pendingEvents = 0;
  }

  documentCount(): number {
    let count = 0;
    for (const documents of this.documents.values()) count += documents.size;
    return count;
  }

  private put(collection: string, document: ProjectionDocument): void {
    if (typeof document._id !== 'string' || document._id === '') {
      throw new Error(`${this.name} put a document without a string _id into ${collection}`);
    }
    const documents = this.collection(collection);
    if (this.fresh) {
      documents.set(document._id, document);
      return;
    }
    if (this.alreadyApplied(collection, document._id)) return;
    this.remember(collection, document._id, documents);
    documents.set(document._id, document);
    this.markDirty(collection, document._id);
  }

  private remove(collection: string, id: string): void {
    const documents = this.collection(collection);
    if (this.fresh) {
      documents.delete(id);
      return;
    }
    if (this.alreadyApplied(collection, id)) return;
    if (!documents.has(id)) return;
    this.remember(collection, id, documents);
    documents.delete(id);
    this.markDirty(collection, id);
  }

  private alreadyApplied(collection: string, id: string): boolean {
    if (this.aheadOfCheckpoint.size === 0 || !this.current) return false;
    const applied = this.aheadOfCheckpoint.get(documentKey(collection, id));
    return applied !== undefined && this.current.position <= applied;
  }

  private remember(collection: string, id: string, documents: Map<string, ProjectionDocument>): void {
    const key = documentKey(collection, id);
    if (!this.undo.has(key)) this.undo.set(key, documents.get(id));
  }

  private rollBackEvent(): void {
    for (const [key, before] of this.undo) {
      const [collection, id] = splitKey(key);
      const documents = this.collection(collection);
      if (before) documents.set(id, before);
      else documents.delete(id);
    }
    this.undo.clear();
  }

  private markDirty(collection: string, id: string): void {
    let ids = this.dirty.get(collection);
    if (!ids) this.dirty.set(collection, (ids = new Set()));
    ids.add(id);
  }

  private collection(collection: string): Map<string, ProjectionDocument> {
    if (collection === this.lastCollection) return this.lastDocuments!;
    let documents = this.documents.get(collection);
    if (documents) {
      this.lastCollection = collection;
      this.lastDocuments = documents;
      return documents;
    }
    if (!this.declared.has(collection)) {
      throw new Error(`${this.name} used collection ${collection}, which it does not declare in its collections`);
    }
    documents = new Map();
    this.documents.set(collection, documents);
    return documents;
  }
}

const SEPARATOR = '\u0000';
const documentKey = (collection: string, id: string): string => `${collection}${SEPARATOR}${id}`;
const splitKey = (key: string): [string, string] => {
  const at = key.indexOf(SEPARATOR);
  return [key.slice(0, at), key.slice(at + 1)];
};
