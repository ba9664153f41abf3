// OP plan: exact appointment totals and outcome quotas.

import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_CODES, planOpYear } from './op-plan';
import { OP_APPOINTMENTS, OP_ATTENDED } from './targets';

describe('planOpYear', () => {
  for (const scale of [1, 0.01, 0.0005]) {
    it(`meets the appointment total and outcome shares exactly at scale ${scale}`, () => {
      const p = planOpYear('1920', scale, 20240331);
      const total = Math.round((OP_APPOINTMENTS.get('1920') ?? 0) * scale);
      expect(p.appointments).toBe(total);
      expect(p.strata.reduce((a, s) => a + s.courses * s.length, 0)).toBe(total);
      const firsts = p.strata.reduce((a, s) => a + s.courses, 0);
      expect(p.followUps).toBe(total - firsts);
      expect(p.followUpBounds.at(-1)).toBe(p.followUps);
      const count = (code: string) => {
        const i = FOLLOW_UP_CODES.indexOf(code as (typeof FOLLOW_UP_CODES)[number]);
        return (p.followUpBounds[i] ?? 0) - (i === 0 ? 0 : (p.followUpBounds[i - 1] ?? 0));
      };
      const attended = firsts + count('5') + count('6');
      expect(Math.abs(attended / total - OP_ATTENDED.attended)).toBeLessThan(0.001 + 2 / total);
      expect(Math.abs((count('3') + count('7')) / total - OP_ATTENDED.dna)).toBeLessThan(0.001 + 2 / total);
      expect(Math.abs((count('2') + count('4')) / total - OP_ATTENDED.cancelled)).toBeLessThan(0.001 + 2 / total);
      expect(firsts / total).toBeGreaterThan(0.27);
      expect(firsts / total).toBeLessThan(0.33);
    });
  }
});
