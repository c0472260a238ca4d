import { SeededRandom } from '../../history-generator/seeded-random';
import { chooseExactly, chooseWeighted, countOf, countsFromShares, SeedPlanError, shuffled } from './exact-counts';

describe('exact counts from a target table', () => {
  it('reads a percentage as the count that rounds to it', () => {
    expect(countOf(13.8, 619)).toBe(85);
    expect(countOf(89, 1434)).toBe(1276);
    expect(countOf(64.5, 166)).toBe(107);
  });

  it('splits a total by shares to exactly the total, the rest to the largest remainders', () => {
    const counts = countsFromShares({ NEG: 61.3, EMO: 30, PHY: 7, SAB: 1.6, MUL: 0.1 }, 330);
    expect(counts).toEqual({ NEG: 202, EMO: 99, PHY: 23, SAB: 5, MUL: 1 });
    expect(Object.values(countsFromShares({ male: 51, female: 47, unborn: 2 }, 379))).toEqual([193, 178, 8]);
  });

  it('scales shares that do not sum to 100', () => {
    expect(countsFromShares({ a: 1, b: 1, c: 1 }, 10)).toEqual({ a: 4, b: 3, c: 3 });
  });

  it('chooses exactly n distinct items, the same for the same seed', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const first = chooseExactly(new SeededRandom(7), items, 12, 'items');
    expect(new Set(first).size).toBe(12);
    expect(chooseExactly(new SeededRandom(7), items, 12, 'items')).toEqual(first);
    expect(shuffled(new SeededRandom(7), items).sort((a, b) => a - b)).toEqual(items);
    expect(chooseWeighted(new SeededRandom(7), items, (i) => i + 1, 5, 'items')).toHaveLength(5);
  });

  it('fails loudly when the items cannot give the count asked for', () => {
    expect(() => chooseExactly(new SeededRandom(1), [1, 2], 3, 'late reviews')).toThrow(SeedPlanError);
    expect(() => chooseExactly(new SeededRandom(1), [1, 2], 3, 'late reviews')).toThrow('needs 3 late reviews but only 2 fit');
  });
});
