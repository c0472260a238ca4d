import {
  CheckpointAheadError,
  CheckpointMovedError,
  Document,
  ReadStore,
  RebuildClaim,
  RebuildInProgressError,
} from '../../../libs/read-store/read-store.port';

/** Opens a fresh, empty read store for one test; `dispose` closes and removes it. */
export type ReadStoreFactory = () => Promise<{ store: ReadStore; dispose(): Promise<void> }>;

const challenges: Document[] = [
  {
    _id: 'ch-1', status: 'open', stage: 1, raisedOn: '2019-04-03', category: 'care-planning',
    childIds: ['c-1'], raisedBy: { iroId: 'iro-1', team: 'north' },
    stages: [{ stage: 1, enteredOn: '2019-04-03', deadlineMet: true }],
  },
  {
    _id: 'ch-2', status: 'resolved', stage: 2, raisedOn: '2019-06-10', category: 'permanence',
    childIds: ['c-2', 'c-3'], raisedBy: { iroId: 'iro-2', team: 'south' },
    stages: [
      { stage: 1, enteredOn: '2019-06-10', deadlineMet: false },
      { stage: 2, enteredOn: '2019-06-20', deadlineMet: true },
    ],
  },
  {
    _id: 'ch-3', status: 'open', stage: 'cafcass', raisedOn: '2019-09-01', category: 'care-planning',
    childIds: ['c-4'], raisedBy: { iroId: 'iro-1', team: 'north' },
    stages: [
      { stage: 1, enteredOn: '2019-09-01', deadlineMet: false },
      { stage: 'cafcass', enteredOn: '2019-09-05', deadlineMet: null },
    ],
  },
  {
    _id: 'ch-4', status: 'open', stage: 3, raisedOn: '2020-01-15', category: 'health',
    childIds: ['c-2'], raisedBy: { iroId: 'iro-3', team: 'south' },
    stages: [
      { stage: 1, enteredOn: '2020-01-15', deadlineMet: true },
      { stage: 2, enteredOn: '2020-01-22', deadlineMet: true },
      { stage: 3, enteredOn: '2020-01-29', deadlineMet: false },
    ],
  },
];

const ids = (documents: Document[]): string[] => documents.map((d) => d._id);

