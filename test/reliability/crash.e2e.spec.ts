import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAuthSecret } from '../../libs/auth/auth-secret';
import { SqliteEventStore } from '../../libs/event-store/sqlite/sqlite-event-store';
import { syntheticHistory, SYNTHETIC_AUTHORITY_DISTRICTS } from '../../libs/interchange/synthetic/synthetic-history';
import { syntheticSsda903Return } from '../../libs/interchange/synthetic/synthetic-returns';
import { defaultIroConfigPath } from '../../libs/nest/config/package-root';
import { RecordedEvent } from '../../src/events/envelope';
import { tokenFor } from '../support/auth';
import { projectionsCaughtUp, readModelsAndCleanRebuild } from './support/read-models';
import { runIro, startServerProcess, ServerProcess } from './support/server-process';
import { integrityProblems } from './support/store-integrity';

/**
 * The server process is killed with SIGKILL (no shutdown hook, no flush) in the middle
 * of a stream of appends from several clients. After a restart on the same data: no
 * event is half-written, every command acknowledged with 201 has all its events, and
 * the read models the restarted projector keeps equal a clean rebuild from the events.
 */
describe('crash: SIGKILL during a stream of appends', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'iro-crash-'));
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  interface Acknowledged {
    path: string;
    eventIds: string[];
  }

  it('keeps every acknowledged command, writes nothing by halves, and rebuilds the same read models', async () => {
    server = await startServerProcess(dataDir);
    const auth = `Bearer ${tokenFor('admin', 'crash-admin', readAuthSecret(dataDir))}`;
    const acknowledged: Acknowledged[] = [];
    let killed = false;

    const send = async (path: string, body: object): Promise<boolean> => {
      try {
        const response = await fetch(`${server!.url}${path}`, {
          method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
        });
        if (response.status !== 201) {
          if (!killed) throw new Error(`${path}: ${response.status} ${await response.text()}`);
          return false;
        }
        acknowledged.push({ path, eventIds: ((await response.json()) as { eventIds: string[] }).eventIds });
        return true;
      } catch (error) {
        if (killed) return false; // in flight when the process died: not acknowledged
        throw error;
      }
    };

    // eight clients, each taking children through registration, care, an IRO, reviews and moves
    const client = async (worker: number) => {
      for (let n = 0; !killed; n += 1) {
        const childId = `W${worker}-${n}`;
        const steps: [string, object][] = [
          ['/children', { childId, dateOfBirth: '2012-06-14', sex: n % 2 ? 'male' : 'female' }],
          [`/children/${childId}/care-periods`, { startDate: '2020-01-06', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }],
          [`/children/${childId}/iro-allocations`, { iroId: `iro-${worker}`, effectiveDate: '2020-01-06' }],
          [`/children/${childId}/reviews`, { heldOn: '2020-01-30', chairIroId: `iro-${worker}`, participation: 'PN1', iroVisitedBeforeReview: true }],
          [`/children/${childId}/placements`, { effectiveDate: '2020-03-02', placementType: 'U5', placedOutsideLocalAuthority: n % 3 === 0 }],
          [`/children/${childId}/reviews`, { heldOn: '2020-04-27', chairIroId: `iro-${worker}`, participation: 'PN2', iroVisitedBeforeReview: false }],
        ];
        for (const [path, body] of steps) if (!(await send(path, body))) return;
      }
    };
    const clients = Array.from({ length: 8 }, (_, worker) => client(worker));
    while (acknowledged.length < 400) await new Promise((resolve) => setTimeout(resolve, 10));
    killed = true;
    await server.kill();
    await Promise.all(clients);

    // the store as the dead process left it
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    const { problems, events } = await integrityProblems(store);
    await store.close();
    expect(problems).toEqual([]);
    const stored = new Map(events.map((event) => [event.id, event]));
    const missing = acknowledged.flatMap((ack) => ack.eventIds.filter((id) => !stored.has(id)).map((id) => `${ack.path}: ${id}`));
    expect(missing).toEqual([]);
    // each acknowledged command's events are exactly the events of its cause: none lost, none added
    for (const ack of acknowledged) {
      const cause = stored.get(ack.eventIds[0])!.metadata.causationId;
      expect(events.filter((event) => event.metadata.causationId === cause).map((event) => event.id)).toEqual(ack.eventIds);
    }
    expect(events.length).toBeGreaterThanOrEqual(acknowledged.length);

    // restart on the same data: the projector resumes from its checkpoints
    server = await startServerProcess(dataDir);
    await projectionsCaughtUp(server.url);
    const { stored: readModels, rebuilt } = await readModelsAndCleanRebuild(dataDir, events);
    expect(Object.values(rebuilt).some((documents) => documents.length > 0)).toBe(true);
    expect(readModels).toEqual(rebuilt);

    // and it goes on taking commands
    const after = await fetch(`${server.url}/children`, {
      method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ childId: 'AFTER', dateOfBirth: '2015-01-01', sex: 'male' }),
    });
    expect(after.status).toBe(201);
    await server.stop();
    server = undefined;
  }, 180_000);
});

