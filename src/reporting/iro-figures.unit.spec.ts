import { reportFor } from './testing/report-for';
import { ReportHistory } from './testing/report-history';

describe('IRO service figures', () => {
  function caseload(h: ReportHistory, iroId: string, children: number): void {
    for (let i = 0; i < children; i += 1) {
      const childId = `${iroId}-c${i}`;
      h.registerChild(childId, { dateOfBirth: '2010-01-01' });
      h.startCare(childId, '2019-01-01');
      h.allocateIro(childId, '2019-01-02', iroId);
    }
  }

  it('counts each IRO caseload on 31 March, a child looked after and on a plan once, by the latest allocation', () => {
    const h = new ReportHistory();
    h.registerChild('both', { dateOfBirth: '2010-01-01' });
    h.startCare('both', '2019-01-01');
    h.startPlan('both', '2019-02-01');
    h.allocateIro('both', '2019-01-01', 'iro-a');
    h.allocateIro('both', '2020-03-01', 'iro-b');
    h.registerChild('plan', { dateOfBirth: '2010-01-01' });
    h.startPlan('plan', '2019-06-01');
    h.allocateIro('plan', '2019-06-01', 'iro-b');
    h.allocateIro('plan', '2020-04-01', 'iro-a'); // after year end
    h.registerChild('unallocated', { dateOfBirth: '2010-01-01' });
    h.startCare('unallocated', '2019-06-01');
    h.registerChild('gone', { dateOfBirth: '2010-01-01' });
    h.startCare('gone', '2019-06-01');
    h.allocateIro('gone', '2019-06-01', 'iro-a');
    h.endCare('gone', '2020-01-01');
    const figures = reportFor(h).figures;
    expect(figures['iro.caseloadsAtYearEnd']).toMatchObject({ value: { 'iro-b': 2 }, ids: ['both', 'plan'] });
    expect(figures['iro.meanCaseloadAtYearEnd']).toMatchObject({ value: 2, ids: ['iro-b'] });
  });

  it('counts IROs whose ids are names every object has (constructor, __proto__, toString) like any other', () => {
    const h = new ReportHistory();
    caseload(h, 'constructor', 2);
    caseload(h, '__proto__', 1);
    caseload(h, 'toString', 1);
    const figures = reportFor(h).figures;
    expect(JSON.stringify(figures['iro.caseloadsAtYearEnd'].value)).toBe('{"__proto__":1,"constructor":2,"toString":1}');
    expect(figures['iro.meanCaseloadAtYearEnd']).toMatchObject({ value: 1.3 });
  });

  it('gives the mean over IROs with a caseload to one decimal, and those above the Handbook range and the local target', () => {
    const h = new ReportHistory();
    caseload(h, 'iro-60', 60);
    caseload(h, 'iro-71', 71);
    caseload(h, 'iro-81', 81);
    const figures = reportFor(h).figures;
    expect(figures['iro.meanCaseloadAtYearEnd'].value).toBe(70.7);
    expect(figures['iro.aboveHandbookRange']).toMatchObject({ value: 2, ids: ['iro-71', 'iro-81'] });
    expect(figures['iro.aboveLocalTarget']).toMatchObject({ value: 1, ids: ['iro-81'] });
    expect(reportFor(h, 2019, { config: { localCaseloadTarget: 70 } }).figures['iro.aboveLocalTarget'].value).toBe(2);
  });

  it('gives no mean with a reason when no IRO has a caseload', () => {
    expect(reportFor(new ReportHistory()).figures['iro.meanCaseloadAtYearEnd']).toMatchObject({ value: null, reason: expect.any(String) });
  });
});
