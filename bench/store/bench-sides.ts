import { RecordedEvent } from '../../src/events/envelope';
import { SqliteEventStore } from '../../libs/event-store/sqlite/sqlite-event-store';
import { EVENTS_TABLE_DDL } from '../../libs/event-store/sqlite/events-table';
import { openSqliteDatabase } from '../../libs/event-store/sqlite/sqlite-connection';
import { Batch } from './store-workload';

/** one side of the comparison, on its own file */
export interface BenchSide {
  append(batches: Batch[]): Promise<void>;
  /** reads up to `max` more events in global order, JSON parsed; returns how many (0 at the end) */
  readMore(max: number): Promise<number>;
  close(): Promise<void>;
}

/** the product: SqliteEventStore through the EventStore port */
export function eventStoreSide(file: string): BenchSide {
  const store = new SqliteEventStore({ file });
  let reading: AsyncIterator<RecordedEvent> | undefined;
  return {
    async append(batches) {
      for (const batch of batches) {
        await store.appendToStream(batch.stream, batch.events, batch.lastRevision < 0 ? 'no-stream' : batch.lastRevision);
      }
    },
    async readMore(max) {
      reading ??= store.readAll()[Symbol.asyncIterator]();
      let count = 0;
      while (count < max) {
        const next = await reading.next();
        if (next.done) break;
        if (next.value.data !== undefined) count += 1;
      }
      return count;
    },
    async close() {
      await reading?.return?.();
      await store.close();
    },
  };
}

/**
 * The baseline: the same table (same DDL, same unique keys) on a connection with the same
 * settings, filled with plain prepared INSERTs, one transaction per batch, with no revision
 * check and no idempotency check; read back with one plain ordered SELECT and JSON.parse.
 */
export function rawSqliteSide(file: string): BenchSide {
  const db = openSqliteDatabase(file);
  db.exec(EVENTS_TABLE_DDL);
  const insert = db.prepare(
    `INSERT INTO events (id, stream, revision, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBatch = db.transaction((batch: Batch, recordedAt: string) => {
    let revision = batch.lastRevision;
    for (const event of batch.events) {
      revision += 1;
      insert.run(
        event.id, batch.stream, revision, event.type, event.schemaVersion,
        JSON.stringify(event.data), JSON.stringify(event.metadata), recordedAt,
      );
    }
  });
  // rows as arrays: the quicker of better-sqlite3's two row shapes, so the baseline is not slowed by objects
  const selectAll = db
    .prepare<[], RawRow>(
      'SELECT position, id, stream, revision, type, schema_version, data, metadata, recorded_at FROM events ORDER BY position',
    )
    .raw();
  let reading: IterableIterator<RawRow> | undefined;
  return {
    async append(batches) {
      for (const batch of batches) insertBatch(batch, new Date().toISOString());
    },
    async readMore(max) {
      reading ??= selectAll.iterate();
      let count = 0;
      while (count < max) {
        const next = reading.next();
        if (next.done) break;
        const row = next.value;
        const data: unknown = JSON.parse(row[6]);
        const metadata: unknown = JSON.parse(row[7]);
        if (data !== undefined && metadata !== undefined) count += 1;
      }
      return count;
    },
    async close() {
      reading?.return?.();
      db.close();
    },
  };
}

type RawRow = [number, string, string, number, string, number, string, string, string];
