import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, allocateTable } from './largest-remainder';

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

describe('allocateTable', () => {
  it('meets both margins exactly and stays near independence', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 30 }),
      fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }),
      (rows, colWeights) => {
        const total = rows.reduce((a, b) => a + b, 0);
        const cols = allocate(total, colWeights);
        const table = allocateTable(rows, cols);
        table.forEach((row, i) => expect(row.reduce((a, b) => a + b, 0)).toBe(rows[i]));
        cols.forEach((c, j) => expect(table.reduce((a, row) => a + (row[j] ?? 0), 0)).toBe(c));
        table.flat().forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
      },
    ));
  });

  it('does not pile small rows onto the largest column', () => {
    // 50 rows of 1 unit over columns 60/40: a per-row allocation would give column 0 all 50.
    const table = allocateTable(Array.from({ length: 50 }, () => 1), [30, 20]);
    expect(table.reduce((a, r) => a + (r[0] ?? 0), 0)).toBe(30);
  });

  it('rejects margins with different sums', () => {
    expect(() => allocateTable([1, 2], [4])).toThrow(RangeError);
  });
});
