import { LocalAuthorityConfig } from '../../src/config/local-authority-config';
import { ChildwiseThreadResult, rebuildChildwise } from './childwise-rebuild';
import { ChildwiseTeam } from './childwise-team';
import { loadProjections, ProjectionsModule } from './projections-module';
import { SharedWriteTurn } from './shared-write-turn';

// what a worker thread loads: kept apart from threaded-rebuild.ts, whose imports (the event store's adapters) a worker has no use for

/** What a worker thread of a childwise rebuild needs (plain data: it crosses to the thread). */
export interface ChildwiseThreadInput {
  eventStoreFile: string;
  readStoreFile: string;
  projections: ProjectionsModule;
  names: string[];
  head: number;
  config: LocalAuthorityConfig;
  batchBounds: string[];
  thread: number;
  threads: number;
  /** the team's and the write turn's buffers */
  team: SharedArrayBuffer;
  writeTurn: SharedArrayBuffer;
}

/** A worker thread's share of a childwise rebuild (see childwise-rebuild.ts). */
export function rebuildChildwiseThread(input: ChildwiseThreadInput): Promise<ChildwiseThreadResult> {
  return rebuildChildwise({
    ...input,
    projections: loadProjections(input.projections, input.names),
    team: new ChildwiseTeam(input.threads, input.team),
    writeTurn: new SharedWriteTurn(input.writeTurn),
  });
}
