import { districtSet, isOutsideAuthority, postcodeDistrict } from './postcode-district';

describe('a placement outside the authority, from its postcode district', () => {
  const own = districtSet(['TS1', 'ts2 ']);

  it('reads the district (outward code) with or without the space', () => {
    expect(['TS1 4AB', 'ts14ab', 'SW1A 1AA', 'M1 1AE', 'EC1A1BB'].map(postcodeDistrict)).toEqual(['TS1', 'TS1', 'SW1A', 'M1', 'EC1A']);
    expect(['', 'XXXXXXX', 'TS1'].map(postcodeDistrict)).toEqual([null, null, null]);
  });

  it('is outside when the district is not one of the authority\'s own', () => {
    expect(isOutsideAuthority('TS2 5XY', own)).toBe(false);
    expect(isOutsideAuthority('TS10 1AA', own)).toBe(true);
    expect(isOutsideAuthority('DL1 1AA', own)).toBe(true);
  });

  it('counts a blank or unreadable postcode, or an authority without districts, as inside', () => {
    expect(isOutsideAuthority('', own)).toBe(false);
    expect(isOutsideAuthority('unknown', own)).toBe(false);
    expect(isOutsideAuthority('DL1 1AA', districtSet([]))).toBe(false);
  });
});
