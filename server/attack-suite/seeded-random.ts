// A small seeded generator (mulberry32) so every attacker's choice of targets, filters and
// paddings is reproducible from (family, dataset, seed) and printed with each failure.

import { mulberry32 } from '../../bench/seeded-random';

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [low, high]. */
  int(low: number, high: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
}

export function seededRandom(...parts: readonly (string | number)[]): SeededRandom {
  // The parts hashed (FNV-1a) into mulberry32's seed.
  let seed = 2166136261;
  for (const ch of parts.join('|')) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
  const next = mulberry32(seed);
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return {
    next, int, shuffle,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    sample: <T>(items: readonly T[], count: number): T[] => shuffle(items).slice(0, count),
  };
}
