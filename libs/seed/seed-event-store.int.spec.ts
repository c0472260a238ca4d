import { join } from 'path';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { RecordedEvent } from '../../src/events/envelope';
import { makeTempFolder, removeTempFolder } from '../testing/temp-folder';
import { MIDDLESBROUGH_2019_20 } from './profiles/middlesbrough-2019-20';
import { seedEventStore, SeedStoreNotEmptyError } from './seed-event-store';

async function readAll(file: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ file });
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  } finally {
    await store.close();
  }
}

describe('seeding an event store from a profile', () => {
  const dir = makeTempFolder('iro-seed-');
  const first = join(dir, 'first.sqlite');
  const second = join(dir, 'second.sqlite');
  let events: RecordedEvent[];

  beforeAll(async () => {
    await seedEventStore(MIDDLESBROUGH_2019_20, first);
    await seedEventStore(MIDDLESBROUGH_2019_20, second);
    events = await readAll(first);
  }, 60_000);

  afterAll(() => removeTempFolder(dir));

  it('writes the same events, ids, order and recordedAt every time', async () => {
    expect(events.length).toBeGreaterThan(10_000);
    expect(await readAll(second)).toEqual(events);
  });

  it('records in time order, from the migration day, some records days after they happened', () => {
    const recordedAt = events.map((e) => e.recordedAt);
    expect([...recordedAt].sort()).toEqual(recordedAt);
    expect(recordedAt[0].slice(0, 10)).toBe(MIDDLESBROUGH_2019_20.migrationDay);
    const late = events.filter((e) => e.recordedAt.slice(0, 10) > String(e.data.effectiveDate));
    const backdatedAtMigration = late.filter((e) => e.recordedAt.slice(0, 10) === MIDDLESBROUGH_2019_20.migrationDay);
    expect(late.length - backdatedAtMigration.length).toBeGreaterThan(100);
  });

  it('names no real child: every child id is generated from the profile prefix', () => {
    const childIds = new Set(events.filter((e) => e.stream.startsWith('child-')).map((e) => e.stream.slice('child-'.length)));
    expect([...childIds].every((id) => /^mbro-c\d{5}$/.test(id))).toBe(true);
  });

  it('carries the metadata the API gives: correlation, causation, an actor with a role, the source', () => {
    const review = events.find((e) => e.type === 'ReviewHeld')!;
    expect(review.metadata).toMatchObject({ actor: { userId: review.data.chairIroId, role: 'iro' }, source: 'seed:middlesbrough-2019-20' });
    expect(review.metadata.correlationId).toEqual(review.metadata.causationId);
  });

  it('refuses a store that already holds events', async () => {
    await expect(seedEventStore(MIDDLESBROUGH_2019_20, first)).rejects.toThrow(SeedStoreNotEmptyError);
  });
});
