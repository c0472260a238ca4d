import { accessRuleFor } from '../auth/access-policy';
import { auditedRecordOf, childIdsNamedIn } from './audited-record';

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
});
