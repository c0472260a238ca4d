import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventStoreDBClient } from '@eventstore/db-client';
import { MongoClient } from 'mongodb';
import { SQLITE_ACCESS_AUDIT_FILE } from '../../access-audit/access-audit-file';
import { SQLITE_EVENTS_FILE } from '../../event-store/create-event-store';
import { READ_MODELS_FILE } from '../../read-store/sqlite/sqlite-read-store';
import { clearUnsyncedMarkers, unsyncedWritesAtRisk } from '../../read-store/sqlite/unsynced-writes';

/** A store the start cannot use: `message` is one line naming it and what to do. */
export class StoreUnusableError extends Error {
  constructor(message: string) {
    super(`cannot start: ${message}`);
    this.name = 'StoreUnusableError';
  }
}

export interface StoreCheck {
  dataDir: string;
  /** set: events (and access audit) in EventStoreDB, so their SQLite files are not used */
  eventStoreUrl?: string | null;
  /** set: read models and idempotency records in MongoDB */
  mongodbUrl?: string | null;
  /** the SQLite files of stores the caller opens itself (default: all those the URLs leave in DATA_DIR) */
  files?: string[];
  /** how long a server at EVENTSTORE_URL / MONGODB_URL has to answer (default 10 s) */
  timeoutMs?: number;
  /** where a read-models file moved aside is said */
  warn: (message: string) => void;
  now?: () => Date;
}

/** The idempotency records' file (libs/nest/infrastructure/infrastructure-runtime.ts opens it). */
const IDEMPOTENCY_FILE = 'idempotency.sqlite';
export const DEFAULT_STORE_TIMEOUT_MS = 10_000;

/** What each SQLite file of DATA_DIR holds and what to do when it is not a database. */
const WHAT_TO_DO: Record<string, string> = {
  [SQLITE_EVENTS_FILE]: 'it holds the events, the record itself: restore it from a backup (README, Backups); it was left as it is',
  [SQLITE_ACCESS_AUDIT_FILE]: 'it holds the access audit (who read what): restore it from a backup (README, Backups); it was left as it is',
  [IDEMPOTENCY_FILE]:
    'it holds the idempotency records: restore it from a backup, or move it aside to start them anew ' +
    '(a retried command still finds its events by its key); it was left as it is',
};

/**
 * Checks, before anything opens them, the stores a start will use: each SQLite file of DATA_DIR
 * there is must be a database (the read models, derived from the events, are moved aside to
 * `read-models.sqlite.unreadable-<time>` and so rebuilt; any other is refused), the read
 * models must not hold a rebuild's unsynced writes from before the machine last started
 * (see unsynced-writes.ts; moved aside so too), and a server at
 * EVENTSTORE_URL or MONGODB_URL must answer within the timeout. Throws StoreUnusableError.
 */
export async function checkStores(check: StoreCheck): Promise<void> {
  const files = check.files ?? [
    ...(check.eventStoreUrl ? [] : [SQLITE_EVENTS_FILE, SQLITE_ACCESS_AUDIT_FILE]),
    ...(check.mongodbUrl ? [] : [IDEMPOTENCY_FILE, READ_MODELS_FILE]),
  ];
  for (const name of files) {
    const file = join(check.dataDir, name);
    const problem = sqliteProblem(file) ?? (name === READ_MODELS_FILE && existsSync(file) ? unsyncedWritesAtRisk(file) : null);
    if (problem === null) continue;
    if (name !== READ_MODELS_FILE) throw new StoreUnusableError(`${file} ${problem}; ${WHAT_TO_DO[name] ?? 'it was left as it is'}`);
    const aside = moveAside(file, check.now?.() ?? new Date());
    clearUnsyncedMarkers(file);
    check.warn(`${file} ${problem}: moved aside to ${aside}; the read models are rebuilt from the events`);
  }
  const timeoutMs = check.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  if (check.eventStoreUrl) await reachable('EVENTSTORE_URL', 'EventStoreDB', check.eventStoreUrl, timeoutMs, pingEventStoreDb);
  if (check.mongodbUrl) await reachable('MONGODB_URL', 'MongoDB', check.mongodbUrl, timeoutMs, pingMongoDb);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Why `file` is no SQLite database, or null when it is one or is not there (the store makes it). */
export function sqliteProblem(file: string): string | null {
  if (!existsSync(file)) return null;
  const stat = statSync(file);
  if (!stat.isFile()) return 'is not a file';
  // SQLite takes an empty file as an empty database
  if (stat.size === 0) return null;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) return 'is not an SQLite database (it does not start with the SQLite header)';
  try {
    // read-only: no checkpoint on close, the file and its write-ahead log are left as they are
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      db.close();
    }
  } catch (error) {
    // only a file that is not a database says so; anything else (a lock held too long) is for the store's own open
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
      return `is not an SQLite database SQLite can read (${(error as Error).message})`;
    }
  }
  return null;
}

/** Renames the file (and its -wal and -shm, which belong to it) to `<file>.unreadable-<UTC time>`; gives the new name. */
function moveAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const aside = `${file}.unreadable-${stamp}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

/** host[:port] of a connection string, without user or password */
export function hostOf(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(url)?.[1] ?? '(no host)';
}

async function reachable(
  variable: string,
  what: string,
  url: string,
  timeoutMs: number,
  ping: (url: string, timeoutMs: number) => Promise<void>,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // a little after the client's own timeout, whose error says more
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs + 2000);
  });
  try {
    await Promise.race([ping(url, timeoutMs), timeout]);
  } catch (error) {
    const userinfo = /^[^:]+:\/\/([^@/?#]*)@/.exec(url)?.[1];
    let reason = firstLine((error as Error).message ?? String(error)).split(url).join(hostOf(url));
    if (userinfo) reason = reason.split(userinfo).join('***');
    throw new StoreUnusableError(
      `${variable} (${hostOf(url)}): cannot reach ${what} (${reason}); ` +
        'check the address and that the server is up and reachable from here',
    );
  } finally {
    clearTimeout(timer);
  }
}

const firstLine = (text: string): string => {
  const line = text.split('\n')[0].replace(/\s*Resolution note:.*$/, '').trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
};

async function pingEventStoreDb(url: string, timeoutMs: number): Promise<void> {
  const client = EventStoreDBClient.connectionString(url);
  try {
    for await (const _ of client.readAll({ maxCount: 1, deadline: timeoutMs })) break;
  } finally {
    void client.dispose().catch(() => undefined);
  }
}

async function pingMongoDb(url: string, timeoutMs: number): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    await client.connect();
    await client.db().command({ ping: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}
