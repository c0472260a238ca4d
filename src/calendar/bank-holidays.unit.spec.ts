import { bankHolidaysIn } from './bank-holidays';
import { addWorkingDays } from './working-days';

/** weekdays only: the package also names the weekend days a substitute day replaces */
const weekdayHolidays = (year: number): string[] =>
  [...bankHolidaysIn(year)].filter((date) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())).sort();

describe('England and Wales bank holidays', () => {
  it('are gov.uk’s list (https://www.gov.uk/bank-holidays.json, england-and-wales) for 2022-2027: fails when the package disagrees', () => {
    expect(weekdayHolidays(2022)).toEqual(['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27']);
    expect(weekdayHolidays(2023)).toEqual(['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']);
    expect(weekdayHolidays(2024)).toEqual(['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']);
    expect(weekdayHolidays(2025)).toEqual(['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']);
    expect(weekdayHolidays(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    expect(weekdayHolidays(2027)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
  });

  it('include the one-off and moved days before 2016 the package gets wrong', () => {
    expect(weekdayHolidays(2012)).toEqual(['2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27', '2012-12-25', '2012-12-26']);
    expect(weekdayHolidays(2002)).toContain('2002-06-03');
    expect(weekdayHolidays(2002)).not.toContain('2002-05-27');
    expect(weekdayHolidays(2011)).toContain('2011-04-29');
    expect(weekdayHolidays(1999)).toContain('1999-12-31');
    expect(weekdayHolidays(1995)).toEqual(expect.arrayContaining(['1995-05-08']));
    expect(weekdayHolidays(1995)).not.toContain('1995-05-01');
  });

  it('move a deadline across them: 20 working days from 29 May 2012 is 28 June (4 and 5 June were holidays)', () => {
    expect(addWorkingDays('2012-05-29', 20)).toBe('2012-06-28');
  });
});
