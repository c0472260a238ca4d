import { Command, CommandRunner, Help } from 'nest-commander';
import { closeOnSignal, serveApi, SERVE_SETTINGS_HELP, SettingsError } from '../../api/serve-api';
import { StoreUnusableError } from '../../../libs/nest/infrastructure/check-stores';

/** `iro serve`: the HTTP API, configured from the environment (PORT, DATA_DIR, ...). */
@Command({
  name: 'serve',
  description: 'Start the HTTP API, configured from the environment (PORT, DATA_DIR, ...: `iro serve --help` lists them all).',
})
export class ServeCommand extends CommandRunner {
  @Help('after')
  environment(): string {
    return `\nEnvironment (unset or empty: the default):\n${SERVE_SETTINGS_HELP.map((line) => `  ${line}`).join('\n')}`;
  }

  async run(): Promise<void> {
    try {
      const { app } = await serveApi(process.env);
      await closeOnSignal(app);
    } catch (error) {
      console.error(error instanceof SettingsError || error instanceof StoreUnusableError ? error.message : error);
      process.exitCode = 1;
    }
  }
}
