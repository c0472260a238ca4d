import { join } from 'node:path';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { RecordedEvent } from '../../src/events/envelope';
import { Projection, ProjectionContext, ProjectionDocument } from '../../src/projections/projection';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { appendHistory } from '../history-generator/append-history';
import { generateHistory, GeneratedEvent } from '../history-generator/history-generator';
import { RebuildInProgressError } from '../read-store/read-store.port';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { useTempFolder } from '../testing/temp-folder';
import { Projector, UnknownProjectionError } from './projector';
import { isStaleRebuildClaim, newRebuildClaim } from './rebuild-claim';
import { eventTotalsProjection, SAMPLE_PROJECTIONS } from './testing/sample-projections';
import { foldedSnapshot, snapshotOf } from './testing/read-model-snapshot';

const context: ProjectionContext = { config: DEFAULT_LOCAL_AUTHORITY_CONFIG };

const waitUntil = async (condition: () => Promise<boolean>): Promise<void> => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
};

const dir = useTempFolder('projector-');

describe('Projector (SQLite event store and read store)', () => {
  let events: SqliteEventStore;
  let readStore: SqliteReadStore;
  const projectors: Projector[] = [];
  const history = [...generateHistory({ events: 4_000, seed: 7 })];

  const projector = (projections: readonly Projection[] = SAMPLE_PROJECTIONS, batchSize = 500, liveCommitDelayMs?: number): Projector => {
    const created = new Projector({ eventStore: events, readStore, projections, context, batchSize, retryDelayMs: 10, liveCommitDelayMs });
    projectors.push(created);
    return created;
  };
  const append = (part: GeneratedEvent[]): number => appendHistory(events, part, 700);
  const allEvents = async (): Promise<RecordedEvent[]> => {
    const all: RecordedEvent[] = [];
    for await (const event of events.readAll()) all.push(event);
    return all;
  };
  const expectReadModelsToMatchAFoldOfTheStore = async (projections: readonly Projection[] = SAMPLE_PROJECTIONS) => {
    expect(await snapshotOf(readStore, projections)).toEqual(foldedSnapshot(await allEvents(), projections, context));
  };

  beforeEach(() => {
    events = new SqliteEventStore({ file: join(dir(), 'events.sqlite'), pollIntervalMs: 10 });
    readStore = new SqliteReadStore({ file: join(dir(), 'read-models.sqlite') });
  });
  afterEach(async () => {
    for (const running of projectors.splice(0)) await running.stop();
    await events.close();
    await readStore.close();
  });

  it('catches up from position 0 in several commits and stores what a plain fold of the events gives', async () => {
    append(history);
    const running = projector();
    await running.start();
    await running.whenCaughtUp();
    await expectReadModelsToMatchAFoldOfTheStore();
    const head = await events.headPosition();
    for (const projection of SAMPLE_PROJECTIONS) expect(await readStore.checkpoint(projection.name)).toBe(head);
    expect(await running.health()).toEqual(
      SAMPLE_PROJECTIONS.map((p) =>
        expect.objectContaining({ name: p.name, position: head, checkpoint: head, headPosition: head, lag: 0, status: 'ok', runsIn: 'this-process', version: 1, builtByVersion: 1 }),
      ),
    );
  });

  it('applies events appended while it runs, committed shortly after', async () => {
    append(history.slice(0, 1_000));
    const running = projector();
    await running.start();
    await running.whenCaughtUp();
    append(history.slice(1_000, 1_300));
    await running.waitForPosition(await events.headPosition());
    await expectReadModelsToMatchAFoldOfTheStore();
  });

  it('commits at once for a query waiting on an event it has applied, not at the live commit', async () => {
    append(history.slice(0, 1_000));
    const running = projector(SAMPLE_PROJECTIONS, 500, 60_000);
    await running.start();
    await running.whenCaughtUp();
    append(history.slice(1_000, 1_010));
    const head = await events.headPosition();
    const waited = Date.now();
    await running.waitForPosition(head);
    expect(Date.now() - waited).toBeLessThan(30_000);
    await expectReadModelsToMatchAFoldOfTheStore();
    // with no query waiting, the next events wait for the live commit
    append(history.slice(1_010, 1_020));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readStore.checkpoint(SAMPLE_PROJECTIONS[0].name)).toBe(head);
    await running.waitForPosition(await events.headPosition());
    expect(await readStore.checkpoint(SAMPLE_PROJECTIONS[0].name)).toBe(await events.headPosition());
  });

  it('commits each projection on its own where the read store cannot commit them together', async () => {
    const separately = new Proxy(readStore, {
      get: (store, key) => {
        if (key === 'commitTogether') return undefined;
        const value = Reflect.get(store, key) as unknown;
        return typeof value === 'function' ? value.bind(store) : value;
      },
    });
    let commits = 0;
    const counted = new Proxy(separately, {
      get: (store, key) => (key === 'commit' ? (...args: Parameters<SqliteReadStore['commit']>) => ((commits += 1), store.commit(...args)) : Reflect.get(store, key)),
    });
    append(history.slice(0, 1_000));
    const running = new Projector({ eventStore: events, readStore: counted, projections: SAMPLE_PROJECTIONS, context, batchSize: 500, retryDelayMs: 10 });
    projectors.push(running);
    await running.start();
    await running.whenCaughtUp();
    append(history.slice(1_000, 1_100));
    await running.waitForPosition(await events.headPosition());
    await expectReadModelsToMatchAFoldOfTheStore();
    expect(commits).toBeGreaterThanOrEqual(SAMPLE_PROJECTIONS.length * 2);
  });

  it('resumes from its checkpoint after a restart, applying no event twice and missing none', async () => {
    append(history.slice(0, 2_000));
    const first = projector();
    await first.start();
    await first.whenCaughtUp();
    await first.stop();
    append(history.slice(2_000));
    const second = projector();
    await second.start();
    await second.whenCaughtUp();
    await expectReadModelsToMatchAFoldOfTheStore();
    expect((await readStore.get('sample-event-totals', 'all'))?.events).toBe(history.filter((e) => e.event.type !== 'ChildRecordAccessed').length);
  });

  /** Read models built from 2,000 events beside the events file of an earlier moment, holding 1,000 (a data folder copied file by file while written). */
  const readModelsAheadOfTheEvents = async (): Promise<void> => {
    append(history.slice(0, 2_000));
    const first = projector();
    await first.start();
    await first.whenCaughtUp();
    await first.stop();
    await events.close();
    events = new SqliteEventStore({ file: join(dir(), 'older-events.sqlite'), pollIntervalMs: 10 });
    append(history.slice(0, 1_000));
    expect(await readStore.checkpoint(SAMPLE_PROJECTIONS[0].name)).toBeGreaterThan(await events.headPosition());
  };

  it('rebuilds at start a read model that is past the event store\'s last event (a copy of the data folder taken while writing), then keeps it current', async () => {
    await readModelsAheadOfTheEvents();
    const second = projector();
    await second.start();
    await second.whenCaughtUp();
    await expectReadModelsToMatchAFoldOfTheStore();
    append(history.slice(1_000, 1_300));
    await second.waitForPosition(await events.headPosition());
    await expectReadModelsToMatchAFoldOfTheStore();
  });

  it('replaces, when the CLI rebuilds it, a read model that is past the event store\'s last event (it would otherwise wait for the events forever)', async () => {
    await readModelsAheadOfTheEvents();
    await projector().rebuild();
    await expectReadModelsToMatchAFoldOfTheStore();
  });

  describe('read models built by another version of a projection\'s code', () => {
    /** the sample event totals, counted by a fold that changed: version 2 also counts the events per stream */
    const totalsVersion = (version: number): Projection => ({
      ...eventTotalsProjection,
      version,
      apply(event, documents, projectionContext) {
        eventTotalsProjection.apply(event, documents, projectionContext);
        if (version < 2) return;
        const totals = documents.get<ProjectionDocument & { byStream?: Record<string, number> }>('sample-event-totals', 'all')!;
        documents.put('sample-event-totals', { ...totals, byStream: { ...totals.byStream, [event.stream]: (totals.byStream?.[event.stream] ?? 0) + 1 } });
      },
    });
    const builtBy = async (projection: Projection) => {
      const running = projector([projection]);
      await running.start();
      await running.whenCaughtUp();
      await running.stop();
    };

    it('records, on a first start, the version of the code that builds each read model', async () => {
      append(history.slice(0, 300));
      await builtBy(totalsVersion(3));
      expect(await readStore.readModelVersion('sample-event-totals')).toBe(3);
    });

    it('rebuilds at start, before serving it, a read model built by another version, then records the version', async () => {
      append(history.slice(0, 1_000));
      await builtBy(totalsVersion(1));
      expect(await readStore.get('sample-event-totals', 'all')).not.toHaveProperty('byStream');
      const upgraded = projector([totalsVersion(2)]);
      await upgraded.start();
      expect(await readStore.get('sample-event-totals', 'all')).toHaveProperty('byStream');
      await upgraded.whenCaughtUp();
      await expectReadModelsToMatchAFoldOfTheStore([totalsVersion(2)]);
      expect(await readStore.readModelVersion('sample-event-totals')).toBe(2);
    });

    it('rebuilds at start a read model built before versions were recorded', async () => {
      append(history.slice(0, 1_000));
      await builtBy(totalsVersion(1));
      // a read store from before: documents and checkpoint, no version
      readStore['db'].exec('DELETE FROM read_model_versions');
      await builtBy(totalsVersion(2));
      await expectReadModelsToMatchAFoldOfTheStore([totalsVersion(2)]);
      expect(await readStore.readModelVersion('sample-event-totals')).toBe(2);
    });

    it('drops, once it has rebuilt a read model, the collections an earlier version kept and this one does not', async () => {
      append(history.slice(0, 300));
      await builtBy(totalsVersion(1));
      await readStore.upsert('sample-event-totals-by-day', { _id: '2020-01-01', events: 3 });
      await builtBy({ ...totalsVersion(2), retiredCollections: ['sample-event-totals-by-day'] });
      expect(await readStore.count('sample-event-totals-by-day')).toBe(0);
      await expectReadModelsToMatchAFoldOfTheStore([totalsVersion(2)]);
    });

    it('leaves a read model built by the same version as it is', async () => {
      append(history.slice(0, 1_000));
      await builtBy(totalsVersion(2));
      const before = await readStore.readCheckpoint('sample-event-totals');
      await builtBy(totalsVersion(2));
      // a rebuild would have swapped in a new epoch
      expect(await readStore.readCheckpoint('sample-event-totals')).toEqual(before);
    });

    it('records the version when the CLI rebuilds a read model', async () => {
      append(history.slice(0, 500));
      await builtBy(totalsVersion(1));
      await projector([totalsVersion(2)]).rebuild('sample-event-totals');
      expect(await readStore.readModelVersion('sample-event-totals')).toBe(2);
      await expectReadModelsToMatchAFoldOfTheStore([totalsVersion(2)]);
    });
  });

  it('moves the checkpoints past events that are not oversight events', async () => {
    append(history.slice(0, 500));
    append([{ stream: 'audit-access-2020-01-01', event: { id: 'read-x', type: 'ChildRecordAccessed', schemaVersion: 1, data: { effectiveDate: '2020-01-01' }, metadata: history[0].event.metadata } }]);
    const running = projector();
    await running.start();
    await running.whenCaughtUp();
    const head = await events.headPosition();
    expect((await running.health()).map((h) => h.lag)).toEqual([0, 0, 0]);
    expect(await readStore.checkpoint('sample-stream-log')).toBe(head);
    expect(await readStore.get('sample-stream-log', 'audit-access-2020-01-01')).toBeNull();
  });

  it('stops a projection that throws at the event, keeping what it applied before, and feeds the others on', async () => {
    append(history.slice(0, 1_500));
    const oversight = (await allEvents()).filter((e) => e.type !== 'ChildRecordAccessed');
    const failAt = oversight.find((e) => e.position >= 1_200)!.position;
    const lastBefore = oversight.filter((e) => e.position < failAt).pop()!.position;
    const failing: Projection = {
      name: 'fails-at-1200',
      collections: ['fails-at-1200'],
      apply(event, documents) {
        documents.put('fails-at-1200', { _id: 'seen', last: event.position });
        if (event.position === failAt) throw new Error('cannot read this event');
      },
    };
    const running = projector([...SAMPLE_PROJECTIONS, failing]);
    await running.start();
    await running.whenCaughtUp();
    const health = await running.health();
    expect(health.find((h) => h.name === 'fails-at-1200')).toEqual(
      expect.objectContaining({ status: 'error', position: failAt - 1, error: expect.stringContaining('cannot read this event') }),
    );
    expect(await readStore.get('fails-at-1200', 'seen')).toEqual({ _id: 'seen', last: lastBefore });
    expect(health.filter((h) => h.status === 'ok').map((h) => h.name)).toEqual(SAMPLE_PROJECTIONS.map((p) => p.name));
    await expectReadModelsToMatchAFoldOfTheStore();
  });

  it('rebuilds a read model from position 0 and swaps it in while running, then keeps feeding it', async () => {
    append(history.slice(0, 2_500));
    const running = projector();
    await running.start();
    await running.whenCaughtUp();
    // a read model gone wrong (say a projection bug since fixed)
    await readStore.upsert('sample-child-activity', { _id: 'child-000001', events: -5, byType: {}, lastPosition: 0, lastEffectiveDate: 'x' });
    await readStore.upsert('sample-child-activity', { _id: 'no-such-child', events: 1, byType: {}, lastPosition: 0, lastEffectiveDate: 'x' });
    const [report] = await running.rebuild('sample-child-activity');
    expect(report).toEqual(expect.objectContaining({ name: 'sample-child-activity', position: await events.headPosition() }));
    await expectReadModelsToMatchAFoldOfTheStore();
    expect(await readStore.count('sample-child-activity__rebuild')).toBe(0);
    append(history.slice(2_500, 3_000));
    await running.waitForPosition(await events.headPosition());
    await expectReadModelsToMatchAFoldOfTheStore();
  });

  it('makes a running projector reload when another one (the CLI) swaps in a rebuild, even at the same position', async () => {
    // the running process still has a projection that counts each event twice; the CLI has the fix
    const countsTwice: Projection = {
      ...eventTotalsProjection,
      apply(event, documents, ctx) {
        eventTotalsProjection.apply(event, documents, ctx);
        eventTotalsProjection.apply(event, documents, ctx);
      },
    };
    const oversightEvents = (part: GeneratedEvent[]) => part.filter((e) => e.event.type !== 'ChildRecordAccessed').length;
    append(history.slice(0, 2_000));
    const live = projector([countsTwice]);
    await live.start();
    await live.whenCaughtUp();
    expect((await readStore.get('sample-event-totals', 'all'))?.events).toBe(2 * oversightEvents(history.slice(0, 2_000)));

    await projector([eventTotalsProjection]).rebuild();
    expect((await readStore.get('sample-event-totals', 'all'))?.events).toBe(oversightEvents(history.slice(0, 2_000)));

    append(history.slice(2_000, 2_600));
    await waitUntil(async () => (await live.health())[0].lag === 0);
    await live.waitForPosition(await events.headPosition());
    // the rebuilt count, then the running (unfixed) code on the new events only
    expect((await readStore.get('sample-event-totals', 'all'))?.events).toBe(
      oversightEvents(history.slice(0, 2_000)) + 2 * oversightEvents(history.slice(2_000, 2_600)),
    );
  });

  it('does not apply an event again to a document already written past its checkpoint (a store without transactions, after a crash)', async () => {
    append(history.slice(0, 1_000));
    const first = projector([eventTotalsProjection]);
    await first.start();
    await first.whenCaughtUp();
    await first.stop();
    append(history.slice(1_000, 1_800));
    const totalsAtHead = foldedSnapshot(await allEvents(), [eventTotalsProjection], context)['sample-event-totals'][0];
    // the documents of a commit reached the store, its checkpoint did not
    await readStore.commit('some-other-writer', await events.headPosition(), (batch) => batch.upsert('sample-event-totals', totalsAtHead));
    const second = projector([eventTotalsProjection]);
    await second.start();
    await second.whenCaughtUp();
    expect(await readStore.get('sample-event-totals', 'all')).toEqual(totalsAtHead);
  });

  it('refuses a second rebuild of a read model while one runs (it would empty the first one\'s collections), and the first swaps in whole', async () => {
    append(history);
    const first = projector().rebuild();
    await expect(projector().rebuild()).rejects.toBeInstanceOf(RebuildInProgressError);
    await first;
    await expectReadModelsToMatchAFoldOfTheStore();
    // each claim was given back: the next rebuild runs
    await projector().rebuild(SAMPLE_PROJECTIONS[0].name);
    await expectReadModelsToMatchAFoldOfTheStore();
  });

  it('gives back the claims it took when a later projection is claimed by another rebuild, and takes over a claim whose process died', async () => {
    append(history.slice(0, 1_000));
    const [firstName, secondName] = SAMPLE_PROJECTIONS.map((projection) => projection.name);
    const elsewhere = { ...newRebuildClaim(new Date()), id: 'another-rebuild' };
    await readStore.claimRebuild(secondName, elsewhere, () => false);
    await expect(projector().rebuild()).rejects.toMatchObject({ projection: secondName, holder: elsewhere });
    await readStore.claimRebuild(firstName, newRebuildClaim(new Date()), (holder) => isStaleRebuildClaim(holder, new Date()));
    await readStore.releaseRebuild(secondName, 'another-rebuild');

    const crashed = { ...newRebuildClaim(new Date()), id: 'crashed', pid: 2 ** 22 + 1 };
    await readStore.claimRebuild(secondName, crashed, () => false);
    // GET /health shows who holds a claim, and whether its process is gone
    const health = await projector().health();
    expect(health.find((h) => h.name === firstName)?.rebuild).toEqual({
      since: expect.any(String), host: elsewhere.host, pid: process.pid, processGone: false,
    });
    expect(health.find((h) => h.name === secondName)?.rebuild).toEqual({ since: crashed.claimedAt, host: crashed.host, pid: crashed.pid, processGone: true });
    expect(health.find((h) => h.name === SAMPLE_PROJECTIONS[2].name)?.rebuild).toBeUndefined();
    await projector().rebuild(secondName);
    expect((await projector().health()).find((h) => h.name === secondName)?.rebuild).toBeUndefined();
    await expectReadModelsToMatchAFoldOfTheStore([SAMPLE_PROJECTIONS[1]]);
  });

  it('reports the projections of another process from the read store, and refuses to rebuild an unknown one', async () => {
    append(history.slice(0, 300));
    const worker = projector();
    await worker.start();
    await worker.whenCaughtUp();
    const api = projector();
    expect((await api.health()).map((h) => [h.runsIn, h.lag])).toEqual([
      ['another-process', 0],
      ['another-process', 0],
      ['another-process', 0],
    ]);
    await expect(api.rebuild('no-such-projection')).rejects.toBeInstanceOf(UnknownProjectionError);
  });
});
