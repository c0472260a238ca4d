import { Command, CommandRunner } from 'nest-commander';
import { closeOnSignal, serveApi, SettingsError } from '../../api/serve-api';

/** `iro serve`: the HTTP API, configured from the environment (PORT, DATA_DIR, ...). */
@Command({
  name: 'serve',
  description:
    'Start the HTTP API. Environment: PORT (3000), DATA_DIR (./data), EVENTSTORE_URL, MONGODB_URL, IRO_CONFIG ' +
    '(config/iro-config.default.json).',
})
export class ServeCommand extends CommandRunner {
  async run(): Promise<void> {
    try {
      const { app } = await serveApi(process.env);
      await closeOnSignal(app);
    } catch (error) {
      console.error(error instanceof SettingsError ? error.message : error);
      process.exitCode = 1;
    }
  }
}
