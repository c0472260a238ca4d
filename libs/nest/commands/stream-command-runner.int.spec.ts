import { join } from 'path';
import { foldCase } from '../../../src/case/evolve-case';
import { decideCase } from '../../../src/case/decide-case';
import { CaseCommand } from '../../../src/case/case-commands';
import { fixedClock } from '../../../src/clock/clock';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { RecordedEvent } from '../../../src/events/envelope';
import { childStream } from '../../../src/events/streams';
import { WrongExpectedRevisionError } from '../../event-store/event-store.port';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store';
import { StreamReader } from '../streams/stream-reader';
import { useTempFolder } from '../../testing/temp-folder';
import { CommandOrigin } from './command-origin';
import { RuleViolationError } from './rule-violation.error';
import { StreamCommandRunner } from './stream-command-runner';

const origin = (expectedRevision?: number, idempotencyKey?: string): CommandOrigin => ({
  metadata: { correlationId: 'corr', causationId: 'cause', actor: { userId: 'iro-7', role: 'iro' }, ...(idempotencyKey !== undefined && { idempotencyKey }) },
  expectedRevision,
});
const onCase = (command: CaseCommand) => ({
  stream: childStream(command.childId),
  fold: foldCase,
  decide: (state: ReturnType<typeof foldCase>, context: Parameters<typeof decideCase>[2]) => decideCase(command, state, context),
});
const allocate = (iroId: string) => onCase({ type: 'allocateIro', childId: 'C1', iroId, effectiveDate: '2020-01-07' });

/** Holds every read of a stream until `readers` reads have started, so both writers load the same revision. */
class ReadBarrier {
  private waiting: (() => void)[] = [];
  constructor(private readers: number) {}
  async pass(): Promise<void> {
    this.readers -= 1;
    if (this.readers <= 0) {
      this.waiting.forEach((release) => release());
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}

const dir = useTempFolder('iro-runner-');

describe('StreamCommandRunner (load, fold, decide, append)', () => {
  let store: SqliteEventStore;
  let runner: StreamCommandRunner;
  let barrier: ReadBarrier | null;

  beforeEach(async () => {
    store = new SqliteEventStore({ file: join(dir(), 'events.sqlite') });
    const clock = fixedClock('2020-03-31T11:00:00Z');
    barrier = null;
    const readStream = store.readStream.bind(store);
    store.readStream = async (stream: string): Promise<RecordedEvent[]> => {
      const events = await readStream(stream);
      await barrier?.pass();
      return events;
    };
    runner = new StreamCommandRunner(store, new StreamReader(store, clock), DEFAULT_LOCAL_AUTHORITY_CONFIG);
    await runner.run(onCase({ type: 'registerChild', childId: 'C1', dateOfBirth: '2012-06-14', sex: 'male' }), origin());
  });
  afterEach(() => store.close());

  it('appends what the decider decided, with the metadata and a new id per event', async () => {
    const outcome = await runner.run(allocate('IRO7'), origin());
    expect(outcome).toEqual({
      events: [{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), type: 'IroAllocated', data: { childId: 'C1', iroId: 'IRO7', effectiveDate: '2020-01-07' } }],
      revision: 1,
      position: 2,
    });
    const [, stored] = await store.readStream('child-C1');
    expect(stored).toMatchObject({ id: outcome.events[0].id, type: 'IroAllocated', schemaVersion: 1, metadata: origin().metadata });
  });

  it('gives back what it recorded under the same Idempotency-Key, deciding and appending nothing (a retry after a crash left the key open)', async () => {
    const first = await runner.run(allocate('IRO7'), origin(undefined, 'key-1'));
    await runner.run(allocate('IRO8'), origin(undefined, 'key-2'));
    const retried = await runner.run(allocate('IRO7'), origin(undefined, 'key-1'));
    expect(retried).toEqual(first);
    expect((await store.readStream('child-C1')).map((event) => event.type)).toEqual(['ChildRegistered', 'IroAllocated', 'IroAllocated']);
    // another user's key of the same name is theirs
    const someoneElse = await runner.run(allocate('IRO9'), { ...origin(undefined, 'key-1'), metadata: { ...origin(undefined, 'key-1').metadata, actor: { userId: 'admin-1', role: 'admin' } } });
    expect(someoneElse.revision).toBe(3);
  });

  it('throws the refusal and appends nothing', async () => {
    const refused = runner.run(onCase({ type: 'endCare', childId: 'C1', endDate: '2020-02-01', reasonCeased: 'E11' }), origin());
    await expect(refused).rejects.toBeInstanceOf(RuleViolationError);
    await expect(refused).rejects.toMatchObject({ violation: { rule: 'not-in-care' } });
    expect(await store.headPosition()).toBe(1);
  });

  it('with If-Match, of two writers that loaded the same revision one wins and the other gets WrongExpectedRevisionError', async () => {
    barrier = new ReadBarrier(2);
    const results = await Promise.allSettled([runner.run(allocate('IRO7'), origin(0)), runner.run(allocate('IRO8'), origin(0))]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')!;
    expect(lost.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.headPosition()).toBe(2);
  });

  it('without If-Match, the writer that lost the race decides again on the new state and appends after it', async () => {
    barrier = new ReadBarrier(2);
    const [a, b] = await Promise.all([runner.run(allocate('IRO7'), origin()), runner.run(allocate('IRO8'), origin())]);
    expect([a.revision, b.revision].sort()).toEqual([1, 2]);
    expect((await store.readStream('child-C1')).map((event) => event.revision)).toEqual([0, 1, 2]);
  });

  it('refuses an If-Match that is not the revision loaded, before deciding', async () => {
    await expect(runner.run(allocate('IRO7'), origin(5))).rejects.toMatchObject({ expected: 5, actual: 0 });
    expect(await store.headPosition()).toBe(1);
  });
});
