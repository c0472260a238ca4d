import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';
import { addMonths, ageOn } from './calendar-months';
import { dayOfWeek } from './calendar-date';

describe('working days (England and Wales)', () => {
  it('counts 15 working days from a strategy discussion on Mon 2 Dec 2019 to Mon 23 Dec 2019', () => {
    expect(addWorkingDays('2019-12-02', 15)).toBe('2019-12-23');
  });

  it('carries an ICPC deadline across Christmas and New Year 2019', () => {
    // 16 Dec 2019 + 15: skips 25, 26 Dec and 1 Jan and the weekends
    expect(addWorkingDays('2019-12-16', 15)).toBe('2020-01-09');
  });

  it('knows the early May 2020 bank holiday moved to Friday 8 May (VE day)', () => {
    expect(isWorkingDay('2020-05-08')).toBe(false);
    expect(isWorkingDay('2020-05-04')).toBe(true);
    expect(addWorkingDays('2020-05-07', 1)).toBe('2020-05-11');
  });

  it('does not count the start day, and skips weekends', () => {
    expect(addWorkingDays('2019-11-29', 1)).toBe('2019-12-02'); // Fri -> Mon
    expect(addWorkingDays('2019-11-30', 0)).toBe('2019-11-30');
  });

  it('measures working days between two dates consistently with addWorkingDays', () => {
    expect(workingDaysBetween('2019-12-02', '2019-12-23')).toBe(15);
    expect(workingDaysBetween('2019-12-23', '2019-12-02')).toBe(0);
    expect(workingDaysBetween('2020-05-07', '2020-05-11')).toBe(1);
  });

  it('names days of the week from the date alone', () => {
    expect(dayOfWeek('2019-12-02')).toBe(1);
    expect(dayOfWeek('2020-03-29')).toBe(0); // the day clocks went forward
  });
});

describe('calendar months', () => {
  it('clamps to the last day of the month', () => {
    expect(addMonths('2020-01-31', 3)).toBe('2020-04-30');
    expect(addMonths('2019-11-30', 3)).toBe('2020-02-29');
    expect(addMonths('2018-11-30', 3)).toBe('2019-02-28');
    expect(addMonths('2019-11-29', 3)).toBe('2020-02-29');
  });

  it('goes back with negative months', () => {
    expect(addMonths('2020-03-31', -24)).toBe('2018-03-31');
    expect(addMonths('2020-03-31', -30)).toBe('2017-09-30');
    expect(addMonths('2020-02-29', -12)).toBe('2019-02-28');
  });

  it('gives completed years of age', () => {
    expect(ageOn('2016-03-31', '2020-03-31')).toBe(4);
    expect(ageOn('2016-04-01', '2020-03-31')).toBe(3);
    expect(ageOn('2004-02-29', '2020-02-28')).toBe(15);
  });

  it('gives the same age for dates not written plainly as splitting them does', () => {
    expect(ageOn('2004-02-29', '2020-03-01')).toBe(16);
    expect(ageOn('2020-06-15', '2020-06-15')).toBe(0);
    expect(ageOn('2020-06-15', '2020-06-14')).toBe(-1);
    expect(ageOn('2016-4-1', '2020-03-31')).toBe(3);
    expect(ageOn('2016-04-01', '2020-3-31')).toBe(3);
    expect(ageOn('2016-04-01', '2020-13-31')).toBe(4);
    expect(ageOn('0099-05-05', '0100-05-04')).toBe(0);
  });
});
