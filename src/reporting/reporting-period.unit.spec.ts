import { reportingYearNotStarted, reportingYearOf } from './reporting-period';

describe('reporting years', () => {
  it('puts 31 March in the year before and 1 April in its own year', () => {
    expect(reportingYearOf('2020-03-31')).toBe(2019);
    expect(reportingYearOf('2020-04-01')).toBe(2020);
  });

  it('has nothing to report for a year before its 1 April, and reports a year under way', () => {
    expect(reportingYearNotStarted(2020, '2020-03-31')).toBe(
      'reporting year 2020 starts on 2020-04-01, after today (2020-03-31): there is nothing to report yet',
    );
    expect(reportingYearNotStarted(2020, '2020-04-01')).toBeUndefined();
    expect(reportingYearNotStarted(2019, '2020-03-31')).toBeUndefined();
    expect(reportingYearNotStarted(2030, '2026-11-27')).toMatch(/^reporting year 2030 starts on 2030-04-01/);
  });
});
