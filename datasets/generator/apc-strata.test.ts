// APC strata: joint fit and per-year quota allocation hold the targets at every scale.

import { describe, expect, it } from 'vitest';
import { STRATA_CHAPTERS } from './apc-chapters';
import { fitApcJoint, SEX_CODES } from './apc-joint';
import { GROUPS } from './apc-mix';
import { KIND, planApcYear } from './apc-strata';
import { AGE_BANDS, CHAPTERS } from './targets';

describe('fitApcJoint', () => {
  const joint = fitApcJoint();
  it('converges and keeps pregnancy to women aged 15–49 and births to infants', () => {
    expect(joint.maxError).toBeLessThan(1e-9);
    const xv = joint.withinChapter[STRATA_CHAPTERS.findIndex((c) => c.id === 'XV')] ?? [];
    xv.forEach((p, cell) => {
      const sex = SEX_CODES[Math.floor(cell / AGE_BANDS.length)];
      const band = cell % AGE_BANDS.length;
      if (sex !== '2' || !((band >= 4 && band <= 10) || band === 20)) expect(p).toBe(0);
    });
    const births = joint.withinChapter[STRATA_CHAPTERS.findIndex((c) => c.id === 'XXI-birth')] ?? [];
    births.forEach((p, cell) => { if (cell % AGE_BANDS.length !== 0) expect(p).toBe(0); });
  });
});

describe('planApcYear', () => {
  for (const scale of [1, 0.01, 0.0005]) {
    it(`allocates FAEs exactly and FCE, bed-day, chapter, sex and age targets closely at scale ${scale}`, () => {
      const plan = planApcYear('2324', scale, 20240331);
      const normal = plan.strata.filter((s) => s.kind === KIND.normal);
      expect(normal.reduce((a, s) => a + s.n, 0)).toBe(Math.round(17_560_128 * scale));
      expect(Math.abs(plan.fces / (21_450_875 * scale) - 1)).toBeLessThan(0.005);
      expect(Math.abs(plan.bedDays / plan.bedDaysTarget - 1)).toBeLessThan(0.005);
      const fceShare = (pred: (s: (typeof normal)[number]) => boolean) =>
        (100 * normal.filter(pred).reduce((a, s) => a + s.n * s.episodes, 0)) / plan.fces;
      const tolerance = scale >= 0.01 ? 0.3 : 1;
      for (const c of CHAPTERS) {
        const got = fceShare((s) => STRATA_CHAPTERS[s.chapterIdx]?.chapter === c.chapter);
        expect(Math.abs(got - c.fcePct), c.chapter).toBeLessThan(tolerance);
      }
      AGE_BANDS.forEach((b, band) => expect(Math.abs(fceShare((s) => s.ageBand === band) - b.pct), b.label).toBeLessThan(tolerance));
      expect(Math.abs(fceShare((s) => s.sexIdx === 0) - 44.8)).toBeLessThan(tolerance);
      expect(Math.abs(fceShare((s) => GROUPS[s.group] === 'WD' || GROUPS[s.group] === 'PD') - 37.1)).toBeLessThan(tolerance);
      // Extra non-FCE rows: about 1.3% of FCEs, never day-case or normal kind.
      expect(plan.extraRows / plan.fces).toBeGreaterThan(0.01);
      expect(plan.extraRows / plan.fces).toBeLessThan(0.016);
    });
  }

  it('gives consecutive, non-overlapping spell numbers', () => {
    const plan = planApcYear('2021', 0.001, 1);
    let next = 0;
    for (const s of plan.strata) {
      expect(s.spellOffset).toBe(next);
      next += s.n;
    }
  });
});
