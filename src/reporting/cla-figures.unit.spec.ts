import { childStream } from '../events/streams';
import { reportFor } from './testing/report-for';
import { ReportHistory } from './testing/report-history';

describe('children looked after figures', () => {
  it('counts children looked after on 31 March, not those who left that day, by sex, age, ethnicity and rate', () => {
    const h = new ReportHistory();
    h.registerChild('boy', { dateOfBirth: '2019-06-01', sex: 'male', ethnicity: 'WBRI' });
    h.startCare('boy', '2019-07-01');
    h.registerChild('girl', { dateOfBirth: '2004-03-31', sex: 'female' });
    h.startCare('girl', '2018-01-01');
    h.registerChild('left', { dateOfBirth: '2010-01-01', sex: 'male' });
    h.startCare('left', '2019-05-01');
    h.endCare('left', '2020-03-31', 'E4A');
    const figures = reportFor(h).figures;
    expect(figures['cla.atYearEnd']).toMatchObject({ value: 2, ids: ['boy', 'girl'] });
    expect(figures['cla.atYearEnd.bySex'].value).toEqual({ male: 1, female: 1, unknown: 0 });
    expect(figures['cla.atYearEnd.byAgeGroup'].value).toEqual({ under1: 1, '1-4': 0, '5-9': 0, '10-15': 0, '16+': 1 });
    expect(figures['cla.atYearEnd.byEthnicity'].value).toEqual({ WBRI: 1, unknown: 1 });
    expect(figures['cla.ratePer10k']).toMatchObject({ value: 0.6, numerator: 2, denominator: 32751 });
  });

  it('counts a child who entered and left care twice in the year once in started and once in ceased, by the last ending', () => {
    const h = new ReportHistory();
    h.registerChild('twice', { dateOfBirth: '2009-10-01', sex: 'male' });
    h.startCare('twice', '2019-04-10');
    h.endCare('twice', '2019-06-01', 'E13');
    h.startCare('twice', '2019-09-01');
    h.endCare('twice', '2019-11-01', 'E41');
    const figures = reportFor(h).figures;
    expect(figures['cla.started']).toMatchObject({ value: 1, ids: ['twice'] });
    expect(figures['cla.ceased']).toMatchObject({ value: 1, ids: ['twice'] });
    expect(figures['cla.ceased.byReason'].value).toEqual({ E41: 1 });
    expect(figures['cla.ceased.byAgeGroup'].value).toMatchObject({ '10-15': 1, '5-9': 0 });
    expect(figures['cla.atYearEnd'].value).toBe(0);
  });

  it('leaves short breaks (V3 / V4) out of every looked-after figure', () => {
    const h = new ReportHistory();
    h.registerChild('respite', { dateOfBirth: '2012-01-01' });
    h.startCare('respite', '2019-05-01', { legalStatus: 'V3' });
    h.registerChild('agreed', { dateOfBirth: '2012-01-01' });
    h.startCare('agreed', '2019-05-01', { legalStatus: 'V2' });
    h.changeLegalStatus('agreed', '2019-12-01', 'V4');
    const figures = reportFor(h).figures;
    expect(figures['cla.started'].ids).toEqual(['agreed']);
    expect(figures['cla.atYearEnd'].value).toBe(0);
  });

  it('groups placements on 31 March and gives the outside-authority and interim care order percentages', () => {
    const h = new ReportHistory();
    const types = ['U4', 'U1', 'P1', 'K2', 'H5', 'P2', 'K1', 'R2', 'A5', 'S1'] as const;
    types.forEach((placementType, i) => {
      h.registerChild(`c${i}`, { dateOfBirth: '2008-01-01' });
      h.startCare(`c${i}`, '2019-01-01', { placementType: 'U6', legalStatus: i < 3 ? 'C1' : 'C2', outside: i === 0 });
      h.changePlacement(`c${i}`, '2019-06-01', placementType, i < 4);
    });
    const figures = reportFor(h).figures;
    const groups = figures['cla.atYearEnd.byPlacementGroup'] as { value: Record<string, number>; percent: Record<string, number> };
    expect(groups.value).toEqual({
      foster: 1, connected: 1, placedWithParents: 1, childrensHomes: 1, supportedAccommodation: 1, independentLiving: 1,
      secure: 1, health: 1, adoption: 1, other: 1,
    });
    expect(groups.percent.foster).toBe(10);
    expect(figures['cla.atYearEnd.placedOutsideLocalAuthorityPercent']).toMatchObject({ value: 40, numerator: 4, denominator: 10 });
    expect(figures['cla.atYearEnd.interimCareOrderPercent']).toMatchObject({ value: 30, numerator: 3, denominator: 10 });
  });

  it('counts 3 or more placements in the year, not temporary ones nor the move back from them, across periods', () => {
    const h = new ReportHistory();
    h.registerChild('moves', { dateOfBirth: '2008-01-01' });
    h.startCare('moves', '2018-01-01', { placementType: 'U4' }); // in on 1 April: 1
    h.changePlacement('moves', '2019-05-01', 'U6'); // 2
    h.changePlacement('moves', '2019-06-01', 'T3'); // temporary
    h.changePlacement('moves', '2019-06-10', 'U6'); // back to U6: not new
    h.registerChild('temp', { dateOfBirth: '2008-01-01' });
    h.startCare('temp', '2019-01-01', { placementType: 'U4' });
    h.changePlacement('temp', '2019-06-01', 'T4');
    h.changePlacement('temp', '2019-06-05', 'U4');
    h.changePlacement('temp', '2019-09-01', 'U5');
    h.registerChild('again', { dateOfBirth: '2008-01-01' });
    h.startCare('again', '2019-04-01', { placementType: 'U4' }); // 1
    h.changePlacement('again', '2019-05-01', 'K2'); // 2
    h.endCare('again', '2019-07-01');
    h.startCare('again', '2019-10-01', { placementType: 'U6' }); // 3: a new period starts a placement
    const figures = reportFor(h).figures;
    expect(figures['cla.threeOrMorePlacementsPercent']).toMatchObject({
      numerator: 1, denominator: 3, value: 33.3, numeratorIds: ['again'],
    });
  });

  it('does not count a placement replaced on the day it began: the child was in it on no day', () => {
    const h = new ReportHistory();
    h.registerChild('replaced', { dateOfBirth: '2008-01-01' });
    h.startCare('replaced', '2019-06-03', { placementType: 'U4' }); // 1
    h.changePlacement('replaced', '2019-09-02', 'U5'); // replaced the same day
    h.changePlacement('replaced', '2019-09-02', 'U6'); // 2
    h.registerChild('atStart', { dateOfBirth: '2008-01-01' });
    h.startCare('atStart', '2019-06-01', { placementType: 'U4' }); // replaced the same day
    h.changePlacement('atStart', '2019-06-01', 'U5'); // 1
    h.changePlacement('atStart', '2019-09-01', 'U6'); // 2
    h.registerChild('three', { dateOfBirth: '2008-01-01' });
    h.startCare('three', '2019-06-01', { placementType: 'U4' }); // 1
    h.changePlacement('three', '2019-06-02', 'U5'); // 2: one day is a day
    h.changePlacement('three', '2019-09-01', 'U6'); // 3
    const figures = reportFor(h).figures;
    expect(figures['cla.threeOrMorePlacementsPercent']).toMatchObject({ numerator: 1, denominator: 3, numeratorIds: ['three'] });
    expect(figures['cla.atYearEnd.byPlacementGroup'].idsByKey.foster).toEqual(['atStart', 'replaced', 'three']);
  });

  it('measures long-term stability past a placement replaced on the day it began', () => {
    const h = new ReportHistory();
    h.registerChild('adopting', { dateOfBirth: '2012-01-01' });
    h.startCare('adopting', '2017-01-01', { placementType: 'U5' });
    h.changePlacement('adopting', '2019-12-01', 'U4'); // replaced the same day: never lived in
    h.changePlacement('adopting', '2019-12-01', 'A5'); // the placement before it is the U5 of 2017
    h.registerChild('moved', { dateOfBirth: '2012-01-01' });
    h.startCare('moved', '2017-01-01', { placementType: 'U5' });
    h.changePlacement('moved', '2019-11-30', 'U4');
    h.changePlacement('moved', '2019-12-01', 'A5');
    const figures = reportFor(h).figures;
    expect(figures['cla.longTermStabilityPercent']).toMatchObject({ numerator: 1, denominator: 2, numeratorIds: ['adopting'] });
  });

  it('measures long-term stability for under-16s in care 2.5 years, counting an adoptive placement with the one before', () => {
    const h = new ReportHistory();
    h.registerChild('settled', { dateOfBirth: '2010-01-01' });
    h.startCare('settled', '2017-09-30', { placementType: 'U4' });
    h.changePlacement('settled', '2018-03-31', 'U4'); // on the 24-month cut-off: still stable
    h.registerChild('adopting', { dateOfBirth: '2012-01-01' });
    h.startCare('adopting', '2017-01-01', { placementType: 'U5' });
    h.changePlacement('adopting', '2019-12-01', 'A5');
    h.registerChild('moved', { dateOfBirth: '2010-01-01' });
    h.startCare('moved', '2017-01-01', { placementType: 'U4' });
    h.changePlacement('moved', '2018-04-01', 'U6');
    h.registerChild('recent', { dateOfBirth: '2010-01-01' });
    h.startCare('recent', '2017-10-01');
    h.registerChild('sixteen', { dateOfBirth: '2004-03-31' });
    h.startCare('sixteen', '2015-01-01');
    const figures = reportFor(h).figures;
    expect(figures['cla.longTermStabilityPercent']).toMatchObject({
      numerator: 2, denominator: 3, value: 66.7, numeratorIds: ['adopting', 'settled'], denominatorIds: ['adopting', 'moved', 'settled'],
    });
  });

  it('counts a voided record nowhere', () => {
    const h = new ReportHistory();
    h.registerChild('wrong', { dateOfBirth: '2010-01-01' });
    const start = h.startCare('wrong', '2019-05-01');
    h.voidRecord(childStream('wrong'), start);
    h.registerChild('ended', { dateOfBirth: '2010-01-01' });
    h.startCare('ended', '2019-05-01');
    const ending = h.endCare('ended', '2019-06-01');
    h.voidRecord(childStream('ended'), ending);
    const figures = reportFor(h).figures;
    expect(figures['cla.started'].ids).toEqual(['ended']);
    expect(figures['cla.ceased'].value).toBe(0);
    expect(figures['cla.atYearEnd'].ids).toEqual(['ended']);
  });

  it('counts nowhere a child whose registration is voided and not entered again (a child the service does not know), and again once re-registered', () => {
    const h = new ReportHistory();
    const registration = h.registerChild('unknown', { dateOfBirth: '2010-01-01' });
    h.startCare('unknown', '2019-05-01');
    h.allocateIro('unknown', '2019-05-01', 'iro-1');
    h.registerChild('known', { dateOfBirth: '2010-01-01' });
    h.startCare('known', '2019-05-01');
    h.voidRecord(childStream('unknown'), registration);
    const figures = reportFor(h).figures;
    expect(figures['cla.atYearEnd'].ids).toEqual(['known']);
    expect(figures['cla.started'].ids).toEqual(['known']);
    expect(figures['iro.caseloadsAtYearEnd'].value).toEqual({});
    h.registerChild('unknown', { dateOfBirth: '2010-02-01' });
    expect(reportFor(h).figures['cla.atYearEnd'].ids).toEqual(['known', 'unknown']);
  });

  it('gives every figure for the previous year with the change', () => {
    const h = new ReportHistory();
    h.registerChild('a', { dateOfBirth: '2010-01-01', sex: 'male' });
    h.startCare('a', '2018-05-01');
    h.registerChild('b', { dateOfBirth: '2010-01-01' });
    h.startCare('b', '2019-05-01');
    h.registerChild('c', { dateOfBirth: '2010-01-01' });
    h.startCare('c', '2019-06-01');
    const atYearEnd = reportFor(h).figures['cla.atYearEnd'];
    expect(atYearEnd.value).toBe(3);
    expect(atYearEnd.previousYear).toMatchObject({ value: 1, ids: ['a'] });
    expect(atYearEnd.change).toBe(2);
    expect(reportFor(h).figures['cla.atYearEnd.bySex'].change).toEqual({ male: 0, female: 2, unknown: 0 });
  });
});
