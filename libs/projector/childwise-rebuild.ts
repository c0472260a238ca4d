import { LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { StoredOversightEvent } from '../../src/events/envelope';
import { Projection, ProjectionContext, ProjectionDocument, ProjectionReplay } from '../../src/projections/projection';
import { ReadStoreBatch, ProjectionCommit } from '../read-store/read-store.port';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { ChildwiseTeam } from './childwise-team';
import { REBUILD_DOCUMENTS_PER_COMMIT, rebuildTarget } from './projection-runner';
import { ReplayDocuments } from './replay-documents';
import { SharedWriteTurn } from './shared-write-turn';
import { CHILD_STREAMS_FROM, SqliteEventReplay } from './sqlite-event-replay';

/** What one thread of a childwise rebuild works on (a worker thread is given it as plain data: see rebuildChildwiseThread). */
export interface ChildwiseRebuildInput {
  eventStoreFile: string;
  readStoreFile: string;
  projections: readonly Projection[];
  /** replay up to this position */
  head: number;
  config: LocalAuthorityConfig;
  /**
   * the children's streams in batches (SqliteEventReplay.childBatchBounds), asked for once
   * the challenges are folded: a worker thread is sent them meanwhile
   */
  batchBounds: () => Promise<readonly string[]>;
  /** this thread's number, from 0, and the team it works in */
  thread: number;
  team: ChildwiseTeam;
  writeTurn: SharedWriteTurn;
}

/** What a projection's rebuild wrote into its fresh `__rebuild` collections and checkpoint (by one thread, or all together), not yet swapped in. */
export interface RebuiltProjection {
  name: string;
  position: number;
  documents: number;
  eventsApplied: number;
}

/** What one thread of a childwise rebuild did: its share of each projection, and its time folding, then completing and writing. */
export interface ChildwiseThreadResult {
  rebuilt: RebuiltProjection[];
  foldMs: number;
  writeMs: number;
}

/** the children a batch holds (SqliteEventReplay.childBatchBounds): enough that a commit's own cost does not count */
export const CHILDREN_PER_BATCH = 400;

/** A rebuilding thread's writes wait for the other threads' commits (one writer at a time per SQLite file). */
const WRITE_LOCK_WAIT_MS = 120_000;

const childOf = (stream: string): string => stream.slice(CHILD_STREAMS_FROM.length);

/** the streams of `sorted` from `from` (included) to `until` (excluded) */
function streamsBetween(sorted: readonly string[], from: string, until: string): string[] {
  const firstAtOrAfter = (bound: string): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle] < bound) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return sorted.slice(firstAtOrAfter(from), firstAtOrAfter(until));
}

/**
 * One thread of a childwise rebuild of projections that name their child collections
 * (ProjectionReplay.childCollections), from the embedded event store's file into their
 * fresh `__rebuild` collections:
 *   1. it folds the events of the streams that are not a child's (the challenges), in the
 *      order recorded: every thread does, each for itself;
 *   2. it takes batches of children, one at a time, while any are left, folds each
 *      child's stream, then completes that batch's child documents and writes them: a
 *      child's documents live only as long as its batch, however many children there are;
 *   3. when every thread has written its children, it completes and writes its share of
 *      the other documents (the challenges'), reading the children's documents as written.
 * The caller has emptied the collections and checkpoints before, and swaps them in after.
 */
export async function rebuildChildwise(input: ChildwiseRebuildInput): Promise<ChildwiseThreadResult> {
  const started = Date.now();
  const fold = new ChildwiseFold(input.projections, { config: input.config });
  // unsynced: the rebuild's caller marks the file and syncs it once the threads are done (see unsynced-writes.ts)
  const readStore = new SqliteReadStore({ file: input.readStoreFile, busyTimeoutMs: WRITE_LOCK_WAIT_MS, writeTurn: input.writeTurn, unsynced: true });
  const replay = new SqliteEventReplay(input.eventStoreFile);
  const writes = new ChildwiseWrites(input.projections, readStore, input.head);
  let writeMs = 0;
  try {
    const otherEvents = replay.replayOtherStreams(input.head, (event) => fold.apply(event));
    // every thread folds those: the first counts them
    if (input.thread === 0) fold.eventsApplied += otherEvents;
    const namedChildren = fold.childrenWithDocuments();
    // projections that keep nothing of a child (issues-resolution alone) need no child's records read
    const bounds = fold.foldsChildren ? await input.batchBounds() : [];
    for (let batch = input.team.takeBatch(); batch < bounds.length - 1; batch = input.team.takeBatch()) {
      const [from, until] = [bounds[batch], bounds[batch + 1]];
      const children = new Set(streamsBetween(namedChildren, from, until).map(childOf));
      replay.replayStreams(from, until, input.head, (event) => {
        const child = childOf(event.stream);
        children.add(child);
        fold.applyForChild(child, event);
      });
      const writing = Date.now();
      await writes.commit(fold.completeChildren(children));
      writeMs += Date.now() - writing;
    }
    input.team.doneWithChildren();
    const writing = Date.now();
    await writes.commitInChunks(fold.completeOthers((id) => input.team.owns(input.thread, id), (collection, id) => readStore.getSync(collection, id)));
    writeMs += Date.now() - writing;
  } catch (error) {
    input.team.failed();
    throw error;
  } finally {
    replay.close();
    await readStore.close();
  }
  return {
    rebuilt: input.projections.map((projection, index) => ({
      name: projection.name,
      position: input.head,
      documents: writes.documents[index],
      eventsApplied: fold.eventsApplied,
    })),
    foldMs: Date.now() - started - writeMs,
    writeMs,
  };
}

