import { accessSync, constants, mkdirSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import type { EventStoreLocation } from '../../event-store/create-event-store';
import { SqliteSynchronous } from '../../event-store/sqlite/sqlite-connection';
import { validateLocalAuthorityConfig } from '../../../src/config/validate-local-authority-config';
import { defaultIroConfigPath } from './package-root';

/** What the deployment sets in the environment (12-factor), checked once at start. */
export interface InfrastructureSettings {
  /** PORT, default 3000 */
  port: number;
  /** DATA_DIR, default ./data, made absolute; the embedded stores keep their files here */
  dataDir: string;
  /** EVENTSTORE_URL: when set, events go to EventStoreDB instead of the SQLite file */
  eventStoreUrl: string | null;
  /** MONGODB_URL: when set, read models and idempotency records go to MongoDB */
  mongodbUrl: string | null;
  /** SQLITE_SYNCHRONOUS, default NORMAL: how hard the embedded record's commits are pushed to disk (see sqlite-connection.ts) */
  sqliteSynchronous: SqliteSynchronous;
  /** IRO_CONFIG, default the shipped config/iro-config.default.json */
  iroConfigPath: string;
  /** the local authority's configuration read from iroConfigPath */
  config: LocalAuthorityConfig;
}

export type SettingsResult = { settings: InfrastructureSettings } | { errors: string[] };

export const SETTINGS_HELP = [
  'PORT           port the API listens on (default 3000)',
  'DATA_DIR       folder for the embedded stores (default ./data)',
  'EVENTSTORE_URL EventStoreDB connection string, e.g. esdb://localhost:2113?tls=false (default: SQLite in DATA_DIR)',
  'MONGODB_URL    MongoDB connection string, e.g. mongodb://localhost:27017/iro (default: SQLite in DATA_DIR)',
  'IRO_CONFIG     path to the local authority JSON (default config/iro-config.default.json; see config/README.md)',
  'SQLITE_SYNCHRONOUS normal or full: full syncs each commit of the embedded events and access audit to disk, so a power cut loses nothing acknowledged (default normal)',
];

/** `NAME  text` help lines with the texts in one column. */
export function alignSettingsHelp(lines: readonly string[]): string[] {
  const split = lines.map((line) => /^(\S+)\s+(.*)$/.exec(line) ?? [line, line, '']);
  const width = Math.max(...split.map(([, name]) => name.length));
  return split.map(([, name, text]) => `${name.padEnd(width)} ${text}`);
}

// what @eventstore/db-client 6 accepts (kurrentdb:// and kdb:// need the Kurrent client)
const EVENTSTORE_SCHEMES = ['esdb:', 'esdb+discover:'];
const MONGODB_SCHEMES = ['mongodb:', 'mongodb+srv:'];

/** A variable set to the empty string counts as not set. */
const read = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/**
 * Reads and checks the environment, creating DATA_DIR when missing. Gives the settings,
 * or one message per bad setting, each naming the variable.
 */
export function loadInfrastructureSettings(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): SettingsResult {
  const errors: string[] = [];

  const portText = read(env, 'PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    errors.push(`PORT must be a whole number from 1 to 65535, got "${portText}"`);
  }

  const dataDir = resolve(cwd, read(env, 'DATA_DIR') ?? './data');
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    errors.push(`DATA_DIR ${dataDir} is not a writable folder: ${(error as Error).message}`);
  }

  const eventStoreUrl = read(env, 'EVENTSTORE_URL') ?? null;
  if (eventStoreUrl !== null && !hasScheme(eventStoreUrl, EVENTSTORE_SCHEMES)) {
    errors.push(`EVENTSTORE_URL must be an EventStoreDB connection string (esdb://host:2113?tls=false), got "${eventStoreUrl}"`);
  }

  const mongodbUrl = read(env, 'MONGODB_URL') ?? null;
  if (mongodbUrl !== null && !hasScheme(mongodbUrl, MONGODB_SCHEMES)) {
    errors.push(`MONGODB_URL must be a MongoDB connection string (mongodb://host:27017/iro), got "${mongodbUrl}"`);
  }

  const synchronousText = read(env, 'SQLITE_SYNCHRONOUS') ?? 'normal';
  const sqliteSynchronous = synchronousText.toUpperCase();
  if (!isSqliteSynchronous(sqliteSynchronous)) {
    errors.push(`SQLITE_SYNCHRONOUS must be normal or full, got "${synchronousText}"`);
  }

  const configured = read(env, 'IRO_CONFIG');
  const iroConfigPath = configured ? resolve(cwd, configured) : defaultIroConfigPath();
  const config = readLocalAuthorityConfig(iroConfigPath, errors);

  if (errors.length > 0 || config === null || !isSqliteSynchronous(sqliteSynchronous)) return { errors };
  return { settings: { port, dataDir, eventStoreUrl, mongodbUrl, sqliteSynchronous, iroConfigPath, config } };
}

const isSqliteSynchronous = (value: string): value is SqliteSynchronous => value === 'NORMAL' || value === 'FULL';

/** Where the settings put the event store, as createEventStore reads it. */
export const eventStoreLocationOf = (settings: InfrastructureSettings): EventStoreLocation => ({
  DATA_DIR: settings.dataDir,
  EVENTSTORE_URL: settings.eventStoreUrl ?? undefined,
  SQLITE_SYNCHRONOUS: settings.sqliteSynchronous,
});

/** Reads and checks the local authority JSON, adding `IRO_CONFIG (<path>): ...` messages. */
export function readLocalAuthorityConfig(path: string, errors: string[]): LocalAuthorityConfig | null {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    errors.push(`IRO_CONFIG ${path} cannot be read: ${reason}`);
    return null;
  }
  const result = validateLocalAuthorityConfig(json);
  if ('errors' in result) {
    errors.push(...result.errors.map((message) => `IRO_CONFIG (${path}): ${message}`));
    return null;
  }
  return result.config;
}

function hasScheme(url: string, schemes: string[]): boolean {
  try {
    return schemes.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
