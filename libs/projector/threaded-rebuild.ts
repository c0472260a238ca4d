import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ProjectionsModule, RebuildGroupInput, RebuiltProjection } from './rebuild-group';

/**
 * A rebuild of several projections in worker threads, for the embedded stores (SQLite
 * files): each thread reads the events from the event store's file itself (WAL lets
 * several readers run beside the writer), folds its group of projections and writes
 * their fresh collections (one writer at a time, commit by commit); the projector then
 * swaps each in. With two threads the second core folds and writes half the read models.
 */
export interface ThreadedRebuildOptions {
  /** the embedded event store's file: the one the projector's event store reads */
  eventStoreFile: string;
  /** the embedded read store's file: the one the projector's read store writes */
  readStoreFile: string;
  /** worker threads, at most one per group (default 2) */
  threads?: number;
  /**
   * which projections rebuild together, by name; the default deals them out in turn in
   * the order the projector has them (with ALL_PROJECTIONS and two threads:
   * issues-resolution and annual-report in one, drift-and-delay in the other)
   */
  groups?: readonly (readonly string[])[];
  /** where a worker finds the projections (default: ALL_PROJECTIONS of all-projections) */
  projections?: ProjectionsModule;
  /** node options for the workers (default: this process's, e.g. a TypeScript loader when running from source) */
  execArgv?: string[];
  /** each worker's young generation in MiB: a rebuild keeps much of what it allocates (default 64) */
  youngGenerationMb?: number;
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
export function rebuildGroups(names: readonly string[], options: ThreadedRebuildOptions): string[][] {
  const threads = Math.max(1, Math.floor(options.threads ?? 2));
  const groups: string[][] = [];
  const placed = new Set<string>();
  for (const group of options.groups ?? []) {
    const wanted = group.filter((name) => names.includes(name) && !placed.has(name));
    wanted.forEach((name) => placed.add(name));
    if (wanted.length > 0) groups.push(wanted);
  }
  const rest = names.filter((name) => !placed.has(name));
  if (rest.length > 0) {
    const dealt: string[][] = Array.from({ length: Math.min(threads, rest.length) }, () => []);
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
  input: Omit<RebuildGroupInput, 'names'>,
  options: ThreadedRebuildOptions,
): Promise<RebuiltProjection[]> {
  const workers: Worker[] = [];
  const runs = groups.map((names) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { ...input, names } satisfies RebuildGroupInput,
      execArgv: options.execArgv,
      resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb ?? 64 },
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
