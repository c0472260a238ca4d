import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SQLITE_EVENTS_FILE } from '../event-store/create-event-store';
import { defaultReadModelsFile } from '../read-store/sqlite/sqlite-read-store';
import { ProjectionsModule, RebuildGroupInput, RebuiltProjection } from './rebuild-group';
import { SharedWriteTurn } from './shared-write-turn';

/**
 * A rebuild with the embedded stores (SQLite files): the events are read from the event
 * store's file (see sqlite-event-replay.ts) and, with more than one thread, groups of
 * projections are rebuilt in worker threads: each reads the events itself (WAL lets
 * several readers run beside the writer), folds its group and writes their fresh
 * collections (one writer at a time, commit by commit); the projector then swaps each
 * in. With two threads the second core folds and writes part of the read models.
 */
export interface EmbeddedRebuildOptions {
  /** the embedded event store's file: the one the projector's event store reads */
  eventStoreFile: string;
  /** the embedded read store's file: the one the projector's read store writes */
  readStoreFile: string;
  /** worker threads, at most one per group (default 2, or 1 on a single core); 1: all in this thread */
  threads?: number;
  /**
   * which projections rebuild together, by name, one thread each; the others are dealt
   * out in turn, in the order the projector has them, to the threads left (with
   * ALL_PROJECTIONS and two threads: issues-resolution and annual-report in one,
   * drift-and-delay in the other, which balances them as measured)
   */
  groups?: readonly (readonly string[])[];
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

/** The groups of projection names, one per thread, for the projections being rebuilt (in the projector's order). */
export function rebuildGroups(names: readonly string[], options: EmbeddedRebuildOptions): string[][] {
  const threads = rebuildThreads(options);
  const groups: string[][] = [];
  const placed = new Set<string>();
  for (const group of options.groups ?? []) {
    const wanted = group.filter((name) => names.includes(name) && !placed.has(name));
    wanted.forEach((name) => placed.add(name));
    if (wanted.length > 0) groups.push(wanted);
  }
  const rest = names.filter((name) => !placed.has(name));
  if (rest.length > 0) {
    const dealt: string[][] = Array.from({ length: Math.min(Math.max(1, threads - groups.length), rest.length) }, () => []);
    rest.forEach((name, index) => dealt[index % dealt.length].push(name));
    groups.push(...dealt);
  }
  return groups;
}

/**
 * Rebuilds each group in a worker thread of its own, all at once. Resolves with what
 * each rebuilt; rejects with RebuildWorkerLoadError when a worker could not load, or
 * with the first failure (the other workers are stopped).
 */
export async function rebuildInThreads(
  groups: readonly string[][],
  input: Omit<RebuildGroupInput, 'names' | 'writeTurn'>,
  options: EmbeddedRebuildOptions,
): Promise<RebuiltProjection[]> {
  const workers: Worker[] = [];
  const writeTurn = new SharedWriteTurn().buffer;
  const runs = groups.map((names) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { ...input, names, writeTurn } satisfies RebuildGroupInput,
      execArgv: options.execArgv,
      resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb ?? 192 },
    });
    workers.push(worker);
    return runWorker(worker);
  });
  try {
    return (await Promise.all(runs)).flat();
  } catch (error) {
    await Promise.allSettled(workers.map((worker) => worker.terminate()));
    throw error;
  }
}

function runWorker(worker: Worker): Promise<RebuiltProjection[]> {
  return new Promise((resolve, reject) => {
    let loaded = false;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (message: { kind: string; rebuilt?: RebuiltProjection[]; message?: string }) => {
      if (message.kind === 'loaded') loaded = true;
      else if (message.kind === 'rebuilt') settle(() => resolve(message.rebuilt ?? []));
      else if (message.kind === 'failed') settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(loaded ? error : new RebuildWorkerLoadError(error))));
    worker.on('exit', (code) => settle(() => reject(new Error(`a rebuild worker stopped (exit code ${code}) before it finished`))));
  });
}
