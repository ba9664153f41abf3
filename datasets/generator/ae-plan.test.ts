// A&E plan: exact volume and 4-hour quotas, ECDS disposal codes.

import { describe, expect, it } from 'vitest';
import { planAeYear } from './ae-plan';
import { AE_ATTENDANCES, AE_WITHIN_4H } from './targets';

describe('planAeYear', () => {
  for (const [fyear, scale] of [['2324', 1], ['2021', 0.01], ['1920', 0.0005]] as const) {
    it(`hits the volume and the 4-hour share exactly for ${fyear} at scale ${scale}`, () => {
      const p = planAeYear(fyear, scale);
      const volume = Math.round((AE_ATTENDANCES.get(fyear) ?? 0) * scale);
      expect(p.strata.reduce((a, s) => a + s.n, 0)).toBe(volume);
      const within = p.strata.filter((s) => s.within4h).reduce((a, s) => a + s.n, 0);
      expect(within).toBe(Math.round((AE_WITHIN_4H.get(fyear) ?? 0) * volume));
      const admitted = p.strata.filter((s) => s.disposal === '01').reduce((a, s) => a + s.n, 0);
      expect(admitted / volume).toBeGreaterThan(0.24);
      expect(admitted / volume).toBeLessThan(0.32);
    });
  }

  it('uses only ECDS-mapped disposals from 2020-21', () => {
    const codes = new Set(planAeYear('2223', 0.01).strata.map((s) => s.disposal));
    for (const c of codes) expect(['01', '02', '03', '07', '10', '12', '14']).toContain(c);
    expect(planAeYear('1920', 0.01).ecds).toBe(false);
  });
});
