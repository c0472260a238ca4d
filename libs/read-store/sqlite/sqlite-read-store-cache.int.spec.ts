import { join } from 'node:path';
import fc from 'fast-check';
import { Query } from 'mingo';
import { useTempFolder } from '../../testing/temp-folder';
import { CheckpointMovedError, Sort } from '../read-store.port';
import { SqliteReadStore } from './sqlite-read-store';

const dir = useTempFolder('read-store-cache-');

describe('SqliteReadStore documents kept in memory for queries', () => {
  let store: SqliteReadStore;
  let other: SqliteReadStore;

  beforeEach(() => {
    store = new SqliteReadStore({ file: join(dir(), 'read-models.sqlite') });
    other = new SqliteReadStore({ file: join(dir(), 'read-models.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    await other.close();
  });

  it('shows each commit of this connection to the next query, in id order, deletes included', async () => {
    await store.commit('p', 1, (batch) => ['c-3', 'c-1'].forEach((id) => batch.upsert('children', { _id: id, n: 1 })));
    expect(await store.find('children')).toEqual([{ _id: 'c-1', n: 1 }, { _id: 'c-3', n: 1 }]);
    await store.commit('p', 2, (batch) => {
      batch.upsert('children', { _id: 'c-2', n: 2 });
      batch.upsert('children', { _id: 'c-3', n: 3 });
      batch.delete('children', 'c-1');
    });
    expect(await store.find('children')).toEqual([{ _id: 'c-2', n: 2 }, { _id: 'c-3', n: 3 }]);
    expect(await store.count('children', { n: { $gte: 2 } })).toBe(2);
  });

  it('keeps what a writer changes after the commit out of the queries', async () => {
    const document = { _id: 'c-1', flags: ['a'] };
    await store.upsert('children', document);
    await store.find('children');
    document.flags.push('b');
    expect(await store.find('children')).toEqual([{ _id: 'c-1', flags: ['a'] }]);
  });

  it('leaves the documents as they were when a commit is refused', async () => {
    await store.commit('p', 1, (batch) => batch.upsert('children', { _id: 'c-1', n: 1 }));
    await store.find('children');
    await expect(
      store.commit('p', 2, (batch) => batch.upsert('children', { _id: 'c-1', n: 2 }), { position: 0, epoch: 0 }),
    ).rejects.toBeInstanceOf(CheckpointMovedError);
    await expect(
      store.commit('p', 2, (batch) => {
        batch.upsert('children', { _id: 'c-2', n: 2 });
        throw new Error('the projection failed');
      }),
    ).rejects.toThrow('the projection failed');
    expect(await store.find('children')).toEqual([{ _id: 'c-1', n: 1 }]);
  });

  it('hands out copies from find and its own frozen documents from findShared, the same object until written', async () => {
    await store.upsert('children', { _id: 'c-1', n: 1, nested: { list: [1] } });
    await store.upsert('children', { _id: 'c-2', n: 1 });
    const [copy] = await store.find<{ _id: string; n: number }>('children', { _id: 'c-1' });
    copy.n = 99;
    const [shared] = await store.findShared<{ _id: string; nested: { list: number[] } }>('children', { _id: 'c-1' });
    expect(shared).toEqual({ _id: 'c-1', n: 1, nested: { list: [1] } });
    expect(Object.isFrozen(shared.nested.list)).toBe(true);
    await store.upsert('children', { _id: 'c-2', n: 2 });
    expect((await store.findShared('children', { _id: 'c-1' }))[0]).toBe(shared);
    await store.upsert('children', { _id: 'c-1', n: 3 });
    const [written] = await store.findShared('children', { _id: 'c-1' });
    expect(written).not.toBe(shared);
    expect(written).toEqual({ _id: 'c-1', n: 3 });
  });

  it('loads a collection again after another connection commits to it, or drops it', async () => {
    await store.upsert('children', { _id: 'c-1', n: 1 });
    expect(await store.find('children')).toHaveLength(1);
    await other.commit('p', 1, (batch) => batch.upsert('children', { _id: 'c-2', n: 2 }));
    expect(await store.find('children', {}, { sort: { n: -1 } })).toEqual([{ _id: 'c-2', n: 2 }, { _id: 'c-1', n: 1 }]);
    await other.dropCollection('children');
    expect(await store.find('children')).toEqual([]);
  });

  it('forgets a collection this connection drops or swaps over', async () => {
    await store.upsert('children', { _id: 'old', n: 1 });
    await store.upsert('children__rebuild', { _id: 'new', n: 2 });
    expect(await store.find('children')).toHaveLength(1);
    expect(await store.find('children__rebuild')).toHaveLength(1);
    await store.swapInRebuild('p', 0, [{ from: 'children__rebuild', to: 'children' }]);
    expect(await store.find('children')).toEqual([{ _id: 'new', n: 2 }]);
    expect(await store.find('children__rebuild')).toEqual([]);
    await store.dropCollection('children');
    expect(await store.find('children')).toEqual([]);
  });

  it('answers a filter asked again from the documents as written since, whatever the filter holds', async () => {
    await store.upsert('challenges', { _id: 'ch-1', status: 'open', category: 'permanence' });
    await store.upsert('challenges', { _id: 'ch-2', status: 'open', category: 'drift-and-delay' });
    expect(await store.count('challenges', { status: 'open' })).toBe(2);
    await store.upsert('challenges', { _id: 'ch-1', status: 'resolved', category: 'permanence' });
    expect((await store.find('challenges', { status: 'open' })).map((c) => c._id)).toEqual(['ch-2']);
    expect((await store.find('challenges', { category: /^perm/ })).map((c) => c._id)).toEqual(['ch-1']);
    expect((await store.find('challenges', { category: /^drift/ })).map((c) => c._id)).toEqual(['ch-2']);
  });

  it('answers right after more filters than it numbers (each a cursor, say) have been asked', async () => {
    await store.upsert('challenges', { _id: 'ch-1', n: 1 });
    await store.upsert('challenges', { _id: 'ch-2', n: 2 });
    expect(await store.count('challenges', { n: 1 })).toBe(1);
    for (let n = 3; n < 5_000; n += 1) expect(await store.count('challenges', { n })).toBe(0);
    await store.upsert('challenges', { _id: 'ch-2', n: 1 });
    expect((await store.find('challenges', { n: 1 })).map((c) => c._id)).toEqual(['ch-1', 'ch-2']);
    expect(await store.count('challenges', { n: 4_999 })).toBe(0);
  });

  it('pages a sorted query as the whole sorted list would', async () => {
    for (let i = 0; i < 30; i += 1) await store.upsert('challenges', { _id: `ch-${i}`, raisedOn: `2020-01-${String((i % 7) + 1).padStart(2, '0')}` });
    const all = await store.find('challenges', {}, { sort: { raisedOn: -1, _id: -1 } });
    expect(await store.find('challenges', {}, { sort: { raisedOn: -1, _id: -1 }, skip: 5, limit: 10 })).toEqual(all.slice(5, 15));
    expect(await store.find('challenges', {}, { skip: 25 })).toHaveLength(5);
  });

  it('sorts as mingo does, strings or not, ties in id order', async () => {
    const documents = [
      { _id: 'a', on: '2020-01-02', stage: 'b' },
      { _id: 'b', on: '2020-01-01', stage: 'a' },
      { _id: 'c', on: '2020-01-02', stage: 'a' },
      { _id: 'd', on: '2020-01-01', stage: 'b' },
      { _id: 'e', on: '2020-01-02', stage: 'a' },
    ];
    for (const document of documents) await store.upsert('strings', document);
    for (const document of [...documents, { _id: 'f', on: null, stage: 'a' }, { _id: 'g', stage: 3 }]) await store.upsert('mixed', document);
    const sorts: Sort[] = [{ on: -1 }, { on: 1, stage: -1 }, { stage: 1 }, { stage: -1, _id: -1 }];
    for (const sort of sorts) {
      for (const collection of ['strings', 'mixed']) {
        const all = await store.find(collection);
        expect(await store.find(collection, {}, { sort })).toEqual(new Query({}).find(all).sort(sort).all());
      }
    }
  });

  it('answers every query as mingo over the documents as written, through any mix of writes, deletes and queries', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `ch-${String(i).padStart(2, '0')}`);
    const raisedOn = fc.oneof(fc.constantFrom('2020-01-06', '2020-01-07', '2020-01-08', '2020-02-01'), fc.constant(7), fc.constant(null));
    const challenge = fc.record({
      _id: fc.constantFrom(...ids),
      status: fc.constantFrom('open', 'resolved'),
      raisedOn: fc.oneof({ weight: 9, arbitrary: fc.constantFrom('2020-01-06', '2020-01-07', '2020-01-08', '2020-02-01') }, { weight: 1, arbitrary: raisedOn }),
      stage: fc.constantFrom('1', '2', '3', 'cafcass'),
    });
    const filters = [{}, { status: 'open' }, { status: 'open', stage: { $in: ['2', '3'] } }, { raisedOn: { $gte: '2020-01-07' } }];
    const sorts: (Sort | undefined)[] = [undefined, { raisedOn: -1 }, { raisedOn: 1, stage: -1 }, { stage: 1, _id: -1 }];
    const step = fc.oneof(
      { weight: 4, arbitrary: challenge.map((document) => ({ kind: 'upsert' as const, document })) },
      { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ({ kind: 'delete' as const, id })) },
      {
        weight: 3,
        arbitrary: fc.record({ filter: fc.constantFrom(...filters), sort: fc.constantFrom(...sorts), skip: fc.nat(45), limit: fc.nat(25) })
          .map((query) => ({ kind: 'query' as const, ...query })),
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 120 }), async (steps) => {
        const collection = `c${Math.random().toString(36).slice(2, 10)}`;
        const model = new Map<string, Record<string, unknown>>();
        for (const taken of steps) {
          if (taken.kind === 'upsert') {
            await store.upsert(collection, taken.document);
            model.set(taken.document._id, taken.document);
          } else if (taken.kind === 'delete') {
            await store.delete(collection, taken.id);
            model.delete(taken.id);
          } else {
            const inIdOrder = [...model.values()].sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
            let cursor = new Query(taken.filter).find(inIdOrder);
            if (taken.sort) cursor = cursor.sort(taken.sort);
            const everything = cursor.all();
            const expected = taken.limit > 0 ? everything.slice(taken.skip, taken.skip + taken.limit) : everything.slice(taken.skip);
            const options = { ...(taken.sort ? { sort: taken.sort } : {}), skip: taken.skip, ...(taken.limit > 0 ? { limit: taken.limit } : {}) };
            expect(await store.find(collection, taken.filter, options)).toEqual(expected);
            expect(await store.count(collection, taken.filter)).toBe(new Query(taken.filter).find(inIdOrder).all().length);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
