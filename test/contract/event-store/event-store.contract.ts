import { randomUUID } from 'node:crypto';
import { Clock, fixedClock } from '../../../src/clock/clock';
import { NewEvent, RecordedEvent } from '../../../src/events/envelope';
import { EventStore, Subscription, WrongExpectedRevisionError } from '../../../libs/event-store/event-store.port';

/**
 * What an adapter's spec gives the contract: storage that outlives one store object.
 * Every `open` sees the same events (the same file, the same server).
 */
export interface EventStoreFixture {
  open(clock?: Clock): Promise<EventStore>;
  /** removes what the fixture created (a temp folder); stores are closed before */
  dispose(): Promise<void>;
}

/**
 * The EventStore contract, asserting only what every adapter promises. Streams get
 * unique names and reads are narrowed to the test's own streams, so the suite also
 * runs against a shared EventStoreDB that holds other events. Positions are asserted
 * increasing, not gap-free (EventStoreDB's are log offsets; SQLite's gap-free positions
 * have their own spec beside the adapter).
 */
export function eventStoreContract(adapter: string, createFixture: () => Promise<EventStoreFixture>): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    const opened: EventStore[] = [];
    const subscriptions: Subscription[] = [];

    const open = async (clock?: Clock): Promise<EventStore> => {
      const opening = await fixture.open(clock);
      opened.push(opening);
      return opening;
    };

    beforeEach(async () => {
      fixture = await createFixture();
      store = await open();
    });

    afterEach(async () => {
      for (const subscription of subscriptions.splice(0)) await subscription.stop();
      for (const openStore of opened.splice(0)) await openStore.close();
      await fixture.dispose();
    });

    describe('appending with an expected revision', () => {
      it("'no-stream' creates the stream; its events read back as appended, revisions from 0", async () => {
        const stream = childStream();
        const events = [reviewHeld(), iroAllocated()];

        const result = await store.appendToStream(stream, events, 'no-stream');

        expect(result.nextRevision).toBe(1);
        const read = await store.readStream(stream);
        expect(read.map(withoutStoreFields)).toEqual(events.map((event) => ({ ...event, stream })));
        expect(read.map((event) => event.revision)).toEqual([0, 1]);
        expect(await store.streamRevision(stream)).toBe(1);
      });

      it("'no-stream' on an existing stream is refused and appends nothing", async () => {
        const stream = childStream();
        await store.appendToStream(stream, [reviewHeld()], 'no-stream');

        await expect(store.appendToStream(stream, [reviewHeld()], 'no-stream')).rejects.toMatchObject({
          name: 'WrongExpectedRevisionError', stream, expected: 'no-stream', actual: 0,
        });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('the stream’s last revision appends after it', async () => {
        const stream = childStream();
        await store.appendToStream(stream, [reviewHeld(), reviewHeld()], 'no-stream');

        const result = await store.appendToStream(stream, [iroAllocated()], 1);

        expect(result.nextRevision).toBe(2);
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it('a stale or a future revision is refused with the actual revision, and nothing is appended', async () => {
        const stream = childStream();
        await store.appendToStream(stream, [reviewHeld(), reviewHeld()], 'no-stream');

        const stale = store.appendToStream(stream, [reviewHeld(), reviewHeld()], 0);
        await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(stale).rejects.toMatchObject({ stream, expected: 0, actual: 1 });
        await expect(store.appendToStream(stream, [reviewHeld()], 5)).rejects.toMatchObject({ expected: 5, actual: 1 });

        expect(await store.readStream(stream)).toHaveLength(2);
        expect(await store.streamRevision(stream)).toBe(1);
      });

      it('a revision for a stream that does not exist is refused as no-stream, and nothing is appended', async () => {
        const stream = childStream();

        await expect(store.appendToStream(stream, [reviewHeld()], 0)).rejects.toMatchObject({
          name: 'WrongExpectedRevisionError', expected: 0, actual: 'no-stream',
        });
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.streamRevision(stream)).toBe('no-stream');
      });

      it("'any' appends to a new and to an existing stream", async () => {
        const stream = childStream();

        expect((await store.appendToStream(stream, [reviewHeld()], 'any')).nextRevision).toBe(0);
        expect((await store.appendToStream(stream, [reviewHeld(), reviewHeld()], 'any')).nextRevision).toBe(2);
        expect(await store.readStream(stream)).toHaveLength(3);
      });
    });

    describe('a multi-event append', () => {
      it('stores its events together, in order, with consecutive revisions and increasing positions', async () => {
        const stream = childStream();
        const events = [reviewHeld(), iroAllocated(), reviewHeld()];
        const before = await store.headPosition();

        const result = await store.appendToStream(stream, events, 'no-stream');

        const read = await readOwn(store, [stream], before);
        expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
        expect(read.map((event) => event.revision)).toEqual([0, 1, 2]);
        expectIncreasing(read.map((event) => event.position));
        expect(result.position).toBe(read[2].position);
      });

      it('is all or nothing: refused at a wrong revision, none of its events is stored', async () => {
        const stream = childStream();
        await store.appendToStream(stream, [reviewHeld()], 'no-stream');
        const refused = [reviewHeld(), reviewHeld(), reviewHeld()];

        await expect(store.appendToStream(stream, refused, 'no-stream')).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );

        const ids = (await store.readStream(stream)).map((event) => event.id);
        expect(ids).toHaveLength(1);
        expect(ids).not.toEqual(expect.arrayContaining([refused[0].id]));
      });
    });

    describe('reading', () => {
      it('a stream that does not exist reads as empty, with no revision', async () => {
        const stream = childStream();
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.streamRevision(stream)).toBe('no-stream');
      });

      it('a stream reads in the order of its appends', async () => {
        const stream = childStream();
        const [first, second, third, fourth] = [reviewHeld(), iroAllocated(), reviewHeld(), iroAllocated()];
        await store.appendToStream(stream, [first], 'no-stream');
        await store.appendToStream(stream, [second, third], 0);
        await store.appendToStream(stream, [fourth], 'any');

        const read = await store.readStream(stream);

        expect(read.map((event) => event.id)).toEqual([first.id, second.id, third.id, fourth.id]);
        expect(read.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
        expectIncreasing(read.map((event) => event.position));
      });

      it('readAll interleaves streams in global order and reads after the position it is given', async () => {
        const child = childStream();
        const challenge = challengeStream();
        const before = await store.headPosition();
        const a1 = await store.appendToStream(child, [reviewHeld()], 'no-stream');
        await store.appendToStream(challenge, [challengeRaised()], 'no-stream');
        await store.appendToStream(child, [reviewHeld()], 0);
        const b2 = await store.appendToStream(challenge, [challengeRaised()], 0);

        const all = await readOwn(store, [child, challenge], before);
        expect(all.map((event) => [event.stream, event.revision])).toEqual([
          [child, 0], [challenge, 0], [child, 1], [challenge, 1],
        ]);
        expectIncreasing(all.map((event) => event.position));

        const afterFirst = await readOwn(store, [child, challenge], a1.position);
        expect(afterFirst.map((event) => event.id)).toEqual(all.slice(1).map((event) => event.id));
        expect(await readOwn(store, [child, challenge], b2.position)).toEqual([]);
      });

      it('readAll stops after maxCount events', async () => {
        const stream = childStream();
        const before = await store.headPosition();
        await store.appendToStream(stream, [reviewHeld(), reviewHeld(), reviewHeld()], 'no-stream');

        const firstTwo = await collect(store.readAll({ fromPosition: before, maxCount: 2 }));
        const everything = await collect(store.readAll({ fromPosition: before }));

        expect(firstTwo).toHaveLength(2);
        expect(firstTwo).toEqual(everything.slice(0, 2));
      });

      it('positions increase with every append, and the head is at or past the last one', async () => {
        const stream = childStream();
        const results = [];
        results.push(await store.appendToStream(stream, [reviewHeld()], 'no-stream'));
        results.push(await store.appendToStream(stream, [reviewHeld(), reviewHeld()], 0));
        results.push(await store.appendToStream(challengeStream(), [challengeRaised()], 'no-stream'));

        expectIncreasing(results.map((result) => result.position));
        expect(await store.headPosition()).toBeGreaterThanOrEqual(results[2].position);
        const read = await store.readStream(stream);
        expect(read[2].position).toBe(results[1].position);
      });
    });

    describe('appending event ids that are already stored', () => {
      it('is a no-op that returns the first append’s result', async () => {
        const stream = childStream();
        const events = [reviewHeld(), iroAllocated()];
        const first = await store.appendToStream(stream, events, 'no-stream');

        expect(await store.appendToStream(stream, events, 'no-stream')).toEqual(first);
        expect(await store.appendToStream(stream, events, 'any')).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('is a no-op at the revision the events were first appended at', async () => {
        const stream = childStream();
        await store.appendToStream(stream, [reviewHeld()], 'no-stream');
        const later = [iroAllocated()];
        const first = await store.appendToStream(stream, later, 0);
        await store.appendToStream(stream, [reviewHeld()], 1);

        expect(await store.appendToStream(stream, later, 0)).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });
    });

    describe('two appends at one expected revision', () => {
      it('one wins, the other is refused', async () => {
        const stream = childStream();
        await store.appendToStream(stream, [reviewHeld()], 'no-stream');
        const mine = reviewHeld();
        const theirs = reviewHeld();

        const outcomes = await Promise.allSettled([
          store.appendToStream(stream, [mine], 0),
          store.appendToStream(stream, [theirs], 0),
        ]);

        const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(WrongExpectedRevisionError);
        const winner = outcomes[0].status === 'fulfilled' ? mine : theirs;
        expect((await store.readStream(stream)).map((event) => event.id)).toEqual([expect.any(String), winner.id]);
      });
    });

    describe('subscribing to all', () => {
      it('catches up from the checkpoint, reports caught up once, then delivers live appends', async () => {
        const stream = childStream();
        const before = await store.headPosition();
        await store.appendToStream(stream, [reviewHeld(), reviewHeld()], 'no-stream');
        const received: RecordedEvent[] = [];
        let caughtUp = 0;
        const reachedEnd = new Promise<void>((resolve) => {
          subscriptions.push(store.subscribeToAll({
            fromPosition: before,
            onEvent: (event) => { if (event.stream === stream) received.push(event); },
            onCaughtUp: () => { caughtUp += 1; resolve(); },
          }));
        });

        await reachedEnd;
        expect(received.map((event) => event.revision)).toEqual([0, 1]);

        const live = reviewHeld();
        await store.appendToStream(stream, [live], 1);
        await until(() => received.length === 3);
        expect(received[2].id).toBe(live.id);
        expect(caughtUp).toBe(1);
        expectIncreasing(received.map((event) => event.position));
      });

      it('starts after the checkpoint position it is given', async () => {
        const stream = childStream();
        const first = await store.appendToStream(stream, [reviewHeld()], 'no-stream');
        const second = reviewHeld();
        await store.appendToStream(stream, [second], 0);
        const received: RecordedEvent[] = [];

        subscriptions.push(store.subscribeToAll({
          fromPosition: first.position,
          onEvent: (event) => { if (event.stream === stream) received.push(event); },
        }));

        await until(() => received.length === 1);
        expect(received[0].id).toBe(second.id);
      });

      it('delivers one event at a time, waiting for the handler', async () => {
        const stream = childStream();
        const before = await store.headPosition();
        await store.appendToStream(stream, [reviewHeld(), reviewHeld(), reviewHeld()], 'no-stream');
        let inHandler = 0;
        let mostAtOnce = 0;
        const received: number[] = [];

        subscriptions.push(store.subscribeToAll({
          fromPosition: before,
          onEvent: async (event) => {
            if (event.stream !== stream) return;
            inHandler += 1;
            mostAtOnce = Math.max(mostAtOnce, inHandler);
            await new Promise((resolve) => setTimeout(resolve, 5));
            received.push(event.revision);
            inHandler -= 1;
          },
        }));

        await until(() => received.length === 3);
        expect(received).toEqual([0, 1, 2]);
        expect(mostAtOnce).toBe(1);
      });

      it('delivers nothing after stop has resolved', async () => {
        const stream = childStream();
        const before = await store.headPosition();
        await store.appendToStream(stream, [reviewHeld()], 'no-stream');
        const received: RecordedEvent[] = [];
        const subscription = store.subscribeToAll({
          fromPosition: before,
          onEvent: (event) => { if (event.stream === stream) received.push(event); },
        });
        await until(() => received.length === 1);

        await subscription.stop();
        await store.appendToStream(stream, [reviewHeld()], 0);
        // longer than a polling adapter's interval: had it still been running it would have seen it
        await new Promise((resolve) => setTimeout(resolve, 600));

        expect(received).toHaveLength(1);
      });
    });

    describe('recorded time', () => {
      it('comes from the store’s clock, on reads and on subscriptions', async () => {
        const stream = childStream();
        const march = await open(fixedClock('2020-03-20T09:30:00.000Z'));
        const april = await open(fixedClock('2020-04-02T16:05:00.000Z'));
        const before = await store.headPosition();
        await march.appendToStream(stream, [reviewHeld()], 'no-stream');
        await april.appendToStream(stream, [reviewHeld()], 0);
        const delivered: string[] = [];
        subscriptions.push(store.subscribeToAll({
          fromPosition: before,
          onEvent: (event) => { if (event.stream === stream) delivered.push(event.recordedAt); },
        }));

        const recorded = ['2020-03-20T09:30:00.000Z', '2020-04-02T16:05:00.000Z'];
        expect((await store.readStream(stream)).map((event) => event.recordedAt)).toEqual(recorded);
        expect((await readOwn(store, [stream], before)).map((event) => event.recordedAt)).toEqual(recorded);
        await until(() => delivered.length === 2);
        expect(delivered).toEqual(recorded);
      });
    });

    describe('durability', () => {
      it('a closed and reopened store has every event, and appends continue from its revision', async () => {
        const stream = childStream();
        await store.appendToStream(stream, [reviewHeld(), iroAllocated()], 'no-stream');
        const written = await store.readStream(stream);
        const head = await store.headPosition();
        await store.close();

        const reopened = await open();

        expect(await reopened.readStream(stream)).toEqual(written);
        expect(await reopened.streamRevision(stream)).toBe(1);
        expect(await reopened.headPosition()).toBeGreaterThanOrEqual(head);
        expect((await reopened.appendToStream(stream, [reviewHeld()], 1)).nextRevision).toBe(2);
      });
    });
  });
}

// ---- helpers ----------------------------------------------------------------------

const uniqueId = (): string => randomUUID().replace(/-/g, '').slice(0, 16);
const childStream = (): string => `child-${uniqueId()}`;
const challengeStream = (): string => `challenge-${uniqueId()}`;

function newEvent(type: string, data: Record<string, unknown>): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { effectiveDate: '2020-03-03', ...data },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { userId: 'iro-7', role: 'iro' },
      idempotencyKey: uniqueId(),
    },
  };
}

const reviewHeld = (): NewEvent =>
  newEvent('ReviewHeld', { reviewId: uniqueId(), heldOn: '2020-03-03', participation: 'PN1', heldInTime: true });
const iroAllocated = (): NewEvent => newEvent('IroAllocated', { iroId: 'iro-7' });
const challengeRaised = (): NewEvent =>
  newEvent('ChallengeRaised', { stage: 1, category: 'drift-and-delay', summary: 'No permanence plan' });

function withoutStoreFields(event: RecordedEvent): NewEvent & { stream: string } {
  const { revision: _revision, position: _position, recordedAt: _recordedAt, ...appended } = event;
  return appended;
}

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

async function readOwn(store: EventStore, streams: string[], fromPosition: number): Promise<RecordedEvent[]> {
  return (await collect(store.readAll({ fromPosition }))).filter((event) => streams.includes(event.stream));
}

function expectIncreasing(positions: number[]): void {
  positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]));
}

/** waits for a delivery; the test's timeout is the limit */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
