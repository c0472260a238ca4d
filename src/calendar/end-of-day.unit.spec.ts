import { endOfDayInLondon } from './calendar-date';

describe('endOfDayInLondon', () => {
  it('is 23:59:59.999 GMT in winter and BST in summer, across both clock changes', () => {
    expect(endOfDayInLondon('2020-01-31').toISOString()).toBe('2020-01-31T23:59:59.999Z');
    expect(endOfDayInLondon('2020-03-28').toISOString()).toBe('2020-03-28T23:59:59.999Z');
    expect(endOfDayInLondon('2020-03-29').toISOString()).toBe('2020-03-29T22:59:59.999Z');
    expect(endOfDayInLondon('2020-07-15').toISOString()).toBe('2020-07-15T22:59:59.999Z');
    expect(endOfDayInLondon('2020-10-24').toISOString()).toBe('2020-10-24T22:59:59.999Z');
    expect(endOfDayInLondon('2020-10-25').toISOString()).toBe('2020-10-25T23:59:59.999Z');
  });
});
