import { StreamAppend } from '../event-store/sqlite/sqlite-event-store';
import { GeneratedEvent } from './history-generator';

/** What appendHistory needs of a store: the SQLite event store's bulk append. */
export interface BulkAppender {
  appendMany(batches: StreamAppend[]): unknown;
}

/**
 * Appends a generated history in transactions of about `eventsPerTransaction` events,
 * keeping its order (consecutive events of one stream go in one stream append).
 * Returns how many events were appended.
 */
export function appendHistory(store: BulkAppender, history: Iterable<GeneratedEvent>, eventsPerTransaction = 5_000): number {
  let batches: StreamAppend[] = [];
  let inTransaction = 0;
  let appended = 0;
  for (const { stream, event } of history) {
    const last = batches[batches.length - 1];
    if (last && last.stream === stream) last.events.push(event);
    else batches.push({ stream, events: [event], expectedRevision: 'any' });
    inTransaction += 1;
    appended += 1;
    if (inTransaction >= eventsPerTransaction) {
      store.appendMany(batches);
      batches = [];
      inTransaction = 0;
    }
  }
  if (batches.length > 0) store.appendMany(batches);
  return appended;
}
