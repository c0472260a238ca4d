import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import { makeTempFolder, removeTempFolder } from '../../../libs/testing/temp-folder';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('SQLite', async () => {
  const folder = makeTempFolder('iro-event-store-');
  const file = join(folder, 'events.sqlite');
  return {
    open: async (clock) => new SqliteEventStore({ file, clock }),
    dispose: async () => removeTempFolder(folder),
  };
});
