import { reportFor } from './testing/report-for';
import { ReportHistory } from './testing/report-history';

describe('child protection figures', () => {
  it('counts children on a plan during the year and at year end, a plan spanning year end in both years', () => {
    const h = new ReportHistory();
    h.registerChild('span', { dateOfBirth: '2015-01-01', sex: 'male' });
    h.startPlan('span', '2019-10-01');
    h.endPlan('span', '2020-06-01');
    h.registerChild('ended', { dateOfBirth: '2015-01-01' });
    h.startPlan('ended', '2018-10-01');
    h.endPlan('ended', '2019-04-01'); // ends on the first day: on a plan during the year, not at its end
    h.registerChild('old', { dateOfBirth: '2015-01-01' });
    h.startPlan('old', '2017-10-01');
    h.endPlan('old', '2018-10-01');
    const report = reportFor(h);
    expect(report.figures['cp.plansDuringYear']).toMatchObject({ value: 2, ids: ['ended', 'span'] });
    expect(report.figures['cp.atYearEnd']).toMatchObject({ value: 1, ids: ['span'] });
    expect(report.figures['cp.ratePer10k']).toMatchObject({ value: 0.3, numerator: 1, denominator: 32751 });
    expect(reportFor(h, 2020).figures['cp.plansDuringYear'].ids).toEqual(['span']);
  });

  it('counts an unborn child apart from the sexes, and by sex once born', () => {
    const h = new ReportHistory();
    h.registerChild('unborn', { expectedDateOfBirth: '2020-05-01', sex: 'unknown' });
    h.startPlan('unborn', '2020-01-15');
    h.registerChild('born', { expectedDateOfBirth: '2020-03-01', sex: 'unknown' });
    h.startPlan('born', '2020-01-15');
    h.registerChild('girl', { dateOfBirth: '2016-01-01', sex: 'female' });
    h.startPlan('girl', '2020-01-15');
    expect(reportFor(h).figures['cp.atYearEnd.bySex'].value).toEqual({ male: 0, female: 1, unknown: 1, unborn: 1 });
  });

  it('keeps an unborn child unborn at year end when the birth, after it, is recorded later', () => {
    const h = new ReportHistory();
    const expected = h.registerChild('baby', { expectedDateOfBirth: '2020-05-20', sex: 'unknown' });
    h.startPlan('baby', '2020-01-15');
    h.voidRecord('child-baby', expected);
    h.registerChild('baby', { dateOfBirth: '2020-05-18', sex: 'female' });
    expect(reportFor(h).figures['cp.atYearEnd.bySex'].value).toEqual({ male: 0, female: 0, unknown: 0, unborn: 1 });
    expect(reportFor(h, 2020).figures['cp.atYearEnd.bySex'].value).toEqual({ male: 0, female: 1, unknown: 0, unborn: 0 });
  });

  it('measures initial conferences against 15 working days from the strategy discussion', () => {
    const h = new ReportHistory();
    h.registerChild('a', { dateOfBirth: '2015-01-01' });
    h.startPlan('a', '2019-12-23', 'NEG', { strategyDiscussionOn: '2019-12-02' }); // due Mon 23 Dec: in time
    h.registerChild('b', { dateOfBirth: '2015-01-01' });
    h.holdConference('b', '2020-01-10', { type: 'initial', outcome: 'no-plan', strategyDiscussionOn: '2019-12-16' }); // due 9 Jan: late
    const figures = reportFor(h).figures;
    expect(figures['cp.initialConferences']).toMatchObject({ value: 2 });
    expect(figures['cp.initialConferencesInTimescalePercent']).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it('measures review conferences: the first 3 months after the initial conference, then 6 months apart', () => {
    const h = new ReportHistory();
    h.registerChild('c', { dateOfBirth: '2015-01-01' });
    h.startPlan('c', '2019-04-30');
    h.holdConference('c', '2019-07-31', { type: 'review', outcome: 'plan-continued', conferenceId: 'late' }); // due 2019-07-30
    h.holdConference('c', '2020-01-31', { type: 'review', outcome: 'plan-continued', conferenceId: 'on-time' }); // due 2020-01-31
    const figure = reportFor(h).figures['cp.reviewConferencesInTimescalePercent'];
    expect(figure).toMatchObject({ value: 50, numeratorIds: ['on-time'], denominatorIds: ['late', 'on-time'] });
  });

  it('breaks plans started in the year down by category, with percents', () => {
    const h = new ReportHistory();
    (['NEG', 'NEG', 'EMO', 'PHY'] as const).forEach((category, i) => {
      h.registerChild(`c${i}`, { dateOfBirth: '2015-01-01' });
      h.startPlan(`c${i}`, '2019-06-01', category);
    });
    expect(reportFor(h).figures['cp.plansStarted.byCategory']).toMatchObject({
      value: { NEG: 2, EMO: 1, PHY: 1, SAB: 0, MUL: 0 },
      percent: { NEG: 50, EMO: 25, PHY: 25, SAB: 0, MUL: 0 },
    });
  });

  it('finds plans ending in the year that lasted 2 years, and plans open over 15 and 18 months', () => {
    const h = new ReportHistory();
    h.registerChild('long', { dateOfBirth: '2010-01-01' });
    h.startPlan('long', '2017-06-01');
    h.endPlan('long', '2019-06-01'); // exactly 24 months
    h.registerChild('short', { dateOfBirth: '2010-01-01' });
    h.startPlan('short', '2018-06-01');
    h.endPlan('short', '2019-06-01');
    h.registerChild('open16', { dateOfBirth: '2010-01-01' });
    h.startPlan('open16', '2018-11-30');
    h.registerChild('open18', { dateOfBirth: '2010-01-01' });
    h.startPlan('open18', '2018-09-30');
    const figures = reportFor(h).figures;
    expect(figures['cp.plansEndedLasting2YearsPercent']).toMatchObject({ value: 50, numeratorIds: ['long:2017-06-01'] });
    expect(figures['cp.openOver15Months'].ids).toEqual(['open16:2018-11-30', 'open18:2018-09-30']);
    expect(figures['cp.openOver18Months'].ids).toEqual(['open18:2018-09-30']);
  });

  it('counts repeat plans: any earlier plan or previous plans given, and within 2 years of an earlier plan ending', () => {
    const h = new ReportHistory();
    h.registerChild('repeat', { dateOfBirth: '2012-01-01', familyId: 'f1' });
    h.startPlan('repeat', '2016-01-01');
    h.endPlan('repeat', '2017-01-01');
    h.startPlan('repeat', '2019-06-01'); // earlier plan ended 2017-01-01, before 2017-06-01: not within 2 years
    h.registerChild('recent', { dateOfBirth: '2012-01-01', familyId: 'f1' });
    h.startPlan('recent', '2018-05-01');
    h.endPlan('recent', '2018-12-01');
    h.startPlan('recent', '2019-07-01');
    h.registerChild('imported', { dateOfBirth: '2012-01-01' });
    h.startPlan('imported', '2019-08-01', 'EMO', { previousPlanCount: 2 });
    h.registerChild('first', { dateOfBirth: '2012-01-01' });
    h.startPlan('first', '2019-09-01');
    const figures = reportFor(h).figures;
    expect(figures['cp.repeatPlansPercent']).toMatchObject({
      value: 75, numerator: 3, denominator: 4, numeratorIds: ['imported:2019-08-01', 'recent:2019-07-01', 'repeat:2019-06-01'],
    });
    expect(figures['cp.repeatPlansWithin2YearsPercent']).toMatchObject({ value: 25, numeratorIds: ['recent:2019-07-01'] });
  });

  it('finds the repeat-plan cohort: 2 or more plans starting in the last 2 years, and their families', () => {
    const h = new ReportHistory();
    for (const [childId, familyId] of [['s1', 'f1'], ['s2', 'f1'], ['lone', undefined]] as const) {
      h.registerChild(childId, { dateOfBirth: '2012-01-01', familyId });
      h.startPlan(childId, '2018-05-01');
      h.endPlan(childId, '2018-12-01');
      h.startPlan(childId, '2019-07-01');
    }
    h.registerChild('early', { dateOfBirth: '2012-01-01', familyId: 'f2' });
    h.startPlan('early', '2018-03-31'); // not after 31 March 2018
    h.endPlan('early', '2018-12-01');
    h.startPlan('early', '2019-07-01');
    expect(reportFor(h).figures['cp.repeatPlanCohort']).toMatchObject({ value: { children: 3, families: 2 }, ids: ['lone', 's1', 's2'] });
  });

  it('counts a voided plan-ending conference nowhere: the plan stays open', () => {
    const h = new ReportHistory();
    h.registerChild('c', { dateOfBirth: '2012-01-01' });
    h.startPlan('c', '2019-05-01');
    const ending = h.endPlan('c', '2020-01-01');
    h.voidRecord('child-c', ending);
    expect(reportFor(h).figures['cp.atYearEnd'].ids).toEqual(['c']);
  });
});
