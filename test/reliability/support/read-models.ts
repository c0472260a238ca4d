import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../../../libs/projector/all-projections';
import { foldedSnapshot, ReadModelSnapshot, snapshotOf } from '../../../libs/projector/testing/read-model-snapshot';
import { SqliteReadStore } from '../../../libs/read-store/sqlite/sqlite-read-store';
import { defaultIroConfigPath } from '../../../libs/nest/config/package-root';
import { readLocalAuthorityConfig } from '../../../libs/nest/config/infrastructure-settings';
import { RecordedEvent } from '../../../src/events/envelope';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Health {
  eventStore: { headPosition?: number };
  projections: { name: string; checkpoint: number; lag: number; status: string }[];
}

/** Waits until /health shows every projection running and caught up with the store. */
export async function projectionsCaughtUp(url: string, timeoutMs = 60_000): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  let health: Health | undefined;
  while (Date.now() < deadline) {
    health = (await (await fetch(`${url}/health`)).json()) as Health;
    const names = health.projections.map((p) => p.name).sort();
    const all = ALL_PROJECTIONS.map((p) => p.name).sort();
    if (JSON.stringify(names) === JSON.stringify(all) && health.projections.every((p) => p.lag === 0 && p.status === 'ok')) return health;
    await sleep(100);
  }
  throw new Error(`projections did not catch up: ${JSON.stringify(health)}`);
}

/** The read models the server stored, and what a clean rebuild (a plain fold of the same events) gives. */
export async function readModelsAndCleanRebuild(
  dataDir: string,
  events: readonly RecordedEvent[],
  configPath: string = defaultIroConfigPath(),
): Promise<{ stored: ReadModelSnapshot; rebuilt: ReadModelSnapshot }> {
  const errors: string[] = [];
  const config = readLocalAuthorityConfig(configPath, errors);
  if (!config) throw new Error(errors.join('; '));
  const readStore = new SqliteReadStore({ file: join(dataDir, 'read-models.sqlite') });
  try {
    return { stored: await snapshotOf(readStore, ALL_PROJECTIONS), rebuilt: foldedSnapshot(events, ALL_PROJECTIONS, { config }) };
  } finally {
    await readStore.close();
  }
}
