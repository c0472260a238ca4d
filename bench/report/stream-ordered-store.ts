import Database from 'better-sqlite3';
import { RecordedEvent } from '../../src/events/envelope';
import { EventStore } from '../../libs/event-store/event-store.port';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '../../libs/event-store/sqlite/events-table';
import { StreamOrderedEventSource } from '../../libs/reporting/report-facts-source';

/**
 * BENCH ONLY: the SQLite store's events stream by stream (the (stream, revision) index
 * in order), as libs/reporting's StreamOrderedEventSource asks, for measuring the report's
 * stream-by-stream path while SqliteEventStore does not offer `readAllByStream` itself.
 * Wraps a store: everything else goes to it.
 */
export function streamOrdered(store: EventStore, file: string): EventStore & StreamOrderedEventSource {
  const db = new Database(file, { readonly: true });
  db.pragma('cache_size = -65536');
  const select = db.prepare<[], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY stream, revision`).raw();
  return Object.assign(Object.create(store) as EventStore, {
    async *readAllByStream(): AsyncGenerator<RecordedEvent> {
      for (const row of select.iterate()) yield toRecordedEvent(row);
    },
    async close(): Promise<void> {
      db.close();
      await store.close();
    },
  });
}
