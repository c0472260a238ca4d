import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import { Projector } from '../../../libs/projector/projector';
import { SqliteReadStore } from '../../../libs/read-store/sqlite/sqlite-read-store';
import { CRASH_TEST_PROJECTIONS } from './crash-test-projections';

/**
 * The projector process the crash test starts (compiled to plain JS first):
 *   node crash-projector-child.js catch-up <events.sqlite> <read-models.sqlite>
 *     feeds the projections from their checkpoints to the head, commits, exits 0
 *     (the test SIGKILLs it part way);
 *   node crash-projector-child.js rebuild <events.sqlite> <read-models.sqlite>
 *     rebuilds every read model from position 0 (the clean reference).
 */
async function main(): Promise<void> {
  const [mode, eventsFile, readModelsFile] = process.argv.slice(2);
  const eventStore = new SqliteEventStore({ file: eventsFile, pollIntervalMs: 50 });
  const readStore = new SqliteReadStore({ file: readModelsFile });
  const projector = new Projector({
    eventStore,
    readStore,
    projections: CRASH_TEST_PROJECTIONS,
    context: { config: DEFAULT_LOCAL_AUTHORITY_CONFIG },
    batchSize: process.env.PROJECTOR_BATCH_SIZE ? Number(process.env.PROJECTOR_BATCH_SIZE) : undefined,
  });
  if (mode === 'rebuild') {
    await projector.rebuild();
  } else if (mode === 'catch-up') {
    await projector.start();
    await projector.whenCaughtUp();
    await projector.stop();
    const failed = (await projector.health()).filter((h) => h.status === 'error');
    if (failed.length > 0) throw new Error(`projections failed: ${JSON.stringify(failed)}`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await eventStore.close();
  await readStore.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
