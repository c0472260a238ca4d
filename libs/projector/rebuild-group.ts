import { LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { Projection } from '../../src/projections/projection';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { ProjectionRunner, REBUILD_DOCUMENTS_PER_COMMIT, rebuildTarget } from './projection-runner';
import { SqliteEventReplay } from './sqlite-event-replay';

/** Where a module exports the projections, as an array of Projection under `exportName`. */
export interface ProjectionsModule {
  module: string;
  exportName: string;
}

/** What a thread rebuilding some projections needs (plain data: it crosses to a worker thread). */
export interface RebuildGroupInput {
  eventStoreFile: string;
  readStoreFile: string;
  projections: ProjectionsModule;
  /** the projections this thread rebuilds */
  names: string[];
  /** replay up to this position */
  head: number;
  config: LocalAuthorityConfig;
}

/** A projection rebuilt into its fresh `__rebuild` collections and checkpoint, not yet swapped in. */
export interface RebuiltProjection {
  name: string;
  position: number;
  documents: number;
  eventsApplied: number;
  /** the thread's time replaying the events (for all its projections) and writing this projection's documents */
  replayMs: number;
  writeMs: number;
}

/** A rebuilt thread's writes wait for the others' commits (one writer at a time per SQLite file). */
const WRITE_LOCK_WAIT_MS = 120_000;

export function loadProjections(from: ProjectionsModule, names: readonly string[]): Projection[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const all = (require(from.module) as Record<string, unknown>)[from.exportName] as readonly Projection[] | undefined;
  if (!Array.isArray(all)) throw new Error(`${from.module} exports no projections as ${from.exportName}`);
  return names.map((name) => {
    const projection = all.find((candidate) => candidate.name === name);
    if (!projection) throw new Error(`${from.module} has no projection named ${name}`);
    return projection;
  });
}

/**
 * Rebuilds some projections from position 0 into their fresh collections: replays the
 * events from the embedded event store's file (each event read once for all of them),
 * then writes each projection's documents and its rebuild checkpoint. The caller has
 * emptied those collections and checkpoints before, and swaps them in after. Runs in a
 * worker thread of a threaded rebuild (see threaded-rebuild.ts), or in this one.
 */
export async function rebuildGroup(input: RebuildGroupInput): Promise<RebuiltProjection[]> {
  const projections = loadProjections(input.projections, input.names);
  const context = { config: input.config };
  const runners = projections.map((projection) => ProjectionRunner.empty(projection, context, rebuildTarget(projection)));
  const applied = runners.map(() => 0);
  const started = Date.now();
  const replay = new SqliteEventReplay(input.eventStoreFile);
  try {
    replay.replay(0, input.head, (event) => {
      for (let i = 0; i < runners.length; i += 1) {
        const runner = runners[i];
        if (runner.apply(event)) {
          applied[i] += 1;
          continue;
        }
        const failure = runner.failure;
        throw new Error(`rebuilding ${runner.name} failed at position ${failure?.position} (${failure?.eventType}): ${failure?.message}`);
      }
    });
  } finally {
    replay.close();
  }
  // past the other events too (the replay leaves them out: the projections do not read them)
  for (const runner of runners) runner.skip(input.head);
  const replayMs = Date.now() - started;
  const readStore = new SqliteReadStore({ file: input.readStoreFile, busyTimeoutMs: WRITE_LOCK_WAIT_MS });
  try {
    const rebuilt: RebuiltProjection[] = [];
    for (let i = 0; i < runners.length; i += 1) {
      const runner = runners[i];
      const writing = Date.now();
      await runner.flushInChunks(readStore, REBUILD_DOCUMENTS_PER_COMMIT);
      rebuilt.push({
        name: runner.name,
        position: runner.position,
        documents: runner.documentCount(),
        eventsApplied: applied[i],
        replayMs,
        writeMs: Date.now() - writing,
      });
      // the documents are written: let them go before the next projection's are turned into JSON
      runners[i] = undefined as unknown as ProjectionRunner;
    }
    return rebuilt;
  } finally {
    await readStore.close();
  }
}
