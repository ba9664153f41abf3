// APC admission mix: the fitted shares reproduce the published 2023-24 targets.

import { describe, expect, it } from 'vitest';
import { publishedEmergencyShare } from './apc-chapters';
import { episodeCountPmf, fitApcMix, GROUPS } from './apc-mix';

describe('fitApcMix', () => {
  const mix = fitApcMix();
  const fae = mix.chapters.reduce((a, c) => a + c.faePerFce, 0);
  const share = (groups: string[]) =>
    mix.chapters.reduce((a, c) => a + c.faePerFce * groups.reduce((s, g) => s + (c.groupShares[GROUPS.indexOf(g as (typeof GROUPS)[number])] ?? 0), 0), 0);

  it('reproduces FAE/FCE, admission groups and day cases of 2023-24', () => {
    expect(fae).toBeCloseTo(17_560_128 / 21_450_875, 6);
    expect(share(['E']) / fae).toBeCloseTo(0.372, 4);
    expect(share(['WD', 'WO']) / fae).toBeCloseTo(0.381, 4);
    expect(share(['PD', 'PO']) / fae).toBeCloseTo(0.141, 4);
    expect(share(['O']) / fae).toBeCloseTo(0.106, 4);
    expect(share(['WD', 'PD'])).toBeCloseTo(0.371, 4); // day cases: one episode, so FCE share = FAE count per FCE
  });

  it('keeps every chapter emergency share within 2.5 points of the published one', () => {
    for (const c of mix.chapters.filter((x) => !x.chapter.id.includes('-'))) {
      if (c.chapter.id === 'XXI') continue;
      expect(Math.abs(c.emergencyShare - publishedEmergencyShare(c.chapter.chapter)), c.chapter.id).toBeLessThan(0.025);
    }
    const xxi = mix.chapters.filter((c) => c.chapter.chapter === 'XXI');
    const combined = xxi.reduce((a, c) => a + c.faePerFce * c.emergencyShare, 0) / xxi.reduce((a, c) => a + c.faePerFce, 0);
    expect(Math.abs(combined - 0.06)).toBeLessThan(0.025);
  });

  it('makes births single-episode "other" admissions and group shares sum to one', () => {
    const births = mix.chapters.find((c) => c.chapter.id === 'XXI-birth');
    expect(births?.groupShares[GROUPS.indexOf('O')]).toBe(1);
    for (const c of mix.chapters) expect(c.groupShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe('episodeCountPmf', () => {
  it('has the requested mean and sums to one', () => {
    for (const mean of [1, 1.03, 1.15, 1.54, 2.5]) {
      const pmf = episodeCountPmf(mean);
      expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(pmf.reduce((a, p, i) => a + p * (i + 1), 0)).toBeCloseTo(mean, 6);
    }
  });
});
