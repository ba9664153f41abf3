// The attackers' interval reasoning must be sound, or the suite would blame the policy for its
// own mistakes: on small random tables published under hes-2018 rounding, every propagated (and
// LP-tightened) interval must contain every integer table consistent with what was shown, found
// by brute force. And the simple difference of two rounded counts must come out exactly.
import { describe, expect, it } from 'vitest';
import { AtomSystem } from './atom-system';
import { loadSharedLp } from './exact-intervals';
import { countBounds, SMALL_MAX } from './published-cells';
import { seededRandom } from './seeded-random';

const published = (n: number) => (n === 0 ? { value: 0, suppressed: false } : n <= SMALL_MAX ? { value: null, suppressed: true } : { value: 5 * Math.round(n / 5), suppressed: false });

describe('AtomSystem', () => {
  it('gives the difference of two rounded counts as [d − 4, d + 4] ∩ [1, 7]', () => {
    for (const [whole, part] of [[23, 21], [40, 37], [18, 11]] as const) {
      const system = new AtomSystem([['r'], ['c'], ['lo', 'rest']]);
      system.publish([null, null, ['lo', 'rest']], countBounds(published(whole)), 'whole');
      system.publish([null, null, ['rest']], countBounds(published(part)), 'part');
      const truth = [whole - part, part];
      const report = system.solve((a) => truth[a]!, String, undefined);
      const d = published(whole).value! - published(part).value!;
      const target = report.targets.find((t) => t.label === '0')!;
      expect(target.interval).toEqual({ lo: Math.max(1, d - 4), hi: Math.min(SMALL_MAX, d + 4) });
      expect(report.contradictions).toEqual([]);
    }
  });

  it('never excludes a table consistent with a published 2×2 table and its margins', async () => {
    const lp = await loadSharedLp();
    const rnd = seededRandom('atom-system', 'brute');
    let checked = 0;
    for (let trial = 0; trial < 60; trial++) {
      const cells = Array.from({ length: 4 }, () => (rnd.next() < 0.5 ? rnd.int(0, 7) : rnd.int(8, 14)));
      const system = new AtomSystem([['a', 'b'], ['x', 'y'], ['all']]);
      const sel = (r: string | null, c: string | null) => [r === null ? null : [r], c === null ? null : [c], null] as const;
      const at = (r: number, c: number) => cells[r * 2 + c]!;
      const shown: { sel: ReturnType<typeof sel>; n: number }[] = [];
      ['a', 'b'].forEach((r, i) => ['x', 'y'].forEach((c, j) => shown.push({ sel: sel(r, c), n: at(i, j) })));
      ['a', 'b'].forEach((r, i) => shown.push({ sel: sel(r, null), n: at(i, 0) + at(i, 1) }));
      ['x', 'y'].forEach((c, j) => shown.push({ sel: sel(null, c), n: at(0, j) + at(1, j) }));
      shown.push({ sel: sel(null, null), n: cells.reduce((s, n) => s + n, 0) });
      for (const s of shown) system.publish(s.sel, countBounds(published(s.n)), 'cell');
      // Every table (cells 0–20) showing the same values, by brute force.
      const fits: number[][] = [];
      for (let k = 0; k < 21 ** 4; k++) {
        const t = [k % 21, Math.floor(k / 21) % 21, Math.floor(k / 441) % 21, Math.floor(k / 9261)];
        const same = (n: number, m: number) => { const p = published(n), q = published(m); return p.suppressed === q.suppressed && p.value === q.value; };
        const sum = (f: (i: number) => boolean) => t.reduce((s, n, i) => s + (f(i) ? n : 0), 0);
        if (t.every((n, i) => same(n, cells[i]!)) && same(sum((i) => i < 2), cells[0]! + cells[1]!) && same(sum((i) => i >= 2), cells[2]! + cells[3]!)
          && same(sum((i) => i % 2 === 0), cells[0]! + cells[2]!) && same(sum((i) => i % 2 === 1), cells[1]! + cells[3]!) && same(sum(() => true), cells.reduce((s, n) => s + n, 0))) fits.push(t);
      }
      const report = system.solve((a) => cells[a]!, String, lp);
      expect(report.contradictions).toEqual([]);
      for (const target of report.targets.filter((t) => /^\d$/.test(t.label))) {
        const i = Number(target.label);
        const values = fits.map((t) => t[i]!).filter((v) => v >= 1 && v <= SMALL_MAX);
        expect(target.interval).not.toBe('infeasible');
        if (target.interval === 'infeasible') continue;
        expect(target.interval.lo).toBeLessThanOrEqual(Math.min(...values));
        expect(target.interval.hi).toBeGreaterThanOrEqual(Math.max(...values));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
