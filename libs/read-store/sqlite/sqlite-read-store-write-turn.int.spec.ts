import { join } from 'node:path';
import { useTempFolder } from '../../testing/temp-folder';
import { CheckpointMovedError } from '../read-store.port';
import { SqliteReadStore, WriteTurn } from './sqlite-read-store';

const dir = useTempFolder('read-store-turn-');

describe('SqliteReadStore commits with a write turn (a rebuild\u2019s threads taking turns)', () => {
  let store: SqliteReadStore;
  const calls: string[] = [];
  const turn: WriteTurn = { take: () => calls.push('take'), give: () => calls.push('give') };

  beforeEach(() => {
    store = new SqliteReadStore({ file: join(dir(), 'read-models.sqlite'), writeTurn: turn });
    calls.length = 0;
  });
  afterEach(() => store.close());

  it('takes the turn for the transaction, after the documents are turned into JSON, and gives it back', async () => {
    await store.commit('p', 3, (batch) => {
      calls.push('write');
      batch.upsert('things', { _id: 'a', n: 1 });
    });
    expect(calls).toEqual(['write', 'take', 'give']);
    expect(await store.get('things', 'a')).toEqual({ _id: 'a', n: 1 });
    expect(await store.checkpoint('p')).toBe(3);
  });

  it('gives the turn back when the commit fails, having written nothing', async () => {
    await expect(
      store.commit('p', 5, (batch) => batch.upsert('things', { _id: 'b' }), { position: 4, epoch: 0 }),
    ).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(calls).toEqual(['take', 'give']);
    expect(await store.get('things', 'b')).toBeNull();
  });
});
