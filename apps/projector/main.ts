import 'reflect-metadata';
import { eventStoreLocationOf, loadInfrastructureSettings, SETTINGS_HELP } from '../../libs/nest/config/infrastructure-settings';
import { createEventStore } from '../../libs/event-store/create-event-store';
import { createReadStore } from '../../libs/read-store/create-read-store';
import { ALL_PROJECTIONS } from '../../libs/projector/all-projections';
import { startProjectorWorker } from './projector-worker';

/**
 * The projector as its own worker (production; the docker image's projector service):
 * node dist/apps/projector/main.js. Reads EVENTSTORE_URL / MONGODB_URL / DATA_DIR /
 * IRO_CONFIG as the API does; the API then runs with the projector out of its process.
 */
async function main(): Promise<void> {
  const loaded = loadInfrastructureSettings(process.env);
  if ('errors' in loaded) {
    console.error(`cannot start the projector:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\n\nSettings:\n  ${SETTINGS_HELP.join('\n  ')}`);
    process.exit(1);
  }
  const { settings } = loaded;
  const log = (message: string) => console.log(`${new Date().toISOString()} [projector] ${message}`);
  const eventStore = createEventStore(eventStoreLocationOf(settings));
  const readStore = createReadStore({ DATA_DIR: settings.dataDir, MONGODB_URL: settings.mongodbUrl ?? undefined });
  const worker = await startProjectorWorker({
    eventStore,
    readStore,
    projections: ALL_PROJECTIONS,
    config: settings.config,
    logger: { log, error: (message, error) => console.error(`${new Date().toISOString()} [projector] ${message}`, error ?? '') },
  });
  log(`feeding ${worker.projector.projectionNames.join(', ')}; events: ${settings.eventStoreUrl ? 'EventStoreDB' : 'SQLite'}, read models: ${settings.mongodbUrl ? 'MongoDB' : 'SQLite'} (${settings.dataDir})`);

  const shutdown = (signal: NodeJS.Signals) => {
    log(`${signal}: committing and stopping`);
    void worker
      .stop()
      .then(() => Promise.all([eventStore.close(), readStore.close()]))
      .then(() => process.exit(0), (error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
