import { parseIsoInstant } from './iso-instant';

describe('parseIsoInstant', () => {
  it('reads an instant with Z or an offset', () => {
    expect(parseIsoInstant('2020-03-31T23:59:59Z')?.toISOString()).toBe('2020-03-31T23:59:59.000Z');
    expect(parseIsoInstant('2020-04-01T00:30:00+01:00')?.toISOString()).toBe('2020-03-31T23:30:00.000Z');
    expect(parseIsoInstant('2020-02-29T10:00:00.123Z')?.toISOString()).toBe('2020-02-29T10:00:00.123Z');
  });

  it('refuses days and times that do not exist, rather than move them', () => {
    for (const text of ['2020-02-30T10:00:00Z', '2021-02-29T10:00:00Z', '2019-11-31T00:00:00Z', '2020-03-31T24:00:00Z', '2020-03-31T23:60:00Z', '2020-03-31T23:59:60Z', '2020-03-31T10:00:00+24:00']) {
      expect(parseIsoInstant(text)).toBeUndefined();
    }
  });

  it('refuses what is not an instant with its offset', () => {
    for (const text of ['2020-03-31', '2020-03-31T10:00:00', 'yesterday', '']) expect(parseIsoInstant(text)).toBeUndefined();
  });
});
