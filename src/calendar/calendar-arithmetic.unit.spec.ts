import fc from 'fast-check';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from './calendar-date';
import { addMonths } from './calendar-months';

/** The definitions through Date, as they were first written: the integer arithmetic must agree with them. */
const MS_PER_DAY = 86_400_000;
const toDayNumberByDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
};
const fromDayNumberByDate = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const addMonthsByDate = (date: string, months: number) => {
  const [y, m, d] = date.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
};

const dayNumbers = fc.integer({ min: -400_000, max: 2_900_000 });

describe('calendar arithmetic without Date objects agrees with Date', () => {
  it('day numbers both ways, over years 0905 to 9909', () => {
    fc.assert(
      fc.property(dayNumbers, (day) => fromDayNumber(day) === fromDayNumberByDate(day) && toDayNumber(fromDayNumberByDate(day)) === day),
      { numRuns: 2000 },
    );
  });

  it('the dates around leap days, century years and the Gregorian 400-year rule', () => {
    for (const date of ['1900-02-28', '1900-03-01', '2000-02-29', '2000-03-01', '2100-02-28', '2020-02-29', '1970-01-01', '1969-12-31', '9999-12-31', '1000-01-01']) {
      expect(toDayNumber(date)).toBe(toDayNumberByDate(date));
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });

  it('unusual input goes the old way: out-of-range months and days roll over as Date does', () => {
    for (const date of ['2019-02-30', '2019-00-10', '2019-15-10', '2019-13-01', '0050-06-01', '2019-1-5']) {
      expect(toDayNumber(date)).toBe(toDayNumberByDate(date));
    }
    expect(fromDayNumber(1.5)).toBe(fromDayNumberByDate(1.5));
    for (const date of ['2019-1-5', '2019-02-31', '0050-06-30', '2019-13-01']) expect(addMonths(date, 1)).toBe(addMonthsByDate(date, 1));
  });

  it('addDays and dayOfWeek', () => {
    fc.assert(
      fc.property(dayNumbers, fc.integer({ min: -800, max: 800 }), (day, days) => {
        const date = fromDayNumberByDate(day);
        return addDays(date, days) === fromDayNumberByDate(day + days) && dayOfWeek(date) === new Date(day * MS_PER_DAY).getUTCDay();
      }),
      { numRuns: 2000 },
    );
  });

  it('addMonths, clamped to the month end', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_800_000 }), fc.integer({ min: -60, max: 60 }), (day, months) => {
        const date = fromDayNumberByDate(day);
        return addMonths(date, months) === addMonthsByDate(date, months);
      }),
      { numRuns: 2000 },
    );
  });
});
