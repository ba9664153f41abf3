// Deterministic permutations and hash fractions used for quota scattering.

import { describe, expect, it } from 'vitest';
import { hashFraction, permutationFor, permute } from './permutation';

describe('permutationFor', () => {
  it('is a bijection on 0…n-1 for many n', () => {
    for (const n of [1, 2, 3, 10, 97, 100, 1024, 4095, 10_000]) {
      const p = permutationFor(n, hashFraction(n, 7));
      const seen = new Set<number>();
      for (let r = 0; r < n; r++) seen.add(permute(p, r));
      expect(seen.size).toBe(n);
      expect(Math.min(...seen)).toBe(0);
      expect(Math.max(...seen)).toBe(n - 1);
    }
  });

  it('spreads consecutive ranks across the range', () => {
    const p = permutationFor(1000, 0);
    const firstTenth = Array.from({ length: 100 }, (_, r) => permute(p, r));
    const deciles = new Set(firstTenth.map((v) => Math.floor(v / 100)));
    expect(deciles.size).toBe(10);
  });

  it('hashFraction is deterministic and in [0, 1)', () => {
    expect(hashFraction(1, 2, 3)).toBe(hashFraction(1, 2, 3));
    expect(hashFraction(1, 2, 3)).not.toBe(hashFraction(1, 2, 4));
    for (let i = 0; i < 1000; i++) {
      const f = hashFraction(i, 20240331);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
  });
});
