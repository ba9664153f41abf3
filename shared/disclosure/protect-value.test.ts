import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HES_2018, STRICT_10 } from './policy';
import { meanDecimals, protectCount, protectRatio, protectStatistic, protectSum } from './protect-value';

const MEAN = { aggregate: 'mean', decimals: 1 } as const;
const MEDIAN = { aggregate: 'median', decimals: 0 } as const;

// The count rule written independently from hes-data.md §5.1: 0 → 0; 1–7 → *; else 5 × round(n/5).
function expectedCount(n: number): number | '*' {
  if (n === 0) return 0;
  if (n <= 7) return '*';
  const r = n % 5;
  return r <= 2 ? n - r : n + (5 - r);
}

describe('hes-2018 count rule', () => {
  it('matches the published examples', () => {
    const shown = (n: number) => { const v = protectCount(HES_2018, n); return v.suppressed ? '*' : v.value; };
    expect([0, 1, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1234].map(shown)).toEqual([0, '*', '*', 10, 10, 10, 10, 10, 15, 15, 15, 1235]);
  });

  it('never releases a true count of 1–7 and always releases multiples of 5 otherwise', () => {
    fc.assert(fc.property(fc.nat({ max: 50_000_000 }), (n) => {
      const v = protectCount(HES_2018, n);
      const expected = expectedCount(n);
      if (expected === '*') expect(v).toEqual({ value: null, suppressed: true });
      else expect(v).toEqual({ value: expected, suppressed: false });
      if (!v.suppressed) expect(v.value! % 5).toBe(0);
      if (n > 7) expect(Math.abs(v.value! - n)).toBeLessThanOrEqual(2);
    }));
  });
});

describe('sums and statistics', () => {
  it('suppresses a sum or statistic when 1–7 records contribute, whatever the value', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 1e6, noNaN: true }), (records, value) => {
      expect(protectSum(HES_2018, value, records)).toEqual({ value: null, suppressed: true });
      expect(protectStatistic(HES_2018, value, records, MEAN)).toEqual({ value: null, suppressed: true });
    }));
  });

  it('rounds sums from 8 records to the nearest 5; means to whole numbers below 15 records, one decimal from 15', () => {
    expect(protectSum(HES_2018, 123, 8)).toEqual({ value: 125, suppressed: false });
    expect(protectSum(HES_2018, 122, 40)).toEqual({ value: 120, suppressed: false });
    expect(protectStatistic(HES_2018, 3.25, 8, MEAN)).toEqual({ value: 3, suppressed: false });
    expect(protectStatistic(HES_2018, 3.25, 12, MEAN)).toEqual({ value: 3, suppressed: false });
    expect(protectStatistic(HES_2018, 3.25, 13, MEAN)).toEqual({ value: 3.3, suppressed: false });
    expect(protectStatistic(HES_2018, 60.450201, 1988, MEAN)).toEqual({ value: 60.5, suppressed: false });
    expect(protectStatistic(HES_2018, 4.5, 40, MEDIAN)).toEqual({ value: 5, suppressed: false });
    expect(protectStatistic(HES_2018, null, 0, MEAN)).toEqual({ value: null, suppressed: false });
    expect(protectSum(HES_2018, null, 0)).toEqual({ value: 0, suppressed: false });
  });

  // The audit inverted 6-decimal means into exact counts: with whole-number data, only the true
  // n in [rounded count ± 2] had a whole-number sum matching the mean. At the published
  // precision every n the rounded count allows must have one.
  it('publishes means no count can be read from: every count the rounded count allows fits the mean', () => {
    for (const policy of [HES_2018, STRICT_10]) {
      fc.assert(fc.property(fc.integer({ min: policy.suppressMax + 1, max: 5000 }), fc.integer({ min: 0, max: 120 }), fc.nat(), (n, base, spread) => {
        const sum = n * base + (spread % (n * 10 + 1)); // whole-number values, any mean
        const shown = protectStatistic(policy, sum / n, n, MEAN);
        const decimals = String(shown.value).split('.')[1]?.length ?? 0;
        const step = 10 ** -meanDecimals(policy, n, 1);
        expect(decimals).toBeLessThanOrEqual(meanDecimals(policy, n, 1));
        const rounded = protectCount(policy, n).value!;
        for (let m = Math.max(rounded - 2, policy.suppressMax + 1); m <= rounded + 2; m++) {
          // Some whole-number sum s has s/m within half a step of the shown mean.
          const lo = Math.ceil(m * (shown.value! - step / 2) - 1e-9);
          const hi = Math.floor(m * (shown.value! + step / 2) + 1e-9);
          expect(hi).toBeGreaterThanOrEqual(lo);
        }
      }));
    }
  });
});

describe('ratios from protected parts', () => {
  it('computes from the rounded figures and suppresses when either part is suppressed', () => {
    // The counterexample CI found: 10/25600 × 100 = 0.0390625 sits exactly between two 6-dp values.
    expect(protectRatio(protectCount(HES_2018, 8), protectCount(HES_2018, 25598), 100).value).toBe(0.039063);
    fc.assert(fc.property(fc.nat({ max: 100_000 }), fc.nat({ max: 100_000 }), (a, b) => {
      const num = protectCount(HES_2018, Math.min(a, b));
      const den = protectCount(HES_2018, Math.max(a, b));
      const r = protectRatio(num, den, 100);
      if (num.suppressed || den.suppressed) expect(r.suppressed).toBe(true);
      else if (den.value === 0) expect(r).toEqual({ value: null, suppressed: false });
      // Ratios are shown to 6 decimal places: within half a millionth of the exact ratio (ties included).
      else expect(Math.abs(r.value! - (num.value! / den.value!) * 100)).toBeLessThanOrEqual(5e-7 + 1e-12);
    }));
  });
});
