import 'reflect-metadata';
import { closeOnSignal, serveApi, SettingsError } from './serve-api';
import { StoreUnusableError } from '../../libs/nest/infrastructure/check-stores';

// The API on its own (the docker image's api service): node dist/apps/api/main.js
serveApi()
  .then(({ app }) => closeOnSignal(app))
  .catch((error: unknown) => {
    console.error(error instanceof SettingsError || error instanceof StoreUnusableError ? error.message : error);
    process.exit(1);
  });
