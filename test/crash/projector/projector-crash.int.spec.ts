import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { SqliteEventStore } from '../../../libs/event-store/sqlite/sqlite-event-store';
import { appendHistory } from '../../../libs/history-generator/append-history';
import { generateHistory } from '../../../libs/history-generator/history-generator';
import { SqliteReadStore } from '../../../libs/read-store/sqlite/sqlite-read-store';
import { CRASH_TEST_PROJECTIONS } from './crash-test-projections';

/**
 * Crash safety of the projector: a projector process is killed with SIGKILL twice in the
 * middle of its catch-up over more than 100,000 events, restarted each time, and run to
 * the end; every collection must then equal, document by document, a clean rebuild from
 * position 0 into a fresh store.
 */
const EVENTS = 120_000;
const repo = resolve(__dirname, '../../..');
const names = CRASH_TEST_PROJECTIONS.map((p) => p.name);

jest.setTimeout(15 * 60_000);

describe('projector killed with SIGKILL during catch-up', () => {
  let dir: string;
  let childScript: string;
  let eventsFile: string;
  let head: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-crash-'));
    // the child runs as plain node: compile it (and what it imports) once, without type checks
    const build = join(dir, 'build');
    const entry = join(repo, 'test/crash/projector/crash-projector-child.ts');
    execFileSync(
      process.execPath,
      [
        join(repo, 'node_modules/typescript/bin/tsc'),
        '--outDir', build, '--rootDir', repo, '--target', 'ES2022', '--module', 'commonjs', '--moduleResolution', 'node',
        '--esModuleInterop', '--experimentalDecorators', '--emitDecoratorMetadata', '--skipLibCheck', '--resolveJsonModule',
        '--noCheck', '--types', 'node', entry,
      ],
      { cwd: repo, stdio: 'pipe' },
    );
    childScript = join(build, 'test/crash/projector/crash-projector-child.js');
    expect(existsSync(childScript)).toBe(true);

    eventsFile = join(dir, 'events.sqlite');
    const events = new SqliteEventStore({ file: eventsFile });
    appendHistory(events, generateHistory({ events: EVENTS, seed: 1903 }));
    await events.close();
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const startChild = (mode: 'catch-up' | 'rebuild', readModelsFile: string): ChildProcess =>
    spawn(process.execPath, [childScript, mode, eventsFile, readModelsFile], {
      cwd: repo,
      // a commit at least every 10,000 events, so that a kill can land between commits however fast the machine
      env: { ...process.env, NODE_PATH: join(repo, 'node_modules'), PROJECTOR_BATCH_SIZE: '10000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });

  const exitOf = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((done) => child.on('exit', (code, signal) => done({ code, signal, stderr })));
  };

  const checkpoints = async (store: SqliteReadStore): Promise<number[]> => Promise.all(names.map((name) => store.checkpoint(name)));

  /** Starts a catch-up and kills it once some projection has committed past `after` while none has reached the head. */
  const killDuringCatchUp = async (readModelsFile: string, after: number): Promise<number[]> => {
    const child = startChild('catch-up', readModelsFile);
    const exited = exitOf(child);
    const watcher = new SqliteReadStore({ file: readModelsFile });
    let seen: number[] = [];
    let finished = false;
    void exited.then(() => (finished = true));
    try {
      while (!finished) {
        seen = await checkpoints(watcher);
        if (Math.max(...seen) > after && Math.max(...seen) < head) {
          child.kill('SIGKILL');
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const exit = await exited;
      expect({ signal: exit.signal, stderr: exit.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
      return checkpoints(watcher);
    } finally {
      await watcher.close();
    }
  };

  const runToEnd = async (mode: 'catch-up' | 'rebuild', readModelsFile: string): Promise<void> => {
    const exit = await exitOf(startChild(mode, readModelsFile));
    expect(exit).toEqual({ code: 0, signal: null, stderr: '' });
  };

  it(`ends with every collection equal to a clean rebuild, after two kills in the middle of a catch-up over ${EVENTS} events`, async () => {
    const events = new SqliteEventStore({ file: eventsFile });
    head = await events.headPosition();
    await events.close();
    expect(head).toBeGreaterThanOrEqual(100_000);

    const crashed = join(dir, 'crashed-read-models.sqlite');
    const atFirstKill = await killDuringCatchUp(crashed, 0);
    expect(Math.max(...atFirstKill)).toBeGreaterThan(0);
    expect(Math.max(...atFirstKill)).toBeLessThan(head);
    const atSecondKill = await killDuringCatchUp(crashed, Math.max(...atFirstKill));
    expect(Math.max(...atSecondKill)).toBeGreaterThan(Math.max(...atFirstKill));
    expect(Math.max(...atSecondKill)).toBeLessThan(head);
    await runToEnd('catch-up', crashed);

    const clean = join(dir, 'clean-read-models.sqlite');
    await runToEnd('rebuild', clean);

    const afterCrashes = new SqliteReadStore({ file: crashed });
    const reference = new SqliteReadStore({ file: clean });
    try {
      expect(await checkpoints(afterCrashes)).toEqual(names.map(() => head));
      expect(await checkpoints(reference)).toEqual(names.map(() => head));
      for (const projection of CRASH_TEST_PROJECTIONS) {
        for (const collection of projection.collections) {
          const actual = await afterCrashes.find(collection, {}, { sort: { _id: 1 } });
          const expected = await reference.find(collection, {}, { sort: { _id: 1 } });
          expect({ collection, documents: actual.length }).toEqual({ collection, documents: expected.length });
          const differing = expected
            .map((document, index) => ({ expected: document, actual: actual[index] }))
            .filter(({ expected: e, actual: a }) => !isDeepStrictEqual(a, e));
          // document by document; on a difference, show the first few
          expect({ collection, differing: differing.slice(0, 3), count: differing.length }).toEqual({ collection, differing: [], count: 0 });
        }
      }
      expect((await reference.get('sample-event-totals', 'all'))?.events).toBeGreaterThan(90_000);
    } finally {
      await afterCrashes.close();
      await reference.close();
    }
  });
});
