import { join } from 'node:path';
import { Clock } from '../../src/clock/clock';
import { isOversightEventType } from '../../src/events/schema-versions';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { useTempFolder } from '../testing/temp-folder';
import { AccessAuditQueryError, findAccessRecords } from './access-audit-query';
import { AccessAuditRecorder, AccessEntry } from './access-audit-recorder';

const dir = useTempFolder('iro-audit-');

describe('access audit', () => {
  let store: SqliteEventStore;
  let now: Date;
  const clock: Clock = { now: () => new Date(now) };
  let recorder: AccessAuditRecorder;

  beforeEach(() => {
    store = new SqliteEventStore({ file: join(dir(), 'events.sqlite'), clock });
    recorder = new AccessAuditRecorder(store, clock);
  });
  afterEach(() => store.close());

  const read = (over: Partial<AccessEntry>): AccessEntry => ({
    actor: { userId: 'iro-1', role: 'iro' },
    what: 'child-history',
    route: 'GET /children/:childId/history',
    recordId: 'C1',
    childIds: ['C1'],
    outcome: 'granted',
    correlationId: 'corr-1',
    ...over,
  });

  it('appends each read to the stream of its day in the UK, as an event no projection counts', async () => {
    now = new Date('2020-03-31T23:30:00Z'); // 00:30 on 1 April in London (BST)
    await recorder.record(read({}));
    const [event] = await store.readStream('audit-access-2020-04-01');
    expect(event).toMatchObject({
      type: 'ChildRecordAccessed',
      schemaVersion: 1,
      data: { effectiveDate: '2020-04-01', accessedAt: '2020-03-31T23:30:00.000Z', userId: 'iro-1', role: 'iro', childIds: ['C1'], outcome: 'granted' },
      metadata: { correlationId: 'corr-1', actor: { userId: 'iro-1', role: 'iro' } },
    });
    expect(isOversightEventType(event.type)).toBe(false);
  });

  it('finds the reads of a child or by a user within a range, oldest first, page by page', async () => {
    now = new Date('2020-01-10T09:00:00Z');
    await recorder.record(read({ childIds: ['C1'] }));
    now = new Date('2020-01-11T09:00:00Z');
    await recorder.record(read({ actor: { userId: 'mgr-1', role: 'manager' }, childIds: ['C2'], recordId: 'C2' }));
    await recorder.record(read({ what: 'challenge', recordId: 'CH1', childIds: ['C2', 'C1', 'C1'] }));
    now = new Date('2020-01-13T09:00:00Z');
    await recorder.record(read({ actor: { userId: 'aud-1', role: 'auditor' }, what: 'figure-trace', recordId: '2019/cla.total', childIds: ['C3', 'C1'] }));

    const ofC1 = await findAccessRecords(store, { childId: 'C1', from: '2020-01-01', to: '2020-01-31' }, '2020-02-01');
    expect(ofC1.items.map((i) => [i.userId, i.what, i.childIds])).toEqual([
      ['iro-1', 'child-history', ['C1']],
      ['iro-1', 'challenge', ['C1', 'C2']],
      ['aud-1', 'figure-trace', ['C1', 'C3']],
    ]);
    expect(ofC1.nextCursor).toBeNull();

    const byIro = await findAccessRecords(store, { userId: 'iro-1', childId: 'C2', from: '2020-01-01', to: '2020-01-31' }, '2020-02-01');
    expect(byIro.items.map((i) => i.recordId)).toEqual(['CH1']);

    const first = await findAccessRecords(store, { from: '2020-01-01', to: '2020-01-31', limit: 2 }, '2020-02-01');
    expect(first.items.map((i) => i.userId)).toEqual(['iro-1', 'mgr-1']);
    expect(first.nextCursor).toBe('2020-01-11.0');
    const second = await findAccessRecords(store, { from: '2020-01-01', to: '2020-01-31', limit: 2, cursor: first.nextCursor as string }, '2020-02-01');
    expect(second.items.map((i) => i.recordId)).toEqual(['CH1', '2019/cla.total']);
    expect(second.nextCursor).toBeNull();

    const toAnInstant = await findAccessRecords(store, { from: '2020-01-11', to: '2020-01-11T08:59:59Z' }, '2020-02-01');
    expect(toAnInstant.items).toEqual([]);
    const byDefault = await findAccessRecords(store, {}, '2020-01-12');
    expect(byDefault).toMatchObject({ from: '2019-01-12', to: '2020-01-12' });
    expect(byDefault.items).toHaveLength(3);
  });

  it('lists every bad parameter', async () => {
    await expect(findAccessRecords(store, { childId: 'a b', from: '2020-13-01', to: 'yesterday', limit: 0, cursor: 'x' }, '2020-02-01')).rejects.toEqual(
      new AccessAuditQueryError([
        'childId must be 1-64 letters, digits, _ or -',
        'to must be a date (yyyy-mm-dd) or an ISO instant (2020-03-31T23:59:59Z), got "yesterday"',
        'from must be a date (yyyy-mm-dd) or an ISO instant (2020-03-31T23:59:59Z), got "2020-13-01"',
        'limit must be a whole number from 1 to 1000',
        'cursor is not one this endpoint gave',
      ]),
    );
    await expect(findAccessRecords(store, { from: '2020-01-30T00:00:00Z', to: '2020-11-31T00:00:00Z' }, '2020-02-01')).rejects.toEqual(
      new AccessAuditQueryError(['to must be a date (yyyy-mm-dd) or an ISO instant (2020-03-31T23:59:59Z), got "2020-11-31T00:00:00Z"']),
    );
    await expect(findAccessRecords(store, { from: '2020-02-01', to: '2020-01-01' }, '2020-02-01')).rejects.toThrow('from must not be after to');
    await expect(findAccessRecords(store, { from: '2000-01-01', to: '2020-01-01' }, '2020-02-01')).rejects.toThrow(/at most 3660 days apart/);
  });
});
