import { foldCase } from '../../../../src/case/evolve-case';
import { OversightEvent } from '../../../../src/events/oversight-events';
import { careStarted, childRegistered } from '../../../../src/testing/oversight-history';
import { childRecord } from './child-record';

const recordOn = (today: string, ...events: OversightEvent[]) =>
  childRecord('C1', foldCase(events.map((event, i) => ({ ...event, id: `e${i}` }))), events.length - 1, today);

describe('what is due next in the child record', () => {
  it('gives the first review due, and overdue after it', () => {
    const record = recordOn('2026-11-26', childRegistered({ childId: 'C1', dateOfBirth: '2015-03-01' }), careStarted({ childId: 'C1', startDate: '2026-09-01', legalStatus: 'C2' }));
    expect(record.dueNext).toMatchObject({ reviewDueBy: expect.any(String), reviewOverdue: true });
  });

  it('gives no review due for a child on short breaks (V3, V4: DfE rule 399), as the oversight does', () => {
    for (const legalStatus of ['V3', 'V4'] as const) {
      const record = recordOn('2026-11-26', childRegistered({ childId: 'C1', dateOfBirth: '2015-03-01' }), careStarted({ childId: 'C1', startDate: '2026-09-01', legalStatus }));
      expect(record.dueNext).toMatchObject({ reviewDueBy: null, reviewOverdue: false });
    }
  });
});
