import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SQLITE_EVENTS_FILE } from '../event-store/create-event-store';
import { defaultReadModelsFile } from '../read-store/sqlite/sqlite-read-store';
import { ChildwiseTeam } from './childwise-team';
import { ChildwiseThreadResult } from './childwise-rebuild';
import { ChildwiseBoundsMessage, ChildwiseThreadInput } from './childwise-thread';
import { ProjectionsModule } from './projections-module';
import { SharedWriteTurn } from './shared-write-turn';

/**
 * A rebuild with the embedded stores (SQLite files): the events are read from the event
 * store's file (see sqlite-event-replay.ts) and, for projections that name their child
 * collections, folded child by child (see childwise-rebuild.ts), with more than one
 * thread in worker threads that each take batches of children: each reads its children's
 * events itself (WAL lets several readers run beside the writer) and writes their
 * documents (one writer at a time, commit by commit); the projector then swaps each
 * projection in.
 */
export interface EmbeddedRebuildOptions {
  /** the embedded event store's file: the one the projector's event store reads */
  eventStoreFile: string;
  /** the embedded read store's file: the one the projector's read store writes */
  readStoreFile: string;
  /** worker threads (default 2, or 1 on a single core); 1: all in this thread */
  threads?: number;
  /** where a worker finds the projections (default: ALL_PROJECTIONS of all-projections) */
  projections?: ProjectionsModule;
  /** node options for the workers (default: this process's, e.g. a TypeScript loader when running from source) */
  execArgv?: string[];
  /** each worker's young generation in MiB (default 192): a bigger one measured faster, the garbage collector copying less of a rebuild's short-lived JSON and events */
  youngGenerationMb?: number;
}

/**
 * the threads a rebuild uses; by default one when this code runs from TypeScript sources
 * and no `execArgv` says how a worker would load them (e.g. under jest)
 */
export const rebuildThreads = (options: EmbeddedRebuildOptions): number => {
  if (options.threads === undefined && options.execArgv === undefined && extname(__filename) === '.ts') return 1;
  return Math.max(1, Math.floor(options.threads ?? Math.min(2, availableParallelism())));
};

/**
 * The embedded stores' files under DATA_DIR (as createEventStore and createReadStore
 * open them), for a rebuild; undefined when either store is not the embedded one.
 */
export function embeddedRebuildFor(env: { DATA_DIR: string; EVENTSTORE_URL?: string; MONGODB_URL?: string }): EmbeddedRebuildOptions | undefined {
  if (env.EVENTSTORE_URL?.trim() || env.MONGODB_URL?.trim()) return undefined;
  return { eventStoreFile: join(env.DATA_DIR, SQLITE_EVENTS_FILE), readStoreFile: defaultReadModelsFile(env.DATA_DIR) };
}

export const ALL_PROJECTIONS_MODULE: ProjectionsModule = {
  module: join(__dirname, `all-projections${extname(__filename)}`),
  exportName: 'ALL_PROJECTIONS',
};

const WORKER_FILE = join(__dirname, `rebuild-worker${extname(__filename)}`);

/** A worker could not load its code (e.g. TypeScript sources without a loader): nothing was rebuilt by it. */
export class RebuildWorkerLoadError extends Error {
  constructor(override readonly cause: unknown) {
    super(`a rebuild worker did not load: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RebuildWorkerLoadError';
  }
}

/**
 * A childwise rebuild (see childwise-rebuild.ts) in `threads` worker threads, all
 * rebuilding the same projections, each the children it takes. The batches' bounds are
 * cut here once the workers are started (`batchBounds`), while they load and fold the
 * challenges, and sent to each. Resolves with what each thread rebuilt; rejects with
 * RebuildWorkerLoadError when a worker could not load, or with the first failure (the
 * other workers are stopped).
 */
export async function rebuildChildwiseInThreads(
  input: Omit<ChildwiseThreadInput, 'thread' | 'threads' | 'team' | 'writeTurn'>,
  threads: number,
  options: EmbeddedRebuildOptions,
  batchBounds: () => string[],
): Promise<ChildwiseThreadResult[]> {
  const team = new ChildwiseTeam(threads).buffer;
  const writeTurn = new SharedWriteTurn().buffer;
  const workers: Worker[] = [];
  const runs = Array.from({ length: threads }, (_, thread) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { ...input, thread, threads, team, writeTurn } satisfies ChildwiseThreadInput,
      execArgv: options.execArgv,
      resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb ?? 192 },
    });
    workers.push(worker);
    return runWorker(worker);
  });
  try {
    const message: ChildwiseBoundsMessage = { kind: 'batch-bounds', bounds: batchBounds() };
    for (const worker of workers) worker.postMessage(message);
    return await Promise.all(runs);
  } catch (error) {
    await Promise.allSettled(workers.map((worker) => worker.terminate()));
    throw error;
  }
}

function runWorker(worker: Worker): Promise<ChildwiseThreadResult> {
  return new Promise<ChildwiseThreadResult>((resolve, reject) => {
    let loaded = false;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (message: { kind: string; rebuilt?: ChildwiseThreadResult; message?: string }) => {
      if (message.kind === 'loaded') loaded = true;
      else if (message.kind === 'rebuilt' && message.rebuilt) settle(() => resolve(message.rebuilt!));
      else if (message.kind === 'failed') settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(loaded ? error : new RebuildWorkerLoadError(error))));
    worker.on('exit', (code) => settle(() => reject(new Error(`a rebuild worker stopped (exit code ${code}) before it finished`))));
  });
}
