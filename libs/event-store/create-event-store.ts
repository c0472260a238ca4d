import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Clock, systemClock } from '../../src/clock/clock';
import { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteSynchronous } from './sqlite/sqlite-connection';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export const SQLITE_EVENTS_FILE = 'events.sqlite';

/** Where the events are: EventStoreDB when EVENTSTORE_URL is set, else DATA_DIR's SQLite file, committed at SQLITE_SYNCHRONOUS (default NORMAL). */
export interface EventStoreLocation {
  DATA_DIR: string;
  EVENTSTORE_URL?: string;
  SQLITE_SYNCHRONOUS?: SqliteSynchronous;
}

/**
 * EventStoreDB when `EVENTSTORE_URL` is set (production), otherwise the embedded SQLite
 * store at `${DATA_DIR}/events.sqlite`, creating the folder.
 */
export function createEventStore(env: EventStoreLocation, clock: Clock = systemClock): EventStore {
  const url = env.EVENTSTORE_URL?.trim();
  if (url) return new EventStoreDbEventStore({ connectionString: url, clock });
  mkdirSync(env.DATA_DIR, { recursive: true });
  return new SqliteEventStore({ file: join(env.DATA_DIR, SQLITE_EVENTS_FILE), clock, synchronous: env.SQLITE_SYNCHRONOUS });
}

/**
 * The event store for a command that only reads it (a report, an export, a rebuild, a dry
 * run): as createEventStore, but an embedded store that does not exist yet is an error, not
 * an empty store made on the spot (a mistyped DATA_DIR would read as a council with no history).
 */
export function openExistingEventStore(env: EventStoreLocation, clock: Clock = systemClock): EventStore {
  const file = join(env.DATA_DIR, SQLITE_EVENTS_FILE);
  if (!env.EVENTSTORE_URL?.trim() && !existsSync(file)) {
    throw new Error(`no event store at ${file}: is DATA_DIR (${env.DATA_DIR}) right? Nothing was read or written.`);
  }
  return createEventStore(env, clock);
}
