import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('SQLite', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'iro-event-store-'));
  const file = join(folder, 'events.sqlite');
  return {
    open: async (clock) => new SqliteEventStore({ file, clock }),
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
});
