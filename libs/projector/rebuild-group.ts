import { LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { Projection } from '../../src/projections/projection';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { ProjectionRunner, REBUILD_DOCUMENTS_PER_COMMIT, rebuildTarget } from './projection-runner';
import { SharedWriteTurn } from './shared-write-turn';
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
  /** the write turn the threads of one rebuild share (a SharedWriteTurn's buffer) */
  writeTurn?: SharedArrayBuffer;
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
 * Replays the events past the runners' positions up to `head` into them, each event read
 * once for all. Returns, per runner, the oversight events it applied; throws at the
 * first event a projection fails on. The runners end at `head` (past the events the
 * replay leaves out, which the projections do not read).
 */
export function replayInto(runners: readonly ProjectionRunner[], replay: SqliteEventReplay, head: number): number[] {
  const applied = runners.map(() => 0);
  const from = Math.min(...runners.map((runner) => runner.position));
  replay.replay(from, head, (event) => {
    for (let i = 0; i < runners.length; i += 1) {
      const runner = runners[i];
      if (runner.position >= event.position) continue;
      if (runner.apply(event)) {
        applied[i] += 1;
        continue;
      }
      const failure = runner.failure;
      throw new Error(`rebuilding ${runner.name} failed at position ${failure?.position} (${failure?.eventType}): ${failure?.message}`);
    }
  });
  for (const runner of runners) runner.skip(head);
  return applied;
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
  const started = Date.now();
  const replay = new SqliteEventReplay(input.eventStoreFile);
  let applied: number[];
  try {
    applied = replayInto(runners, replay, input.head);
  } finally {
    replay.close();
  }
  const replayMs = Date.now() - started;
  const readStore = new SqliteReadStore({
    file: input.readStoreFile,
    busyTimeoutMs: WRITE_LOCK_WAIT_MS,
    writeTurn: input.writeTurn && new SharedWriteTurn(input.writeTurn),
  });
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
