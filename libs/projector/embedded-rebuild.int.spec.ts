import { readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../src/config/local-authority-config';
import { RecordedEvent } from '../../src/events/envelope';
import { ProjectionContext } from '../../src/projections/projection';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { appendHistory } from '../history-generator/append-history';
import { generateHistory } from '../history-generator/history-generator';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { makeTempFolder, removeTempFolder } from '../testing/temp-folder';
import { ALL_PROJECTIONS } from './all-projections';
import { Projector, ProjectorLogger } from './projector';
import { foldedSnapshot, ReadModelSnapshot, snapshotOf } from './testing/read-model-snapshot';
import { EmbeddedRebuildOptions, rebuildThreads } from './threaded-rebuild';

const context: ProjectionContext = { config: DEFAULT_LOCAL_AUTHORITY_CONFIG };
/** the worker threads run the TypeScript sources, as the projector's tests do */
const TYPESCRIPT_LOADER = ['-r', require.resolve('../../test/reliability/support/register-typescript.js')];

/**
 * A rebuild of the real read models (with their replay folds) from the embedded store's
 * file, in this thread and in worker threads, against the oracle: a plain fold of the
 * same events through each projection's apply.
 */
describe('Projector.rebuild with the embedded stores (replay reader, worker threads)', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let readStore: SqliteReadStore;
  let oracle: ReadModelSnapshot;
  const messages: string[] = [];
  const logger: ProjectorLogger = { log: (message) => messages.push(message), error: (message) => messages.push(`error: ${message}`) };

  beforeAll(async () => {
    dir = makeTempFolder('embedded-rebuild-');
    eventStore = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    // a history with the real event mix: backdated records, voided records, access audit records
    appendHistory(eventStore, generateHistory({ events: 12_000, seed: 11 }));
    const all: RecordedEvent[] = [];
    for await (const event of eventStore.readAll()) all.push(event);
    expect(all.some((event) => event.type === 'RecordVoided')).toBe(true);
    oracle = foldedSnapshot(all, ALL_PROJECTIONS, context);
  });
  beforeEach(() => {
    readStore = new SqliteReadStore({ file: join(dir, 'read-models.sqlite') });
    messages.length = 0;
  });
  afterEach(async () => {
    await readStore.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `read-models.sqlite${suffix}`), { force: true });
  });
  afterAll(async () => {
    await eventStore.close();
    removeTempFolder(dir);
  });

  const rebuildWith = async (embeddedRebuild?: Partial<EmbeddedRebuildOptions>) => {
    const projector = new Projector({
      eventStore,
      readStore,
      projections: ALL_PROJECTIONS,
      context,
      logger,
      embeddedRebuild: embeddedRebuild && {
        eventStoreFile: join(dir, 'events.sqlite'),
        readStoreFile: join(dir, 'read-models.sqlite'),
        ...embeddedRebuild,
      },
    });
    return projector.rebuild();
  };

  const expectTheOracle = async (reports: Awaited<ReturnType<typeof rebuildWith>>) => {
    const head = await eventStore.headPosition();
    expect(reports.map((report) => [report.name, report.position])).toEqual(ALL_PROJECTIONS.map((p) => [p.name, head]));
    expect(await snapshotOf(readStore, ALL_PROJECTIONS)).toEqual(oracle);
    for (const projection of ALL_PROJECTIONS) {
      expect(await readStore.checkpoint(projection.name)).toBe(head);
      expect(await readStore.checkpoint(`${projection.name}__rebuild`)).toBe(0);
    }
    // the threads' unsynced writes were synced, and their marker removed
    expect(readdirSync(dir).filter((name) => name.includes('.unsynced-'))).toEqual([]);
  };

  it('reading with readAll in this thread, gives what the plain fold gives', async () => {
    await expectTheOracle(await rebuildWith(undefined));
  });

  it('reading the event store file child by child in this thread, gives what the plain fold gives', async () => {
    await expectTheOracle(await rebuildWith({ threads: 1 }));
    expect(messages.filter((message) => message.startsWith('rebuild thread'))).toEqual([expect.stringMatching(/^rebuild thread 1 of 1, child by child/)]);
  });

  it('child by child in two worker threads, each taking batches of children, gives what the plain fold gives', async () => {
    await expectTheOracle(await rebuildWith({ threads: 2, execArgv: TYPESCRIPT_LOADER }));
    expect(messages.filter((message) => message.startsWith('rebuild thread'))).toEqual([
      expect.stringMatching(/^rebuild thread 1 of 2, child by child/),
      expect.stringMatching(/^rebuild thread 2 of 2, child by child/),
    ]);
  });

  it('swaps in over live read models that are already there, in a new epoch', async () => {
    await rebuildWith({ threads: 1 });
    const before = await readStore.readCheckpoint('drift-and-delay');
    await expectTheOracle(await rebuildWith({ threads: 2, execArgv: TYPESCRIPT_LOADER }));
    expect((await readStore.readCheckpoint('drift-and-delay')).epoch).toBe(before.epoch + 1);
  });

  it('while this projector feeds the read models, hands the rebuilt ones to it, and it goes on from there', async () => {
    const projector = new Projector({
      eventStore,
      readStore,
      projections: ALL_PROJECTIONS,
      context,
      logger,
      embeddedRebuild: { eventStoreFile: join(dir, 'events.sqlite'), readStoreFile: join(dir, 'read-models.sqlite'), execArgv: TYPESCRIPT_LOADER },
    });
    await projector.start();
    try {
      await projector.whenCaughtUp();
      await expectTheOracle(await projector.rebuild());
      // later records of the same children, and of new ones
      appendHistory(eventStore, generateHistory({ events: 300, seed: 12, startDate: '2016-01-04' }));
      await projector.waitForPosition(await eventStore.headPosition());
      const all: RecordedEvent[] = [];
      for await (const event of eventStore.readAll()) all.push(event);
      expect(await snapshotOf(readStore, ALL_PROJECTIONS)).toEqual(foldedSnapshot(all, ALL_PROJECTIONS, context));
      // the store has these events from now on
      oracle = foldedSnapshot(all, ALL_PROJECTIONS, context);
    } finally {
      await projector.stop();
    }
  });

  it('rebuilds in this thread when the workers cannot load their code, and says so', async () => {
    // no TypeScript loader: a worker cannot load the .ts sources
    await expectTheOracle(await rebuildWith({ threads: 2, execArgv: [] }));
    expect(messages.some((message) => message.startsWith('error: the rebuild threads did not start'))).toBe(true);
  });

  it('refuses an event store file that is not the projector\u2019s event store', async () => {
    const other = new SqliteEventStore({ file: join(dir, 'other.sqlite') });
    appendHistory(other, generateHistory({ events: 200, seed: 3 }));
    await other.close();
    await expect(rebuildWith({ threads: 1, eventStoreFile: join(dir, 'other.sqlite') })).rejects.toThrow(/is not this projector's event store/);
  });
});

describe('rebuildThreads', () => {
  const files = { eventStoreFile: 'e', readStoreFile: 'r' };

  it('rebuilds in this thread by default when it runs from TypeScript sources with no loader for the workers', () => {
    expect(rebuildThreads(files)).toBe(1);
    expect(rebuildThreads({ ...files, execArgv: TYPESCRIPT_LOADER })).toBe(Math.min(2, availableParallelism()));
    expect(rebuildThreads({ ...files, threads: 2 })).toBe(2);
  });
});
