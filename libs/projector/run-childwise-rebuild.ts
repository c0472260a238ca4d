import { LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { Projection } from '../../src/projections/projection';
import { ChildwiseTeam } from './childwise-team';
import { CHILDREN_PER_BATCH, ChildwiseThreadResult, rebuildChildwise, RebuiltProjection } from './childwise-rebuild';
import { ProjectionsModule } from './projections-module';
import { SharedWriteTurn } from './shared-write-turn';
import { markUnsyncedWrites } from '../read-store/sqlite/unsynced-writes';
import { SqliteEventReplay } from './sqlite-event-replay';
import { EmbeddedRebuildOptions, rebuildChildwiseInThreads } from './threaded-rebuild';

/** Whether these projections can be rebuilt child by child: each names its child collections. */
export const rebuildableChildwise = (projections: readonly Projection[]): boolean =>
  projections.length > 0 && projections.every((projection) => projection.replay?.childCollections !== undefined);

export interface ChildwiseRun {
  projections: readonly Projection[];
  head: number;
  config: LocalAuthorityConfig;
  options: EmbeddedRebuildOptions;
  /** worker threads (1: in this thread, with `projections` themselves) */
  threads: number;
  /** where the workers find the projections */
  projectionsModule: ProjectionsModule;
}

/** What a childwise rebuild wrote, per projection (not yet swapped in), and what each thread did. */
export interface ChildwiseOutcome {
  rebuilt: RebuiltProjection[];
  threads: ChildwiseThreadResult[];
}

/**
 * Runs a childwise rebuild (see childwise-rebuild.ts) into the projections' emptied
 * rebuild collections, in worker threads or in this one, and adds up what the threads
 * wrote per projection. The threads write without waiting for the disk: the read store's
 * file is marked before and synced once they are done, failed or not (see unsynced-writes.ts).
 */
export async function runChildwiseRebuild(run: ChildwiseRun): Promise<ChildwiseOutcome> {
  const batchBounds = (): string[] => {
    const replay = new SqliteEventReplay(run.options.eventStoreFile);
    try {
      return replay.childBatchBounds(CHILDREN_PER_BATCH);
    } finally {
      replay.close();
    }
  };
  const common = { eventStoreFile: run.options.eventStoreFile, readStoreFile: run.options.readStoreFile, head: run.head, config: run.config };
  const unsynced = markUnsyncedWrites(run.options.readStoreFile);
  let threads: ChildwiseThreadResult[];
  try {
    threads =
      run.threads > 1
        ? await rebuildChildwiseInThreads(
            { ...common, projections: run.projectionsModule, names: run.projections.map((p) => p.name) },
            run.threads,
            run.options,
            batchBounds,
          )
        : [
            await rebuildChildwise({
              ...common,
              batchBounds: async () => batchBounds(),
              projections: run.projections,
              thread: 0,
              team: new ChildwiseTeam(1),
              writeTurn: new SharedWriteTurn(),
            }),
          ];
  } finally {
    unsynced.syncAndClear();
  }
  const rebuilt = run.projections.map(({ name }): RebuiltProjection => {
    const parts = threads.flatMap((thread) => thread.rebuilt.filter((part) => part.name === name));
    return {
      name,
      position: run.head,
      documents: parts.reduce((sum, part) => sum + part.documents, 0),
      eventsApplied: parts.reduce((sum, part) => sum + part.eventsApplied, 0),
    };
  });
  return { rebuilt, threads };
}
