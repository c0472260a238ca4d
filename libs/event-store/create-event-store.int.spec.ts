import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock/clock';
import { useTempFolder } from '../testing/temp-folder';
import { createEventStore } from './create-event-store';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

const folder = useTempFolder('iro-create-store-');

describe('createEventStore', () => {
  it('opens SQLite at DATA_DIR/events.sqlite, creating the folder, when EVENTSTORE_URL is not set', async () => {
    const dataDir = join(folder(), 'nested', 'data');
    const store = createEventStore({ DATA_DIR: dataDir, EVENTSTORE_URL: '' }, fixedClock('2020-03-31T23:00:00Z'));
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
      await store.appendToStream('child-a', [
        { id: 'e-1', type: 'IroAllocated', schemaVersion: 1, data: {}, metadata: { correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'admin' } } },
      ], 'no-stream');
      expect((await store.readStream('child-a'))[0].recordedAt).toBe('2020-03-31T23:00:00.000Z');
    } finally {
      await store.close();
    }
  });

  it('commits at the SQLITE_SYNCHRONOUS level asked for, NORMAL when none is', async () => {
    const normal = createEventStore({ DATA_DIR: join(folder(), 'normal') }) as SqliteEventStore;
    const full = createEventStore({ DATA_DIR: join(folder(), 'full'), SQLITE_SYNCHRONOUS: 'FULL' }) as SqliteEventStore;
    try {
      expect(normal.synchronous).toBe('NORMAL');
      expect(full.synchronous).toBe('FULL');
    } finally {
      await normal.close();
      await full.close();
    }
  });

  it('uses EventStoreDB when EVENTSTORE_URL is set (no connection is made until it is used)', async () => {
    const store = createEventStore({ DATA_DIR: join(folder(), 'unused'), EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' });
    try {
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
      expect(existsSync(join(folder(), 'unused'))).toBe(false);
    } finally {
      await store.close();
    }
  });
});
