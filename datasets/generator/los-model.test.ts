// Length of stay: exact class totals and the bed-days multiplier fit.

import { describe, expect, it } from 'vitest';
import { classTotal, fitLosMultiplier, LOS_CLASSES, losParams, losValue, totalBedDays } from './los-model';

describe('length-of-stay model', () => {
  it('classTotal equals the brute-force sum of quantile values', () => {
    for (const cls of [0, 7, 20, 33, 59]) {
      for (const n of [1, 5, 123, 4000]) {
        const p = { ...losParams(cls), alpha: losParams(cls).alpha * 1.3 };
        let brute = 0;
        for (let j = 0; j < n; j++) brute += losValue((j + 0.5) / n, p);
        expect(classTotal(n, p)).toBe(brute);
      }
    }
  });

  it('fits a multiplier that hits the bed-days target within 0.5%', () => {
    const counts = Array.from({ length: LOS_CLASSES }, (_, c) => (c % 3 === 0 ? 2000 : 300));
    const target = 5.03 * counts.reduce((a, b) => a + b, 0);
    const lambda = fitLosMultiplier(counts, target);
    expect(Math.abs(totalBedDays(counts, lambda) / target - 1)).toBeLessThan(0.005);
  });
});
