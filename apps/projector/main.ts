import 'reflect-metadata';
import { ProjectorSettingsError, startProjectorService } from './projector-service';
import { StoreUnusableError } from '../../libs/nest/infrastructure/check-stores';

/**
 * The projector as its own worker (production; the docker image's projector service):
 * node dist/apps/projector/main.js. Reads EVENTSTORE_URL / MONGODB_URL / DATA_DIR /
 * IRO_CONFIG as the API does, and LOG_LEVEL (JSON lines, as the API's); the API then runs
 * with the projector out of its process.
 */
async function main(): Promise<void> {
  const service = await startProjectorService(process.env);
  const shutdown = (signal: NodeJS.Signals) => {
    service.logger.info(`${signal}: committing and stopping`);
    void service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        service.logger.fatal({ stack: (error as Error).stack }, `stopping failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ProjectorSettingsError || error instanceof StoreUnusableError ? error.message : error);
  process.exit(1);
});
