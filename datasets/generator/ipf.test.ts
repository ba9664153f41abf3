// Iterative proportional fitting: margins met, zeros kept, infeasible margins reported.

import { describe, expect, it } from 'vitest';
import { fitIpf, marginOf } from './ipf';

describe('fitIpf', () => {
  it('matches both margins of a 2-D table and keeps structural zeros', () => {
    const prior = Float64Array.from([1, 1, 0, 1, 2, 1]); // 2 × 3
    const rows = [0.4, 0.6];
    const cols = [0.3, 0.5, 0.2];
    const { table, maxError } = fitIpf(prior, [2, 3], [{ axis: 0, target: rows }, { axis: 1, target: cols }]);
    expect(maxError).toBeLessThan(1e-9);
    expect(marginOf(table, [2, 3], 0)).toEqual(rows.map((r) => expect.closeTo(r, 9)));
    expect(marginOf(table, [2, 3], 1)).toEqual(cols.map((c) => expect.closeTo(c, 9)));
    expect(table[2]).toBe(0);
  });

  it('fits three one-dimensional margins of a 3-D table', () => {
    const dims = [3, 2, 4];
    const prior = Float64Array.from({ length: 24 }, (_, i) => 1 + (i % 5));
    const margins = [
      { axis: 0, target: [0.2, 0.3, 0.5] },
      { axis: 1, target: [0.45, 0.55] },
      { axis: 2, target: [0.1, 0.2, 0.3, 0.4] },
    ];
    const { table, maxError } = fitIpf(prior, dims, margins);
    expect(maxError).toBeLessThan(1e-9);
    for (const m of margins) marginOf(table, dims, m.axis).forEach((v, k) => expect(v).toBeCloseTo(m.target[k] ?? NaN, 9));
  });

  it('reports a residual error when the margins cannot all hold', () => {
    // Row 0 can only use column 0, which the column margin caps below row 0's target.
    const prior = Float64Array.from([1, 0, 1, 1]);
    const { maxError } = fitIpf(prior, [2, 2], [{ axis: 0, target: [0.6, 0.4] }, { axis: 1, target: [0.3, 0.7] }], 1e-12, 200);
    expect(maxError).toBeGreaterThan(0.01);
  });
});
