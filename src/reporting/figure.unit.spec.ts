import { breakdownFigure, percentFigure, roundedRatio } from './figure';

describe('figure arithmetic', () => {
  it('rounds to one decimal place, half away from zero, without float drift', () => {
    expect(roundedRatio(85, 619, 100)).toBe(13.7);
    expect(roundedRatio(1, 8, 100)).toBe(12.5);
    expect(roundedRatio(1, 16, 100)).toBe(6.3); // 6.25 -> 6.3
    expect(roundedRatio(-1, 16, 100)).toBe(-6.3);
    expect(roundedRatio(3, 40, 100)).toBe(7.5);
    expect(roundedRatio(619, 32751, 10_000)).toBe(189);
  });

  it('gives a percent with its numerator, denominator and ids, and null with the reason for a zero denominator', () => {
    expect(percentFigure(['a'], ['a', 'b', 'c'], 'none')).toEqual({
      value: 33.3, numerator: 1, denominator: 3, numeratorIds: ['a'], denominatorIds: ['a', 'b', 'c'],
    });
    expect(percentFigure([], [], 'no review held')).toMatchObject({ value: null, reason: 'no review held', denominator: 0 });
  });

  it('lists every key of a breakdown with 0 where nothing counts, and extra keys after them', () => {
    expect(breakdownFigure([{ id: 'x', key: 'b' }, { id: 'y', key: 'z' }], ['a', 'b'], { percent: true })).toEqual({
      value: { a: 0, b: 1, z: 1 }, percent: { a: 0, b: 50, z: 50 }, ids: ['x', 'y'], idsByKey: { a: [], b: ['x'], z: ['y'] },
    });
  });
});

describe('completed years', () => {
  it('agrees with the calendar on birthdays, leap days and the day before', () => {
    const { completedYears } = jest.requireActual('./age-groups') as typeof import('./age-groups');
    const { ageOn } = jest.requireActual('../calendar/calendar-months') as typeof import('../calendar/calendar-months');
    for (const [dob, date] of [['2016-03-31', '2020-03-31'], ['2016-04-01', '2020-03-31'], ['2004-02-29', '2020-02-28'], ['2004-02-29', '2020-02-29'], ['2004-02-29', '2021-03-01'], ['2019-12-31', '2020-01-01']]) {
      expect(completedYears(dob, date)).toBe(ageOn(dob, date));
    }
  });
});
