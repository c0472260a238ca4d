import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAuthSecret } from '../../libs/auth/auth-secret';
import { SqliteEventStore } from '../../libs/event-store/sqlite/sqlite-event-store';
import { tokenFor } from '../support/auth';
import { projectionsCaughtUp, readModelsAndCleanRebuild } from './support/read-models';
import { startServerProcess, ServerProcess } from './support/server-process';
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
    const t0 = Date.now(); const stage = (s: string) => console.log(s, Date.now() - t0);
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
    killed = true; stage('kill');
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
  });
});
