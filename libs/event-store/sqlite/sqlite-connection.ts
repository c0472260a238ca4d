import Database from 'better-sqlite3';

/**
 * How hard a commit is pushed to disk.
 *
 * In WAL mode `NORMAL` fsyncs only at checkpoints, not at each commit. A committed
 * append survives a crash of this process (the WAL frames are already handed to the
 * operating system), so a killed or crashed server loses nothing it has acknowledged.
 * What it gives up is durability across power loss or an operating-system crash: the
 * transactions since the last checkpoint may roll back (the file is never corrupted,
 * it just ends earlier). `FULL` fsyncs the WAL on every commit and closes that gap at
 * the price of one fsync per append, which on the slow shared disk this runs on costs
 * far more than the write itself.
 *
 * The embedded store defaults to `NORMAL`: it is the single-machine default, where a
 * process crash is the common failure; an authority that needs power-loss durability
 * sets `FULL` (or runs EventStoreDB, the production backend).
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

/** what `PRAGMA synchronous` reads back for FULL */
export const SQLITE_SYNCHRONOUS_FULL = 2;

export interface SqliteTuning {
  synchronous?: SqliteSynchronous;
  /** page cache per connection, in KiB (default 4 MiB, see below) */
  cacheSizeKiB?: number;
  /** how long a writer waits for another process's write lock, in ms (default 5000) */
  busyTimeoutMs?: number;
}

/**
 * Measured with bench:store's workload (1M events, random UUID ids) on the project's
 * machine: CPU per appended event was lowest with a small page cache (about 24 µs with
 * 2-4 MiB, 28 µs with 64 MiB, 45 µs with 256 MiB); pages the cache does not hold come
 * from the operating system's file cache cheaply. A bigger WAL before checkpointing
 * (16 MiB instead of SQLite's 4 MiB) and mmap made no measurable difference, so SQLite's
 * defaults stay for those.
 */
const DEFAULT_CACHE_KIB = 4 * 1024;

/**
 * Opens an SQLite file for event storage: WAL (readers never block the writer, and a
 * second process may read and write the same file), the chosen sync level, the page
 * cache size that measured best, temp tables in memory.
 */
export function openSqliteDatabase(file: string, tuning: SqliteTuning = {}): Database.Database {
  const db = new Database(file, { timeout: tuning.busyTimeoutMs ?? 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${tuning.synchronous ?? 'NORMAL'}`);
  db.pragma(`cache_size = -${Math.max(1024, Math.floor(tuning.cacheSizeKiB ?? DEFAULT_CACHE_KIB))}`);
  db.pragma('temp_store = MEMORY');
  return db;
}
