/** A key a JavaScript object keeps first, in numeric order, whatever order it was set in ("7", "12"). */
const isArrayIndex = (key: string): boolean => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/** The order of keys no list names: numbers first, in numeric order (as a JSON object keeps them), then the rest in byte order. */
export function compareOtherKeys(a: string, b: string): number {
  const ai = isArrayIndex(a);
  const bi = isArrayIndex(b);
  if (ai && bi) return Number(a) - Number(b);
  if (ai !== bi) return ai ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The keys of one or more counts (a year, the year before), each once, in a stable order:
 * the listed keys in their order, then every other key sorted. Adding a child never moves
 * a row; a key only one year has takes its sorted place among the others.
 */
export function orderedKeys(listed: readonly string[], ...counts: (object | null | undefined)[]): string[] {
  const present = new Set<string>();
  for (const record of counts) if (record) for (const key of Object.keys(record)) present.add(key);
  const first = listed.filter((key) => present.has(key));
  const others = [...present].filter((key) => !listed.includes(key)).sort(compareOtherKeys);
  return [...first, ...others];
}
