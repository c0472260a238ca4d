import { DestinationStream, Logger } from 'pino';
import { alignSettingsHelp, eventStoreLocationOf, loadInfrastructureSettings, SETTINGS_HELP } from '../../libs/nest/config/infrastructure-settings';
import { createEventStore } from '../../libs/event-store/create-event-store';
import { createReadStore } from '../../libs/read-store/create-read-store';
import { ALL_PROJECTIONS } from '../../libs/projector/all-projections';
import { ProjectorLogger } from '../../libs/projector/projector';
import { createJsonLogger } from '../../libs/nest/actor/api-logger';
import { LOG_LEVEL_HELP, readLogLevel } from '../../libs/nest/actor/http-hardening-settings';
import { checkStores } from '../../libs/nest/infrastructure/check-stores';
import { SQLITE_EVENTS_FILE } from '../../libs/event-store/create-event-store';
import { READ_MODELS_FILE } from '../../libs/read-store/sqlite/sqlite-read-store';
import { startProjectorWorker } from './projector-worker';

/** The settings the projector service reads: the API's stores and configuration, and LOG_LEVEL. */
export const PROJECTOR_SETTINGS_HELP: readonly string[] = alignSettingsHelp([
  ...SETTINGS_HELP.filter((line) => !line.startsWith('PORT ')),
  LOG_LEVEL_HELP,
]);

/** Start refused: one line per bad setting. */
export class ProjectorSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `cannot start the projector: the configuration has ${problems.length} problem(s):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        `\n\nSettings (environment):\n${PROJECTOR_SETTINGS_HELP.map((line) => `  ${line}`).join('\n')}`,
    );
    this.name = 'ProjectorSettingsError';
  }
}

export interface ProjectorService {
  logger: Logger;
  /** resolves when the projections have caught up with the events */
  caughtUp: Promise<void>;
  /** commits what was applied, stops, and closes the stores */
  stop(): Promise<void>;
}

/**
 * The projector as its own service (apps/projector/main.ts; the compose projector): reads the
 * environment as the API does, logs JSON lines at LOG_LEVEL (as the API does), feeds every
 * projection. Throws ProjectorSettingsError for bad settings, StoreUnusableError for a store it cannot use.
 */
export async function startProjectorService(
  env: NodeJS.ProcessEnv,
  options: { logDestination?: DestinationStream } = {},
): Promise<ProjectorService> {
  const loaded = loadInfrastructureSettings(env);
  const level = readLogLevel(env);
  const problems = [...('errors' in loaded ? loaded.errors : []), ...('error' in level ? [level.error] : [])];
  if ('errors' in loaded || 'error' in level) throw new ProjectorSettingsError(problems);
  const { settings } = loaded;
  const logger = createJsonLogger('iro-projector', level.logLevel, options.logDestination);
  // the events and the read models: a store it cannot use stops the start in one line (a read-models file that is no database is moved aside and rebuilt)
  await checkStores({
    dataDir: settings.dataDir,
    eventStoreUrl: settings.eventStoreUrl,
    mongodbUrl: settings.mongodbUrl,
    files: [...(settings.eventStoreUrl ? [] : [SQLITE_EVENTS_FILE]), ...(settings.mongodbUrl ? [] : [READ_MODELS_FILE])],
    warn: (message) => logger.warn(message),
  });
  const eventStore = createEventStore(eventStoreLocationOf(settings));
  const readStore = createReadStore({ DATA_DIR: settings.dataDir, MONGODB_URL: settings.mongodbUrl ?? undefined });
  const worker = await startProjectorWorker({
    eventStore,
    readStore,
    projections: ALL_PROJECTIONS,
    config: settings.config,
    logger: projectorLogger(logger),
  });
  logger.info(
    `feeding ${worker.projector.projectionNames.join(', ')}; events: ${settings.eventStoreUrl ? 'EventStoreDB' : 'SQLite'}, ` +
      `read models: ${settings.mongodbUrl ? 'MongoDB' : 'SQLite'} (${settings.dataDir})`,
  );
  return {
    logger,
    caughtUp: worker.caughtUp,
    async stop() {
      await worker.stop();
      await Promise.all([eventStore.close(), readStore.close()]);
    },
  };
}

/** The projector's messages as JSON lines; an error's class and stack go in fields of its line. */
export function projectorLogger(logger: Logger): ProjectorLogger {
  return {
    log: (message) => logger.info(message),
    error: (message, error) =>
      error instanceof Error
        ? logger.error({ error: error.name, stack: error.stack }, `${message}: ${error.message}`)
        : logger.error(error === undefined ? {} : { error: String(error) }, message),
  };
}
