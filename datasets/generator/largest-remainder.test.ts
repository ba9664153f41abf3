// Quota allocation: exact totals, bounded rounding, unbiased systematic rounding.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, allocateSystematic } from './largest-remainder';

describe('allocate (largest remainder)', () => {
  it('splits exactly and favours the largest remainders', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(allocate(9, [0.5, 0.3, 0.2])).toEqual([4, 3, 2]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
    expect(allocate(5, [0, 1, 0])).toEqual([0, 5, 0]);
  });

  it('always sums to the total, never goes negative and stays within one of the quota', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }),
      (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = allocate(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(Math.abs(p - ((weights[i] ?? 0) / sum) * total)).toBeLessThan(1);
          if ((weights[i] ?? 0) === 0) expect(p).toBe(0);
        });
      },
    ));
  });

  it('rejects impossible inputs', () => {
    expect(() => allocate(3, [0, 0])).toThrow(RangeError);
    expect(() => allocate(-1, [1])).toThrow(RangeError);
    expect(() => allocate(1.5, [1])).toThrow(RangeError);
  });
});

describe('allocateSystematic', () => {
  it('sums exactly, stays within one of each quota and keeps zero weights at zero', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 100_000 }),
      fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 90 }),
      fc.double({ min: 0, max: 0.999999, noNaN: true }),
      (total, weights, offset) => {
        fc.pre(weights.some((w) => w > 0.001));
        const parts = allocateSystematic(total, weights, offset);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(Math.abs(p - ((weights[i] ?? 0) / sum) * total)).toBeLessThan(1 + 1e-6);
        });
      },
    ));
  });

  it('is unbiased over offsets where largest remainder always favours the big cell', () => {
    // One unit over 60/40 cells: largest remainder always gives it to the first cell.
    let first = 0;
    for (let k = 0; k < 100; k++) first += allocateSystematic(1, [0.6, 0.4], k / 100)[0] ?? 0;
    expect(first).toBe(60);
    expect(allocate(1, [0.6, 0.4])).toEqual([1, 0]);
  });
});
