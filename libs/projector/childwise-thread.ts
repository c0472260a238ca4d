import { LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { ChildwiseThreadResult, rebuildChildwise } from './childwise-rebuild';
import { ChildwiseTeam } from './childwise-team';
import { loadProjections, ProjectionsModule } from './projections-module';
import { SharedWriteTurn } from './shared-write-turn';

// what a worker thread loads: kept apart from threaded-rebuild.ts, whose imports (the event store's adapters) a worker has no use for

/** what the main thread sends each worker once it has cut the children's streams into batches */
export interface ChildwiseBoundsMessage {
  kind: 'batch-bounds';
  bounds: string[];
}

/** What a worker thread of a childwise rebuild needs (plain data: it crosses to the thread). */
export interface ChildwiseThreadInput {
  eventStoreFile: string;
  readStoreFile: string;
  projections: ProjectionsModule;
  names: string[];
  head: number;
  config: LocalAuthorityConfig;
  thread: number;
  threads: number;
  /** the team's and the write turn's buffers */
  team: SharedArrayBuffer;
  writeTurn: SharedArrayBuffer;
}

/** A worker thread's share of a childwise rebuild (see childwise-rebuild.ts); the batches' bounds come as a message (ChildwiseBoundsMessage). */
export function rebuildChildwiseThread(input: ChildwiseThreadInput, batchBounds: () => Promise<readonly string[]>): Promise<ChildwiseThreadResult> {
  return rebuildChildwise({
    ...input,
    batchBounds,
    projections: loadProjections(input.projections, input.names),
    team: new ChildwiseTeam(input.threads, input.team),
    writeTurn: new SharedWriteTurn(input.writeTurn),
  });
}
