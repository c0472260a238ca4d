import { SeededRandom } from '../../history-generator/seeded-random';

/**
 * How a target table's percentages become exact counts, and how exactly that many
 * records are chosen: every choice goes through the seeded PRNG, so a profile always
 * gives the same history.
 */

/** round(percent x total / 100), half up: the count whose percentage reads as `percent`. */
export function countOf(percent: number, total: number): number {
  return Math.round((percent * total) / 100);
}

/**
 * Splits `total` by shares (percentages) so the counts sum to `total` exactly: each key
 * gets the floor of its share, the rest go to the largest remainders (ties: key order).
 */
export function countsFromShares<K extends string>(shares: Partial<Record<K, number>>, total: number): Record<K, number> {
  const keys = Object.keys(shares) as K[];
  const sum = keys.reduce((acc, key) => acc + (shares[key] ?? 0), 0);
  if (sum <= 0) throw new Error('countsFromShares: the shares sum to nothing');
  const exact = keys.map((key) => ((shares[key] ?? 0) * total) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = keys.map((_, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    counts[i] += 1;
    left -= 1;
  }
  const result = {} as Record<K, number>;
  keys.forEach((key, i) => (result[key] = counts[i]));
  return result;
}

/** A shuffled copy (Fisher-Yates). */
export function shuffled<T>(random: SeededRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Exactly `count` distinct items, or an error naming what could not be found. */
export function chooseExactly<T>(random: SeededRandom, items: readonly T[], count: number, what: string): T[] {
  if (count > items.length) {
    throw new SeedPlanError(`needs ${count} ${what} but only ${items.length} fit`);
  }
  return shuffled(random, items).slice(0, count);
}

/** Exactly `count` distinct items, more likely the heavier ones (weights > 0). */
export function chooseWeighted<T>(
  random: SeededRandom, items: readonly T[], weightOf: (item: T) => number, count: number, what: string,
): T[] {
  if (count > items.length) throw new SeedPlanError(`needs ${count} ${what} but only ${items.length} fit`);
  // Efraimidis-Spirakis: the largest u^(1/w) keys
  const keyed = items.map((item) => ({ item, key: Math.log(random.next() || Number.MIN_VALUE) / weightOf(item) }));
  keyed.sort((a, b) => b.key - a.key);
  return keyed.slice(0, count).map((k) => k.item);
}

/** The profile cannot be built as asked: a bug in the profile or the generator, never patched over. */
export class SeedPlanError extends Error {
  constructor(message: string) {
    super(`seed profile cannot be built: ${message}`);
    this.name = 'SeedPlanError';
  }
}
