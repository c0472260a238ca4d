import fc from 'fast-check';
import { isCalendarDate } from './calendar-date';

/** isCalendarDate as it was first written, through a pattern and a Date: the digit-by-digit reading must agree with it. */
function isCalendarDateThroughDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

describe('isCalendarDate', () => {
  it('takes real dates written yyyy-mm-dd', () => {
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('0100-01-01')).toBe(true);
    expect(isCalendarDate('9999-12-31')).toBe(true);
  });

  it('refuses dates that do not exist, other layouts and years before 100', () => {
    for (const value of ['2019-02-29', '1900-02-29', '2020-04-31', '2020-13-01', '2020-00-10', '2020-01-00', '2020-1-01',
      '2020-01-01\n', ' 2020-01-01', '2020/01/01', '0099-12-31', '', 20200101, null, undefined]) {
      expect(isCalendarDate(value)).toBe(false);
    }
  });

  it('agrees with the definition through Date', () => {
    const digits = (length: number) => fc.integer({ min: 0, max: 10 ** length - 1 }).map((n) => String(n).padStart(length, '0'));
    const written = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(fc.property(fc.oneof(written, fc.string({ maxLength: 12 })), (value) => {
      expect(isCalendarDate(value)).toBe(isCalendarDateThroughDate(value));
    }), { numRuns: 20_000 });
  });
});
