/**
 * The district (outward code) of a UK postcode: "TS1 4AB" and "TS14AB" give "TS1".
 * The inward code is always a digit and two letters, so it is the last three characters.
 */
export function postcodeDistrict(postcode: string): string | null {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(compact)) return null;
  return compact.slice(0, -3);
}

/**
 * Whether a placement postcode lies outside the authority's own districts. The DfE derives
 * PL_LOCATION from the postcode itself, so the return does not carry it. A blank or
 * unreadable postcode, or an authority with no districts configured, counts as inside.
 */
export function isOutsideAuthority(placementPostcode: string, authorityDistricts: ReadonlySet<string>): boolean {
  if (authorityDistricts.size === 0) return false;
  const district = postcodeDistrict(placementPostcode);
  return district !== null && !authorityDistricts.has(district);
}

export const districtSet = (districts: readonly string[]): ReadonlySet<string> =>
  new Set(districts.map((district) => district.replace(/\s+/g, '').toUpperCase()));