/** A document completed, to be written into a projection's rebuild collection. */
interface CompletedDocument {
  projection: number;
  collection: string;
  document: ProjectionDocument;
}

/** The projections' replay folds over the events a thread reads, and the completing of their documents. */
class ChildwiseFold {
  eventsApplied = 0;
  /** whether any of the projections keeps documents of children */
  readonly foldsChildren: boolean;
  private readonly replays: ProjectionReplay[];
  private readonly documents: ReplayDocuments[];

  constructor(
    private readonly projections: readonly Projection[],
    private readonly context: ProjectionContext,
  ) {
    this.replays = projections.map((projection) => {
      if (!projection.replay?.childCollections) throw new Error(`${projection.name} names no child collections: it cannot be rebuilt child by child`);
      return projection.replay;
    });
    this.documents = projections.map((projection) => new ReplayDocuments(projection));
    this.foldsChildren = this.replays.some((replay) => replay.childCollections!.length > 0);
  }

  apply(event: StoredOversightEvent): void {
    for (let i = 0; i < this.replays.length; i += 1) {
      try {
        this.replays[i].apply(event, this.documents[i], this.context);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`rebuilding ${this.projections[i].name} failed at position ${event.position} (${event.type}): ${message}`);
      }
    }
  }

  applyForChild(child: string, event: StoredOversightEvent): void {
    for (const documents of this.documents) documents.folding(child);
    try {
      this.apply(event);
    } finally {
      for (const documents of this.documents) documents.folding(undefined);
    }
    this.eventsApplied += 1;
  }

  /** the streams of the children that have documents now, in stream order */
  childrenWithDocuments(): string[] {
    const streams = new Set<string>();
    this.documents.forEach((documents, index) => {
      for (const collection of this.replays[index].childCollections!) {
        for (const id of documents.ids(collection)) streams.add(`${CHILD_STREAMS_FROM}${id}`);
      }
    });
    return [...streams].sort();
  }

  /** Completes these children's documents and lets them go. */
  completeChildren(children: ReadonlySet<string>): CompletedDocument[] {
    const completed: CompletedDocument[] = [];
    this.documents.forEach((documents, index) => {
      const replay = this.replays[index];
      for (const collection of replay.childCollections!) {
        for (const child of children) {
          const document = documents.take(collection, child);
          if (!document) continue;
          const done = replay.complete(collection, document, documents, this.context);
          if (done) completed.push({ projection: index, collection, document: checkedId(this.projections[index], collection, child, done) });
        }
      }
    });
    return completed;
  }

  /**
   * Completes the documents that are not a child's that `owned` says this thread writes,
   * in the order each projection declares its collections; a child's document is read as
   * written (`written`, from the projection's rebuild collection).
   */
  completeOthers(owned: (id: string) => boolean, written: (collection: string, id: string) => ProjectionDocument | undefined): CompletedDocument[] {
    const completed: CompletedDocument[] = [];
    this.documents.forEach((documents, index) => {
      const projection = this.projections[index];
      const replay = this.replays[index];
      const childCollections = new Set(replay.childCollections);
      const target = rebuildTarget(projection);
      const view = {
        get: <T extends ProjectionDocument>(collection: string, id: string): T | undefined =>
          (childCollections.has(collection) ? written(target.collection(collection), id) : documents.get(collection, id)) as T | undefined,
      };
      for (const collection of projection.collections) {
        if (childCollections.has(collection)) continue;
        for (const id of documents.ids(collection)) {
          if (!owned(id)) continue;
          const done = replay.complete(collection, documents.get(collection, id)!, view, this.context);
          if (done) completed.push({ projection: index, collection, document: checkedId(projection, collection, id, done) });
        }
      }
    });
    return completed;
  }
}

function checkedId(projection: Projection, collection: string, id: string, document: ProjectionDocument): ProjectionDocument {
  if (document._id !== id) throw new Error(`${projection.name} completed document ${id} of ${collection} as ${document._id}`);
  return document;
}

/** Writes completed documents into the projections' rebuild collections, with their rebuild checkpoints, commit by commit. */
class ChildwiseWrites {
  /** per projection, the documents written */
  readonly documents: number[];

  constructor(
    private readonly projections: readonly Projection[],
    private readonly readStore: SqliteReadStore,
    private readonly head: number,
  ) {
    this.documents = projections.map(() => 0);
  }

  async commitInChunks(completed: readonly CompletedDocument[]): Promise<void> {
    for (let from = 0; from < completed.length; from += REBUILD_DOCUMENTS_PER_COMMIT) {
      await this.commit(completed.slice(from, from + REBUILD_DOCUMENTS_PER_COMMIT));
    }
  }

  async commit(completed: readonly CompletedDocument[]): Promise<void> {
    if (completed.length === 0) return;
    const commits: ProjectionCommit[] = this.projections.map((projection, index) => {
      const target = rebuildTarget(projection);
      return {
        projection: target.checkpoint,
        position: this.head,
        write: (batch: ReadStoreBatch) => {
          for (const written of completed) {
            if (written.projection === index) batch.upsert(target.collection(written.collection), written.document);
          }
        },
      };
    });
    await this.readStore.commitTogether(commits);
    for (const written of completed) this.documents[written.projection] += 1;
  }
}
