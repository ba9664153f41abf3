import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateFromSample, planRollups, type ShapeDemand } from './rollup-plan';

/** Distinct combinations as the product of independent columns' cardinalities. */
const CARD: Record<string, number> = { a: 10, b: 10, c: 100, d: 1_000, e: 5, los: 50 };
const product = (columns: readonly string[]) => columns.reduce((n, c) => n * (CARD[c] ?? 1), 1);
const demand = (grain: string[], weight: number, hist = false): ShapeDemand => ({
  grain, histograms: hist ? [{ arg: 'los', where: null }] : [], columns: hist ? [...grain, 'los'] : grain, weight,
});
const OPTIONS = { maxRows: 10_000, count: 5, minCover: 1, maxEstimates: 1_000 };

describe('planRollups', () => {
  it('merges shapes into one rollup while the union fits the row budget', async () => {
    const plans = await planRollups([demand(['a', 'b'], 5), demand(['a', 'c'], 3), demand(['b', 'c'], 2)], async (c) => product(c), OPTIONS);
    expect(plans).toEqual([{ grain: ['a', 'b', 'c'], histograms: [], rows: 10_000, covers: 10 }]);
  });

  it('starts a second rollup for a shape that cannot join the first', async () => {
    const plans = await planRollups([demand(['a', 'c'], 5), demand(['d', 'e'], 4), demand(['a'], 1)], async (c) => product(c), OPTIONS);
    expect(plans.map((p) => [p.grain, p.covers])).toEqual([[['a', 'c'], 6], [['d', 'e'], 4]]);
  });

  it('keeps a histogram demand off a rollup without that histogram', async () => {
    const plans = await planRollups([demand(['a'], 5), demand(['a'], 4, true)], async (c) => product(c), { ...OPTIONS, maxRows: 100 });
    // a × los = 500 rows is over 100: the median shape cannot be served, the plain one can.
    expect(plans).toEqual([{ grain: ['a'], histograms: [], rows: 10, covers: 5 }]);
  });

  it('stops estimating after maxEstimates and refuses rollups answering too little', async () => {
    let calls = 0;
    const plans = await planRollups([demand(['a'], 1), demand(['b'], 1), demand(['c'], 1)], async (c) => { calls++; return product(c); }, { ...OPTIONS, maxEstimates: 2, minCover: 2 });
    expect(calls).toBe(2);
    expect(plans).toEqual([{ grain: ['a', 'b'], histograms: [], rows: 100, covers: 2 }]);
  });

  it('never plans a rollup over budget, and covers every shape that fits alone when allowed enough rollups', async () => {
    const column = fc.constantFrom(...Object.keys(CARD).filter((c) => c !== 'los'));
    const demands = fc.array(fc.record({ grain: fc.uniqueArray(column, { minLength: 1, maxLength: 3 }), weight: fc.integer({ min: 1, max: 9 }), hist: fc.boolean() }), { minLength: 1, maxLength: 12 });
    await fc.assert(fc.asyncProperty(demands, fc.integer({ min: 10, max: 200_000 }), async (ds, maxRows) => {
      const shapes = ds.map((d) => demand(d.grain, d.weight, d.hist));
      const plans = await planRollups(shapes, async (c) => product(c), { ...OPTIONS, maxRows, count: shapes.length });
      const inPlan = (p: (typeof plans)[number], d: ShapeDemand) => d.grain.every((g) => p.grain.includes(g)) && d.histograms.every((h) => p.histograms.some((x) => x.arg === h.arg));
      for (const p of plans) expect(product([...p.grain, ...(p.histograms.length > 0 ? ['los'] : [])])).toBeLessThanOrEqual(maxRows);
      for (const d of shapes) if (product(d.columns) <= maxRows) expect(plans.some((p) => inPlan(p, d))).toBe(true);
      const total = shapes.filter((d) => plans.some((p) => inPlan(p, d))).reduce((n, d) => n + d.weight, 0);
      expect(plans.reduce((n, p) => n + p.covers, 0)).toBe(total);
    }), { numRuns: 200 });
  });
});

describe('estimateFromSample', () => {
  it('is exact on the whole table and stays between what the sample shows and what the rest could add', () => {
    expect(estimateFromSample({ distinct: 40, seenOnce: 3, seenTwice: 5, sampled: 100, total: 100 })).toBe(40);
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      (sampled, extra, dShare, onceShare, twiceShare) => {
        const distinct = Math.max(1, Math.round(sampled * dShare));
        const seenOnce = Math.round(distinct * onceShare);
        const seenTwice = Math.round((distinct - seenOnce) * twiceShare);
        const total = sampled + extra;
        const e = estimateFromSample({ distinct, seenOnce, seenTwice, sampled, total });
        expect(e).toBeGreaterThanOrEqual(distinct);
        expect(e).toBeLessThanOrEqual(distinct + extra);
      }));
  });

  /** Sample counts (d, f1, f2) of `sampled` rows drawn from `rows` rows, each row's combination
   *  drawn by `combinationOf` (seeded, so the test is the same every run). */
  const sampleOf = (sampled: number, combinationOf: (random: () => number) => number) => {
    let seed = 7;
    const random = () => { seed = (seed * 48271) % 2147483647; return seed / 2147483647; };
    const counts = new Map<number, number>();
    for (let i = 0; i < sampled; i++) { const k = combinationOf(random); counts.set(k, (counts.get(k) ?? 0) + 1); }
    const seen = (n: number) => [...counts.values()].filter((c) => c === n).length;
    return { distinct: counts.size, seenOnce: seen(1), seenTwice: seen(2), sampled };
  };

  it('estimates a sample of known data within a factor of two', () => {
    // 1,000,000 rows over 5,000 combinations, Zipf-like; a 20,000-row sample.
    const e = estimateFromSample({ ...sampleOf(20_000, (random) => Math.floor(5000 * random() ** 2)), total: 1_000_000 });
    expect(e).toBeGreaterThan(5000 / 2);
    expect(e).toBeLessThan(5000 * 2);
  });

  it('is close for evenly spread combinations each seen about once, where GEE alone is ×1.5 high', () => {
    // 1,000,000 rows over 100,000 combinations of 10 rows each; a 50,000-row sample sees each
    // combination half a time on average (five national years by age × method × stay: 0.64).
    const s = sampleOf(50_000, (random) => Math.floor(100_000 * random()));
    const gee = s.distinct - s.seenOnce + Math.sqrt(1_000_000 / 50_000) * s.seenOnce;
    expect(gee / 100_000).toBeGreaterThan(1.4);
    const e = estimateFromSample({ ...s, total: 1_000_000 });
    expect(e / 100_000).toBeGreaterThan(0.9);
    expect(e / 100_000).toBeLessThan(1.1);
  });
});
