import { join } from 'path';
import { Clock, systemClock } from '../../../src/clock/clock';
import { LocalAuthorityConfig } from '../../../src/config/local-authority-config';
import { createEventStore } from '../../event-store/create-event-store';
import { EventStore } from '../../event-store/event-store.port';
import { ProjectionHealthSource, noProjections } from '../health/projection-health';
import { IdempotencyStore } from '../idempotency/idempotency-store.port';
import { MongoIdempotencyStore } from '../idempotency/mongo-idempotency-store';
import { SqliteIdempotencyStore } from '../idempotency/sqlite-idempotency-store';
import { SQLITE_ACCESS_AUDIT_FILE } from '../../access-audit/access-audit-file';
import { SQLITE_EVENTS_FILE } from '../../event-store/create-event-store';
import { READ_MODELS_FILE } from '../../read-store/sqlite/sqlite-read-store';
import { SqliteSynchronous } from '../../event-store/sqlite/sqlite-connection';
import { WalCheckpointer } from '../../sqlite-wal/wal-checkpointer';

export const SQLITE_IDEMPOTENCY_FILE = 'idempotency.sqlite';

/** What the API (and any other Nest app of this project) runs on. */
export interface InfrastructureOptions {
  /** DATA_DIR: the embedded stores' folder (must exist) */
  dataDir: string;
  config: LocalAuthorityConfig;
  /** default: the system clock */
  clock?: Clock;
  /** EVENTSTORE_URL: EventStoreDB instead of SQLite */
  eventStoreUrl?: string | null;
  /** MONGODB_URL: idempotency records (and read models) in MongoDB instead of SQLite */
  mongodbUrl?: string | null;
  /** SQLITE_SYNCHRONOUS: the embedded events' and access audit's commit sync level (default NORMAL) */
  sqliteSynchronous?: SqliteSynchronous;
  /** use this store instead of opening one; the caller keeps ownership (it is not closed) */
  eventStore?: EventStore;
  /** the same for idempotency records */
  idempotencyStore?: IdempotencyStore;
  /** what GET /health reports about projections (default: none in this process) */
  projectionHealth?: ProjectionHealthSource;
  /**
   * checkpoint the embedded stores' SQLite files from a worker thread (see WalCheckpointer),
   * so that no request waits for a checkpoint's disk syncs; `iro serve` turns it on
   */
  backgroundWalCheckpoints?: boolean;
}

export interface InfrastructureRuntime {
  dataDir: string;
  config: LocalAuthorityConfig;
  clock: Clock;
  eventStore: EventStore;
  /** 'sqlite' | 'eventstoredb' | 'provided', for /health */
  eventStoreKind: string;
  idempotencyStore: IdempotencyStore;
  mongodbUrl: string | null;
  /** the embedded record's commit sync level (events and access audit) */
  sqliteSynchronous: SqliteSynchronous;
  projectionHealth: ProjectionHealthSource;
  /** closes what this runtime opened (not what the caller passed in) */
  close(): Promise<void>;
}

export const INFRASTRUCTURE_RUNTIME = Symbol('InfrastructureRuntime');

/** The SQLite files of DATA_DIR the API opens with these options (those of stores passed in excepted). */
export function storeFilesOpened(options: InfrastructureOptions): string[] {
  const embeddedEvents = !options.eventStore && !options.eventStoreUrl;
  return [
    ...(embeddedEvents ? [SQLITE_EVENTS_FILE] : []),
    // the access audit is SQLite unless the events are in EventStoreDB (access-audit-store.ts)
    ...(options.eventStoreUrl ? [] : [SQLITE_ACCESS_AUDIT_FILE]),
    ...(options.idempotencyStore || options.mongodbUrl ? [] : [SQLITE_IDEMPOTENCY_FILE]),
    ...(options.mongodbUrl ? [] : [READ_MODELS_FILE]),
  ];
}

/** Opens the stores the options name, the embedded SQLite files in dataDir by default. */
export async function openInfrastructure(options: InfrastructureOptions): Promise<InfrastructureRuntime> {
  const clock = options.clock ?? systemClock;
  const owned: { close(): Promise<void> }[] = [];
  const sqliteSynchronous = options.sqliteSynchronous ?? 'NORMAL';

  const eventStore =
    options.eventStore ??
    createEventStore({ DATA_DIR: options.dataDir, EVENTSTORE_URL: options.eventStoreUrl ?? undefined, SQLITE_SYNCHRONOUS: sqliteSynchronous }, clock);
  if (!options.eventStore) owned.push(eventStore);
  const eventStoreKind = options.eventStore ? 'provided' : options.eventStoreUrl ? 'eventstoredb' : 'sqlite';

  let idempotencyStore = options.idempotencyStore;
  try {
    if (!idempotencyStore) {
      idempotencyStore = options.mongodbUrl
        ? await MongoIdempotencyStore.connect(options.mongodbUrl)
        : new SqliteIdempotencyStore({ file: join(options.dataDir, SQLITE_IDEMPOTENCY_FILE) });
      owned.push(idempotencyStore);
    }
  } catch (error) {
    await closeAll(owned);
    throw error;
  }

  if (options.backgroundWalCheckpoints && eventStoreKind === 'sqlite') {
    const files = [SQLITE_EVENTS_FILE, SQLITE_ACCESS_AUDIT_FILE, ...(options.mongodbUrl ? [] : [SQLITE_IDEMPOTENCY_FILE, READ_MODELS_FILE])];
    try {
      const checkpointer = await WalCheckpointer.start(files.map((file) => join(options.dataDir, file)), {
        onFailure: (error) => process.emitWarning(`background WAL checkpoints stopped: ${String(error)}`),
      });
      owned.unshift({ close: () => checkpointer.stop() });
    } catch (error) {
      process.emitWarning(`background WAL checkpoints not started (the stores checkpoint as they commit): ${String(error)}`);
    }
  }

  let closed = false;
  return {
    dataDir: options.dataDir,
    config: options.config,
    clock,
    eventStore,
    eventStoreKind,
    idempotencyStore,
    mongodbUrl: options.mongodbUrl ?? null,
    sqliteSynchronous,
    projectionHealth: options.projectionHealth ?? noProjections,
    async close() {
      if (closed) return;
      closed = true;
      await closeAll(owned);
    },
  };
}

async function closeAll(stores: { close(): Promise<void> }[]): Promise<void> {
  for (const store of [...stores].reverse()) await store.close();
}