export function describeReadStoreContract(adapter: string, open: ReadStoreFactory): void {
  describe(`ReadStore contract: ${adapter}`, () => {
    let store: ReadStore;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await open());
    });
    afterEach(async () => {
      await dispose();
    });

    const given = async (documents: Document[] = challenges): Promise<void> => {
      for (const document of documents) await store.upsert('challenges', document);
    };

    describe('documents by id', () => {
      it('gives null for a document never written', async () => {
        expect(await store.get('challenges', 'ch-404')).toBeNull();
      });

      it('gives back what was upserted, nested values included', async () => {
        await given();
        expect(await store.get('challenges', 'ch-2')).toEqual(challenges[1]);
      });

      it('replaces a document on upsert rather than merging it', async () => {
        await given();
        await store.upsert('challenges', { _id: 'ch-1', status: 'resolved' });
        expect(await store.get('challenges', 'ch-1')).toEqual({ _id: 'ch-1', status: 'resolved' });
      });

      it('deletes a document, and deleting one never written is not an error', async () => {
        await given();
        await store.delete('challenges', 'ch-1');
        await store.delete('challenges', 'ch-404');
        expect(await store.get('challenges', 'ch-1')).toBeNull();
        expect(await store.count('challenges')).toBe(3);
      });

      it('keeps collections apart', async () => {
        await given();
        await store.upsert('children', { _id: 'ch-1', name: 'not a challenge' });
        expect(await store.get('challenges', 'ch-1')).toEqual(challenges[0]);
        expect(await store.count('children')).toBe(1);
      });

      it('refuses a collection name that is not plain', async () => {
        await expect(store.upsert('bad name; drop', { _id: 'x' })).rejects.toThrow(/invalid collection name/);
      });
    });

    describe('find and count with MongoDB filters', () => {
      beforeEach(() => given());

      it('finds everything with an empty filter, and nothing in an empty collection', async () => {
        expect((await store.find('challenges')).length).toBe(4);
        expect(await store.find('nothing-here')).toEqual([]);
        expect(await store.count('nothing-here')).toBe(0);
      });

      it('matches equality and $in', async () => {
        expect(ids(await store.find('challenges', { status: 'open' }, { sort: { _id: 1 } }))).toEqual(['ch-1', 'ch-3', 'ch-4']);
        expect(ids(await store.find('challenges', { stage: { $in: [2, 'cafcass'] } }, { sort: { _id: 1 } }))).toEqual(['ch-2', 'ch-3']);
      });

      it('finds by `_id` with $in: those there, in id order, paged; with a sort, in its order; a write seen at once', async () => {
        expect(ids(await store.find('challenges', { _id: { $in: ['ch-4', 'ch-1', 'ch-9', 'ch-1'] } }))).toEqual(['ch-1', 'ch-4']);
        expect(ids(await store.find('challenges', { _id: { $in: ['ch-4', 'ch-2', 'ch-3'] } }, { skip: 1, limit: 1 }))).toEqual(['ch-3']);
        expect(ids(await store.find('challenges', { _id: { $in: ['ch-1', 'ch-2', 'ch-3'] } }, { sort: { raisedOn: -1 } }))).toEqual(['ch-3', 'ch-2', 'ch-1']);
        expect(await store.find('challenges', { _id: { $in: [] } })).toEqual([]);
        await store.upsert('challenges', { ...challenges[0], status: 'resolved' });
        const [found] = await store.find<Document & { status: string }>('challenges', { _id: { $in: ['ch-1'] } });
        expect(found.status).toBe('resolved');
        found.status = 'tampered';
        expect((await store.get<Document & { status: string }>('challenges', 'ch-1'))?.status).toBe('resolved');
      });

      it('matches a value inside an array field, and $in over an array field', async () => {
        expect(ids(await store.find('challenges', { childIds: 'c-2' }, { sort: { _id: 1 } }))).toEqual(['ch-2', 'ch-4']);
        expect(ids(await store.find('challenges', { childIds: { $in: ['c-3', 'c-4'] } }, { sort: { _id: 1 } }))).toEqual(['ch-2', 'ch-3']);
      });

      it('matches date ranges with $gte and $lte on yyyy-mm-dd strings', async () => {
        const inYear = { raisedOn: { $gte: '2019-04-01', $lte: '2019-12-31' } };
        expect(ids(await store.find('challenges', inYear, { sort: { raisedOn: 1 } }))).toEqual(['ch-1', 'ch-2', 'ch-3']);
        expect(await store.count('challenges', inYear)).toBe(3);
      });

      it('matches array elements with $elemMatch on two conditions of the same element', async () => {
        const missedAtStageTwoOrHigher = { stages: { $elemMatch: { stage: { $in: [2, 3, 4] }, deadlineMet: false } } };
        expect(ids(await store.find('challenges', missedAtStageTwoOrHigher))).toEqual(['ch-4']);
        // without $elemMatch the conditions may hold on different elements
        const loose = { 'stages.stage': 2, 'stages.deadlineMet': false };
        expect(ids(await store.find('challenges', loose, { sort: { _id: 1 } }))).toEqual(['ch-2', 'ch-4']);
      });

      it('matches nested fields with dot notation and combines with $or / $and', async () => {
        expect(ids(await store.find('challenges', { 'raisedBy.team': 'north' }, { sort: { _id: 1 } }))).toEqual(['ch-1', 'ch-3']);
        const either = { $or: [{ 'raisedBy.iroId': 'iro-3' }, { category: 'permanence' }] };
        expect(ids(await store.find('challenges', either, { sort: { _id: 1 } }))).toEqual(['ch-2', 'ch-4']);
        expect(await store.count('challenges', { $and: [{ status: 'open' }, { 'raisedBy.team': 'north' }] })).toBe(2);
      });

      it('sorts by several keys, then skips and limits for paging', async () => {
        const byTeamThenNewest = { 'raisedBy.team': 1 as const, raisedOn: -1 as const };
        expect(ids(await store.find('challenges', {}, { sort: byTeamThenNewest }))).toEqual(['ch-3', 'ch-1', 'ch-4', 'ch-2']);
        expect(ids(await store.find('challenges', {}, { sort: byTeamThenNewest, skip: 1, limit: 2 }))).toEqual(['ch-1', 'ch-4']);
        expect(ids(await store.find('challenges', {}, { sort: byTeamThenNewest, skip: 3, limit: 2 }))).toEqual(['ch-2']);
        expect(await store.find('challenges', {}, { sort: byTeamThenNewest, skip: 4 })).toEqual([]);
      });

      it('pages through a long list in sort order, ties in id order, after writes in any order', async () => {
        const days = ['2020-01-06', '2020-01-07', '2020-01-08'];
        const written = Array.from({ length: 300 }, (_, i) => ({ _id: `x-${String((i * 7919) % 300).padStart(3, '0')}`, status: 'open', raisedOn: days[(i * 31) % 3] }));
        for (const document of written) await store.upsert('long-list', document);
        for (const removed of ['x-000', 'x-150', 'x-299']) await store.delete('long-list', removed);
        await store.upsert('long-list', { _id: 'x-042', status: 'open', raisedOn: '2020-01-09' });
        const all = (await store.find('long-list', {}, { sort: { raisedOn: -1 } })).map((d) => d._id);
        const expected = written
          .filter((d) => !['x-000', 'x-150', 'x-299'].includes(d._id))
          .map((d) => (d._id === 'x-042' ? { ...d, raisedOn: '2020-01-09' } : d))
          .sort((a, b) => (a.raisedOn === b.raisedOn ? (a._id < b._id ? -1 : 1) : a.raisedOn < b.raisedOn ? 1 : -1))
          .map((d) => d._id);
        expect(all).toEqual(expected);
        for (const [skip, limit] of [[0, 1], [0, 21], [20, 21], [290, 21], [0, 297]]) {
          const page = await store.find('long-list', { status: 'open' }, { sort: { raisedOn: -1 }, skip, limit });
          expect(page.map((d) => d._id)).toEqual(expected.slice(skip, skip + limit));
        }
      });

      it('counts with a filter', async () => {
        expect(await store.count('challenges')).toBe(4);
        expect(await store.count('challenges', { category: 'care-planning', status: 'open' })).toBe(2);
        expect(await store.count('challenges', { status: 'withdrawn' })).toBe(0);
      });

      it('hands out copies: changing a result changes nothing stored', async () => {
        const [found] = await store.find<Document & { status: string }>('challenges', { _id: 'ch-1' });
        found.status = 'tampered';
        expect((await store.get('challenges', 'ch-1'))?.status).toBe('open');
        expect(await store.count('challenges', { status: 'tampered' })).toBe(0);
      });

      it('sees writes made after an earlier query', async () => {
        expect(await store.count('challenges', { status: 'open' })).toBe(3);
        await store.upsert('challenges', { ...challenges[0], status: 'resolved' });
        await store.delete('challenges', 'ch-4');
        expect(ids(await store.find('challenges', { status: 'open' }))).toEqual(['ch-3']);
      });
    });

    describe('commit with the checkpoint', () => {
      it('starts every projection at checkpoint 0', async () => {
        expect(await store.checkpoint('drift-and-delay')).toBe(0);
      });

      it('writes the documents and moves the checkpoint together', async () => {
        await given();
        await store.commit('issues-resolution', 120, (batch) => {
          batch.upsert('challenges', { _id: 'ch-5', status: 'open' });
          batch.delete('challenges', 'ch-1');
          batch.upsert('challenge-summaries', { _id: '2019', raised: 4 });
        });
        expect(await store.checkpoint('issues-resolution')).toBe(120);
        expect(await store.get('challenges', 'ch-5')).toEqual({ _id: 'ch-5', status: 'open' });
        expect(await store.get('challenges', 'ch-1')).toBeNull();
        expect(await store.get('challenge-summaries', '2019')).toEqual({ _id: '2019', raised: 4 });
        expect(await store.checkpoint('drift-and-delay')).toBe(0);
      });

      it('leaves documents and checkpoint unchanged when the write throws part way', async () => {
        await given();
        await store.commit('issues-resolution', 10, (batch) => batch.upsert('challenges', { _id: 'ch-9', status: 'open' }));
        await expect(
          store.commit('issues-resolution', 20, (batch) => {
            batch.upsert('challenges', { _id: 'ch-1', status: 'resolved' });
            batch.delete('challenges', 'ch-2');
            batch.upsert('challenges', { _id: 'ch-10', status: 'open' });
            throw new Error('projection failed');
          }),
        ).rejects.toThrow('projection failed');
        expect(await store.checkpoint('issues-resolution')).toBe(10);
        expect(await store.get('challenges', 'ch-1')).toEqual(challenges[0]);
        expect(await store.get('challenges', 'ch-2')).toEqual(challenges[1]);
        expect(await store.get('challenges', 'ch-10')).toBeNull();
        expect(await store.count('challenges')).toBe(5);
      });

      it('writes nothing when the checkpoint is not the one expected', async () => {
        await store.commit('caseloads', 50, (batch) => batch.upsert('caseloads', { _id: 'iro-1', total: 1 }));
        const attempt = store.commit('caseloads', 60, (batch) => batch.upsert('caseloads', { _id: 'iro-1', total: 2 }), { position: 40, epoch: 0 });
        await expect(attempt).rejects.toBeInstanceOf(CheckpointMovedError);
        expect(await store.checkpoint('caseloads')).toBe(50);
        expect(await store.get('caseloads', 'iro-1')).toEqual({ _id: 'iro-1', total: 1 });
        await store.commit('caseloads', 60, (batch) => batch.upsert('caseloads', { _id: 'iro-1', total: 2 }), { position: 50, epoch: 0 });
        expect(await store.get('caseloads', 'iro-1')).toEqual({ _id: 'iro-1', total: 2 });
        await store.commit('fresh', 5, () => undefined, { position: 0, epoch: 0 });
        expect(await store.readCheckpoint('fresh')).toEqual({ position: 5, epoch: 0 });
      });

      it('commits several projections together when it can: all of them, or none when one checkpoint moved', async () => {
        if (!store.commitTogether) {
          console.log(`${adapter}: no commitTogether; the projector commits each projection on its own`);
          return;
        }
        await store.commit('caseloads', 5, (batch) => batch.upsert('caseloads', { _id: 'iro-1', total: 1 }));
        await store.commitTogether([
          { projection: 'caseloads', position: 9, write: (batch) => batch.upsert('caseloads', { _id: 'iro-1', total: 2 }), expected: { position: 5, epoch: 0 } },
          { projection: 'issues-resolution', position: 9, write: (batch) => batch.upsert('challenges', { _id: 'ch-7', status: 'open' }), expected: { position: 0, epoch: 0 } },
        ]);
        expect(await store.readCheckpoint('caseloads')).toEqual({ position: 9, epoch: 0 });
        expect(await store.readCheckpoint('issues-resolution')).toEqual({ position: 9, epoch: 0 });
        expect(await store.get('challenges', 'ch-7')).toEqual({ _id: 'ch-7', status: 'open' });

        const attempt = store.commitTogether([
          { projection: 'issues-resolution', position: 12, write: (batch) => batch.upsert('challenges', { _id: 'ch-7', status: 'resolved' }), expected: { position: 9, epoch: 0 } },
          { projection: 'caseloads', position: 12, write: (batch) => batch.upsert('caseloads', { _id: 'iro-1', total: 3 }), expected: { position: 4, epoch: 0 } },
        ]);
        await expect(attempt).rejects.toBeInstanceOf(CheckpointMovedError);
        expect(await store.checkpoint('issues-resolution')).toBe(9);
        expect(await store.get('challenges', 'ch-7')).toEqual({ _id: 'ch-7', status: 'open' });
        expect(await store.get('caseloads', 'iro-1')).toEqual({ _id: 'iro-1', total: 2 });
      });

      it('loads a collection with the position of the commit that last wrote each document', async () => {
        await store.upsert('caseloads', { _id: 'iro-0', total: 0 });
        await store.commit('caseloads', 7, (batch) => {
          batch.upsert('caseloads', { _id: 'iro-1', total: 1 });
          batch.upsert('caseloads', { _id: 'iro-2', total: 3 });
        });
        await store.commit('caseloads', 9, (batch) => batch.upsert('caseloads', { _id: 'iro-2', total: 4 }));
        const loaded = (await store.loadCollection('caseloads')).sort((a, b) => a.document._id.localeCompare(b.document._id));
        expect(loaded).toEqual([
          { document: { _id: 'iro-0', total: 0 }, appliedPosition: 0 },
          { document: { _id: 'iro-1', total: 1 }, appliedPosition: 7 },
          { document: { _id: 'iro-2', total: 4 }, appliedPosition: 9 },
        ]);
      });

      it('forgets a checkpoint', async () => {
        await store.commit('issues-resolution__rebuild', 30, () => undefined);
        await store.deleteCheckpoint('issues-resolution__rebuild');
        expect(await store.checkpoint('issues-resolution__rebuild')).toBe(0);
      });
    });

    describe('dropping and swapping collections', () => {
      it('drops a collection', async () => {
        await given();
        await store.dropCollection('challenges');
        expect(await store.count('challenges')).toBe(0);
        await store.dropCollection('never-created');
      });

      it('swaps a rebuilt collection over the live one, indexes declared beforehand', async () => {
        await given();
        await store.ensureIndexes('challenges__rebuild', [{ keys: { status: 1, raisedOn: 1 } }]);
        await store.upsert('challenges__rebuild', { _id: 'ch-1', status: 'rebuilt' });
        await store.swapCollection('challenges__rebuild', 'challenges');
        expect(await store.find('challenges')).toEqual([{ _id: 'ch-1', status: 'rebuilt' }]);
        expect(await store.count('challenges__rebuild')).toBe(0);
        await store.upsert('challenges', { _id: 'ch-2', status: 'open' });
        expect(await store.count('challenges')).toBe(2);
      });

      it('swaps over a collection that does not exist yet', async () => {
        await store.upsert('caseloads__rebuild', { _id: 'iro-1', total: 3 });
        await store.swapCollection('caseloads__rebuild', 'caseloads');
        expect(await store.get('caseloads', 'iro-1')).toEqual({ _id: 'iro-1', total: 3 });
      });

      it('swaps in a rebuild with its checkpoint', async () => {
        await given();
        await store.commit('issues-resolution', 100, () => undefined);
        await store.upsert('challenges__rebuild', { _id: 'ch-1', status: 'rebuilt' });
        await store.upsert('summaries__rebuild', { _id: 's', raised: 1 });
        const swapped = await store.swapInRebuild('issues-resolution', 140, [
          { from: 'challenges__rebuild', to: 'challenges' },
          { from: 'summaries__rebuild', to: 'summaries' },
        ]);
        expect(swapped).toEqual({ position: 140, epoch: 1 });
        expect(await store.readCheckpoint('issues-resolution')).toEqual({ position: 140, epoch: 1 });
        expect(ids(await store.find('challenges'))).toEqual(['ch-1']);
        expect(ids(await store.find('summaries'))).toEqual(['s']);
      });

      it('starts a new epoch at each swap, so a writer from before the rebuild is refused even at the same position', async () => {
        await store.commit('caseloads', 30, () => undefined);
        await store.swapInRebuild('caseloads', 30, []);
        expect(await store.readCheckpoint('caseloads')).toEqual({ position: 30, epoch: 1 });
        const stale = store.commit('caseloads', 31, (batch) => batch.upsert('caseloads', { _id: 'iro-1', total: 9 }), { position: 30, epoch: 0 });
        await expect(stale).rejects.toBeInstanceOf(CheckpointMovedError);
        expect(await store.get('caseloads', 'iro-1')).toBeNull();
        await store.commit('caseloads', 31, () => undefined, { position: 30, epoch: 1 });
        expect(await store.readCheckpoint('caseloads')).toEqual({ position: 31, epoch: 1 });
        expect(await store.readCheckpoint('never-committed')).toEqual({ position: 0, epoch: 0 });
      });

      it('refuses to swap in a rebuild that is behind the live checkpoint, changing nothing', async () => {
        await given();
        await store.commit('issues-resolution', 200, () => undefined);
        await store.upsert('challenges__rebuild', { _id: 'ch-1', status: 'rebuilt' });
        const attempt = store.swapInRebuild('issues-resolution', 150, [{ from: 'challenges__rebuild', to: 'challenges' }]);
        await expect(attempt).rejects.toBeInstanceOf(CheckpointAheadError);
        expect(await store.checkpoint('issues-resolution')).toBe(200);
        expect(await store.count('challenges')).toBe(4);
        expect(await store.count('challenges__rebuild')).toBe(1);
      });
    });

    describe('the version of the code each read model was built by', () => {
      it('knows none for a read model whose version was never recorded', async () => {
        expect(await store.readModelVersion('drift-and-delay')).toBeNull();
      });

      it('records a read model\'s version, a later record replacing it, each read model apart', async () => {
        await store.recordReadModelVersion('drift-and-delay', 1);
        await store.recordReadModelVersion('annual-report', 3);
        await store.recordReadModelVersion('drift-and-delay', 2);
        expect(await store.readModelVersion('drift-and-delay')).toBe(2);
        expect(await store.readModelVersion('annual-report')).toBe(3);
      });
    });

    describe('claiming a projection for a rebuild', () => {
      const claim = (id: string): RebuildClaim => ({ id, host: 'host-a', pid: 100, claimedAt: '2026-11-26T10:00:00.000Z' });
      const live = () => false;
      const gone = () => true;

      it('gives the claim to the first claimant and refuses a second while the first holds it, naming the holder', async () => {
        await store.claimRebuild('drift-and-delay', claim('first'), live);
        const second = store.claimRebuild('drift-and-delay', claim('second'), live);
        await expect(second).rejects.toBeInstanceOf(RebuildInProgressError);
        await expect(store.claimRebuild('drift-and-delay', claim('second'), live)).rejects.toMatchObject({
          projection: 'drift-and-delay',
          holder: claim('first'),
          message: expect.stringContaining('a rebuild of drift-and-delay is already running (process 100 on host-a'),
        });
        await store.claimRebuild('annual-report', claim('second'), live); // another projection is free
      });

      it('asks whether the holder is gone with the holder as stored, and takes over a claim whose holder is', async () => {
        await store.claimRebuild('drift-and-delay', claim('crashed'), live);
        const asked: RebuildClaim[] = [];
        await store.claimRebuild('drift-and-delay', claim('next'), (holder) => {
          asked.push(holder);
          return gone();
        });
        expect(asked).toEqual([claim('crashed')]);
        await expect(store.claimRebuild('drift-and-delay', claim('third'), live)).rejects.toMatchObject({ holder: claim('next') });
      });

      it('frees the claim when its holder gives it back, and not when another claim does', async () => {
        expect(await store.rebuildClaim('drift-and-delay')).toBeNull();
        await store.claimRebuild('drift-and-delay', claim('first'), live);
        expect(await store.rebuildClaim('drift-and-delay')).toEqual(claim('first'));
        await store.releaseRebuild('drift-and-delay', 'someone-else');
        await expect(store.claimRebuild('drift-and-delay', claim('second'), live)).rejects.toBeInstanceOf(RebuildInProgressError);
        await store.releaseRebuild('drift-and-delay', 'first');
        expect(await store.rebuildClaim('drift-and-delay')).toBeNull();
        await store.claimRebuild('drift-and-delay', claim('second'), live);
        await store.releaseRebuild('never-claimed', 'nobody');
      });
    });
  });
}
