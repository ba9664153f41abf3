import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HES_2018 } from './policy';
import { protectCount, protectRatio, protectStatistic, protectSum } from './protect-value';

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
      expect(protectStatistic(HES_2018, value, records)).toEqual({ value: null, suppressed: true });
    }));
  });

  it('rounds sums from 8 records to the nearest 5 and shows statistics as they are', () => {
    expect(protectSum(HES_2018, 123, 8)).toEqual({ value: 125, suppressed: false });
    expect(protectSum(HES_2018, 122, 40)).toEqual({ value: 120, suppressed: false });
    expect(protectStatistic(HES_2018, 3.25, 8)).toEqual({ value: 3.25, suppressed: false });
    expect(protectStatistic(HES_2018, null, 0)).toEqual({ value: null, suppressed: false });
    expect(protectSum(HES_2018, null, 0)).toEqual({ value: 0, suppressed: false });
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
