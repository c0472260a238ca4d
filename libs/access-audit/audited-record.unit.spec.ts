import { accessRuleFor } from '../auth/access-policy';
import { auditableId, auditedRecordOf, childIdsNamedIn } from './audited-record';

describe('the children a read names', () => {
  it('finds childId fields, childIds lists and links to a child at any depth, once each', () => {
    expect(
      childIdsNamedIn({
        challengeId: 'CH1',
        childIds: ['C2', 'C1'],
        events: [{ data: { childId: 'C1', summary: 'about /children/NOT-A-LINK' } }],
        numerator: [{ id: 'R1', links: [{ history: '/children/C3/history', events: [] }, { history: '/challenges/CH9' }] }],
      }),
    ).toEqual(['C1', 'C2', 'C3']);
    expect(childIdsNamedIn(null)).toEqual([]);
  });

  it('takes a child read from its route and a figure trace from its answer', () => {
    const history = accessRuleFor('GET', '/children/:childId/history')!.audit!;
    expect(auditedRecordOf(history, { childId: 'C7' }, { events: [] })).toEqual({ recordId: 'C7', childIds: ['C7'] });
    const trace = accessRuleFor('GET', '/reports/iro-annual/:year/figures/:figureId')!.audit!;
    expect(auditedRecordOf(trace, { year: '2019', figureId: 'cla.atYearEnd' }, { ids: [{ id: 'C5', links: [{ history: '/children/C5/history' }] }] })).toEqual({
      recordId: '2019/cla.atYearEnd', childIds: ['C5'],
    });
  });

  it('records a malformed id as invalid, with its length and at most 64 of its characters, and names no child for it', () => {
    const history = accessRuleFor('GET', '/children/:childId/history')!.audit!;
    const huge = 'A'.repeat(8000);
    const record = auditedRecordOf(history, { childId: huge }, undefined);
    expect(record).toEqual({ recordId: `(invalid id, 8000 characters) ${'A'.repeat(64)}...`, childIds: [] });
    expect(record.recordId.length).toBeLessThan(120);
    expect(auditableId('C 1\n\u00e9')).toBe('(invalid id, 5 characters) C 1??');
    expect(auditableId('C1')).toBe('C1');
    const trace = accessRuleFor('GET', '/reports/iro-annual/:year/figures/:figureId')!.audit!;
    expect(auditedRecordOf(trace, { year: '20x9', figureId: 'cla.atYearEnd' }, undefined).recordId).toBe('(invalid id, 4 characters) 20x9/cla.atYearEnd');
    expect(auditedRecordOf(trace, { year: '2019', figureId: 'x'.repeat(100) }, undefined).recordId).toBe(`2019/(invalid id, 100 characters) ${'x'.repeat(64)}...`);
  });
});
