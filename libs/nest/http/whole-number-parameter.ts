/**
 * A query parameter written in digits only, as its number: `100`, not `1e2`, `0x10`, ` 5`
 * or `2.5` (which Number() would read); NaN for anything else, for the caller to refuse.
 */
export function wholeNumberParameter(text: string): number {
  return /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
}
