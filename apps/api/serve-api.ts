import { createServer } from 'node:net';
import { INestApplication, Logger } from '@nestjs/common';
import { alignSettingsHelp, InfrastructureSettings, loadInfrastructureSettings, SETTINGS_HELP } from '../../libs/nest/config/infrastructure-settings';
import { AuthConfigError } from '../../libs/auth/auth-config-error';
import { AUTH_SETTINGS_HELP, loadAuthSettings } from '../../libs/auth/auth-settings';
import { HTTP_HARDENING_HELP, loadHttpHardeningSettings } from '../../libs/nest/actor/http-hardening-settings';
import { createApiApp } from './create-api-app';

/** Every environment variable `iro serve` reads, one line each: `iro serve --help` and a refused start print it. */
export const SERVE_SETTINGS_HELP: readonly string[] = alignSettingsHelp([...SETTINGS_HELP, ...AUTH_SETTINGS_HELP, ...HTTP_HARDENING_HELP]);

/** Start-up refused: one line per bad setting. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `cannot start: the configuration has ${problems.length} problem(s):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        `\n\nSettings (environment):\n${SERVE_SETTINGS_HELP.map((line) => `  ${line}`).join('\n')}`,
    );
    this.name = 'SettingsError';
  }
}

/** Reads the environment, checks it, builds the API and listens on PORT. */
export async function serveApi(env: NodeJS.ProcessEnv = process.env): Promise<{ app: INestApplication; settings: InfrastructureSettings }> {
  const loaded = loadInfrastructureSettings(env);
  const http = loadHttpHardeningSettings(env);
  const problems = [...('errors' in loaded ? loaded.errors : []), ...('errors' in http ? http.errors : [])];
  let auth;
  try {
    // the embedded secret lives in DATA_DIR, so only look for it once DATA_DIR is good
    if (!('errors' in loaded)) auth = loadAuthSettings(env, loaded.settings.dataDir);
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    problems.push(...error.problems);
  }
  if ('errors' in loaded || 'errors' in http || auth === undefined || problems.length > 0) throw new SettingsError(problems);
  const { settings } = loaded;
  // refuse a port another process holds before opening the stores and building the app
  const portProblem = await portUnavailable(settings.port);
  if (portProblem) throw new SettingsError([portProblem]);
  const app = await createApiApp({
    dataDir: settings.dataDir,
    config: settings.config,
    eventStoreUrl: settings.eventStoreUrl,
    mongodbUrl: settings.mongodbUrl,
    sqliteSynchronous: settings.sqliteSynchronous,
    auth,
    http: http.settings,
    backgroundWalCheckpoints: true,
  });
  try {
    await app.listen(settings.port);
  } catch (error) {
    // the app is built (its projector running): close it, or the process would stay up serving nothing
    await app.close();
    const problem = portProblemOf(settings.port, error);
    if (problem) throw new SettingsError([problem]);
    throw error;
  }
  const logger = new Logger('iro serve');
  logger.log(`IRO Oversight API on http://localhost:${settings.port} (OpenAPI at /docs)`);
  logger.log(
    `events: ${settings.eventStoreUrl ? 'EventStoreDB' : `SQLite in ${settings.dataDir} (SQLITE_SYNCHRONOUS=${settings.sqliteSynchronous.toLowerCase()})`}; ` +
      `local authority: ${settings.config.localAuthority} (${settings.iroConfigPath})`,
  );
  return { app, settings };
}

/** Why PORT cannot be listened on (taken, or not allowed), or null when it is free now. */
function portUnavailable(port: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      const problem = portProblemOf(port, error);
      if (problem) resolve(problem);
      else reject(error);
    });
    probe.listen(port, () => probe.close(() => resolve(null)));
  });
}

function portProblemOf(port: number, error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `PORT ${port}: already in use by another process`;
  if (code === 'EACCES') return `PORT ${port}: not allowed for this user`;
  return null;
}

/** Serves until SIGINT or SIGTERM, then closes the app (and so the stores) and resolves. */
export function closeOnSignal(app: INestApplication): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      new Logger('iro serve').log(`${signal}: closing`);
      app.close().then(resolve, reject);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
