import { join } from 'node:path';
import { SqliteReadStore } from '../../../libs/read-store/sqlite/sqlite-read-store';
import { makeTempFolder, removeTempFolder } from '../../../libs/testing/temp-folder';
import { describeReadStoreContract } from './read-store.contract';

describeReadStoreContract('embedded SQLite', async () => {
  const dir = makeTempFolder('read-store-');
  const store = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      removeTempFolder(dir);
    },
  };
});

describe('embedded SQLite read store shared by two connections (API and projector)', () => {
  let dir: string;
  let writer: SqliteReadStore;
  let reader: SqliteReadStore;

  beforeEach(() => {
    dir = makeTempFolder('read-store-');
    writer = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
    reader = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
  });
  afterEach(async () => {
    await writer.close();
    await reader.close();
    removeTempFolder(dir);
  });

  it('shows a query the other connection’s commits, not a stale cached copy', async () => {
    await writer.commit('drift-and-delay', 1, (batch) => batch.upsert('children', { _id: 'c-1', flags: [] }));
    expect(await reader.count('children', { flags: { $size: 0 } })).toBe(1);
    await writer.commit('drift-and-delay', 2, (batch) => batch.upsert('children', { _id: 'c-1', flags: ['review-overdue'] }));
    expect(await reader.count('children', { flags: 'review-overdue' })).toBe(1);
    expect(await reader.checkpoint('drift-and-delay')).toBe(2);
  });

  it('shows the other connection’s swap, and keeps working on the swapped collection', async () => {
    await reader.upsert('children', { _id: 'old', v: 1 });
    expect(await reader.count('children')).toBe(1);
    await writer.upsert('children__rebuild', { _id: 'new', v: 2 });
    await writer.swapInRebuild('drift-and-delay', 10, [{ from: 'children__rebuild', to: 'children' }]);
    expect(await reader.find('children')).toEqual([{ _id: 'new', v: 2 }]);
    await reader.upsert('children', { _id: 'later', v: 3 });
    expect(await writer.count('children')).toBe(2);
    await writer.upsert('children__rebuild', { _id: 'again', v: 4 });
    expect(await writer.count('children__rebuild')).toBe(1);
  });
});
