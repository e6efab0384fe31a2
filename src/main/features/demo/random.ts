// A small seedable PRNG (mulberry32), so the same seed always makes the same sample data.
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  /** Items with weights, e.g. surnames by frequency. */
  weighted<T>(table: WeightedTable<T>): T;
  chance(p: number): boolean;
  digits(n: number): string;
}

export interface WeightedTable<T> {
  items: readonly T[];
  /** Running totals of the weights, for a binary search. */
  cumulative: number[];
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  let total = 0;
  return { items: entries.map(([item]) => item), cumulative: entries.map(([, w]) => (total += w)) };
}

export function createRandom(seed: number): Random {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted({ items, cumulative }) {
      const r = next() * cumulative[cumulative.length - 1];
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      return items[lo];
    },
    chance: (p) => next() < p,
    digits: (n) => Array.from({ length: n }, () => int(0, 9)).join(''),
  };
}