/**
 * `iro import ssda903 <folder>` is killed with SIGKILL while it appends a council's
 * returns. The store it leaves has no half-written event; running the same import again
 * completes it (deterministic event ids: nothing twice), giving exactly the streams a
 * clean, uninterrupted import gives; the read models then equal a clean rebuild.
 */
describe('crash: SIGKILL during a bulk import', () => {
  let workDir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'iro-crash-import-'));
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(workDir, { recursive: true, force: true });
  });

  const streamsOf = (events: readonly RecordedEvent[]) => {
    const streams = new Map<string, string[]>();
    for (const event of events) {
      const list = streams.get(event.stream) ?? [];
      list.push(JSON.stringify([event.revision, event.id, event.type, event.data]));
      streams.set(event.stream, list);
    }
    return Object.fromEntries([...streams].sort(([a], [b]) => (a < b ? -1 : 1)));
  };
  const storedEvents = async (dataDir: string) => {
    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    try {
      return await integrityProblems(store);
    } finally {
      await store.close();
    }
  };

  it('leaves nothing half-written, and a second run completes it exactly as a clean import', async () => {
    // three years of returns for a large council's looked-after children
    const returns = join(workDir, 'returns');
    const children = syntheticHistory({ children: 8000, firstYear: 2017, years: 3 });
    for (const year of [2017, 2018, 2019]) {
      mkdirSync(join(returns, String(year)), { recursive: true });
      for (const [name, text] of Object.entries(syntheticSsda903Return(children, year))) writeFileSync(join(returns, String(year), name), text);
    }
    const config = { ...JSON.parse(readFileSync(defaultIroConfigPath(), 'utf8')), postcodeDistricts: SYNTHETIC_AUTHORITY_DISTRICTS };
    writeFileSync(join(workDir, 'config.json'), JSON.stringify(config));
    const importInto = (dataDir: string) =>
      runIro(['import', 'ssda903', returns, '--report', join(dataDir, 'issues.csv')], { DATA_DIR: dataDir, IRO_CONFIG: join(workDir, 'config.json') });

    // the reference: the same import, never interrupted
    const cleanDir = join(workDir, 'clean');
    mkdirSync(cleanDir);
    const clean = importInto(cleanDir);
    expect({ code: await clean.exited, output: clean.output() }).toEqual({ code: 0, output: expect.stringMatching(/issues 0/) });
    const reference = await storedEvents(cleanDir);
    expect(reference.problems).toEqual([]);

    // killed once it has checked and decided everything and is appending (one transaction)
    const total = /rows \d+, children (\d+)/.exec(clean.output())?.[1];
    expect(total).toBeDefined();
    const dataDir = join(workDir, 'killed');
    mkdirSync(dataDir);
    const killed = importInto(dataDir);
    let exitedAlone = false;
    void killed.exited.then(() => (exitedAlone = true));
    const appending = new RegExp(`decided: \\d+ files, \\d+ rows, ${total} children`);
    while (!exitedAlone && !appending.test(killed.output())) await new Promise((resolve) => setTimeout(resolve, 2));
    killed.child.kill('SIGKILL');
    // killed by the signal, not finished
    expect(await killed.exited).toBeNull();

    const afterKill = await storedEvents(dataDir);
    expect(afterKill.problems).toEqual([]);
    // the import appends in one transaction: all of it or none of it, never part
    expect([0, reference.events.length]).toContain(afterKill.events.length);

    // the same import again finishes the job
    const resumed = importInto(dataDir);
    expect({ code: await resumed.exited, output: resumed.output() }).toEqual({ code: 0, output: expect.stringMatching(/issues 0/) });
    const completed = await storedEvents(dataDir);
    expect(completed.problems).toEqual([]);
    expect(completed.events).toHaveLength(reference.events.length);
    expect(streamsOf(completed.events)).toEqual(streamsOf(reference.events));

    // the API's projector, started on the completed store, builds what a clean rebuild gives
    server = await startServerProcess(dataDir, { IRO_CONFIG: join(workDir, 'config.json') });
    await projectionsCaughtUp(server.url);
    const { stored: readModels, rebuilt } = await readModelsAndCleanRebuild(dataDir, completed.events, join(workDir, 'config.json'));
    expect(readModels).toEqual(rebuilt);
    await server.stop();
    server = undefined;
  }, 240_000);
});
