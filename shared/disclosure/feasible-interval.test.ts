import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasibleInterval } from './feasible-interval';
import type { LinearConstraint, LinearProgram } from './linear-program';

describe('feasibleInterval', () => {
  it('gives the hand-computed range of a suppressed cell in a row with a published total', () => {
    // a + b + c = 20 exactly; a ∈ [8, 12] and b ∈ [3, 7] published, c hidden in [1, 7].
    const lp: LinearProgram = {
      variables: 3, lower: [8, 3, 1], upper: [12, 7, 7],
      constraints: [{ terms: [0, 1, 2].map((index) => ({ index, coef: 1 })), op: '=', rhs: 20 }],
    };
    expect(feasibleInterval(lp, 2)).toEqual({ min: 1, max: 7 });
    expect(feasibleInterval({ ...lp, constraints: [{ ...lp.constraints[0]!, rhs: 24 }] }, 2)).toEqual({ min: 5, max: 7 });
    expect(feasibleInterval({ ...lp, constraints: [{ ...lp.constraints[0]!, rhs: 27 }] }, 2)).toEqual('infeasible');
  });

  it('reports Infinity above an unbounded cell and rounds a fractional LP range inward', () => {
    const open: LinearProgram = { variables: 2, lower: [8, 0], upper: [Infinity, 5], constraints: [{ terms: [{ index: 0, coef: 1 }, { index: 1, coef: -1 }], op: '>=', rhs: 3 }] };
    expect(feasibleInterval(open, 0)).toEqual({ min: 8, max: Infinity });
    // 2x = 7 with x ∈ [0, 10]: the LP says 3.5, no integer fits; 2x ∈ [7, 12] gives x ∈ [3.5, 6] → [4, 6].
    const half = (op: LinearConstraint['op'], rhs: number): LinearConstraint => ({ terms: [{ index: 0, coef: 2 }], op, rhs });
    expect(feasibleInterval({ variables: 1, lower: [0], upper: [10], constraints: [half('=', 7)] }, 0)).toEqual('infeasible');
    expect(feasibleInterval({ variables: 1, lower: [0], upper: [10], constraints: [half('>=', 7), half('<=', 12)] }, 0)).toEqual({ min: 4, max: 6 });
  });
});

/** Interval (consecutive-ones) systems: each row is ±(x_a + … + x_b). Such matrices are totally
 *  unimodular, so with integer data the LP range of every variable is the integer range. */
const arbIntervalSystem = fc.integer({ min: 2, max: 5 }).chain((n) => fc.record({
  bounds: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: n, maxLength: n }),
  rows: fc.array(fc.record({
    from: fc.integer({ min: 0, max: n - 1 }), length: fc.integer({ min: 1, max: n }), sign: fc.constantFrom(1, -1),
    op: fc.constantFrom<LinearConstraint['op']>('=', '<=', '>='), rhs: fc.integer({ min: -12, max: 18 }),
  }), { minLength: 1, maxLength: 4 }),
})).map(({ bounds, rows }): LinearProgram => ({
  variables: bounds.length, lower: bounds.map(([a, b]) => Math.min(a, b)), upper: bounds.map(([a, b]) => Math.max(a, b)),
  constraints: rows.map((r) => ({
    terms: Array.from({ length: Math.min(r.length, bounds.length - r.from) }, (_, k) => ({ index: r.from + k, coef: r.sign })),
    op: r.op, rhs: r.rhs,
  })),
}));

/** Every integer point of the box that satisfies lp, by enumeration. */
function integerPoints(lp: LinearProgram): number[][] {
  const points: number[][] = [];
  const x = [...lp.lower];
  const walk = (j: number) => {
    if (j === lp.variables) {
      const ok = lp.constraints.every((c) => {
        const v = c.terms.reduce((s, t) => s + t.coef * x[t.index]!, 0);
        return c.op === '=' ? v === c.rhs : c.op === '<=' ? v <= c.rhs : v >= c.rhs;
      });
      if (ok) points.push([...x]);
      return;
    }
    for (let v = lp.lower[j]!; v <= lp.upper[j]!; v++) { x[j] = v; walk(j + 1); }
  };
  walk(0);
  return points;
}

const rangeOf = (values: readonly number[]) => ({ min: Math.min(...values), max: Math.max(...values) });

describe('feasibleInterval against brute force', () => {
  it('equals the integer range of every variable on consecutive-ones systems', () => {
    fc.assert(fc.property(arbIntervalSystem, (lp) => {
      const points = integerPoints(lp);
      for (let j = 0; j < lp.variables; j++) {
        expect(feasibleInterval(lp, j)).toEqual(points.length === 0 ? 'infeasible' : rangeOf(points.map((p) => p[j]!)));
      }
    }), { numRuns: 300 });
  });

  it('contains the integer range on general {−1, 0, 1} systems (it is a relaxation)', () => {
    const arbGeneral = fc.integer({ min: 2, max: 5 }).chain((n) => fc.record({
      bounds: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      rows: fc.array(fc.record({
        coefs: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: n, maxLength: n }),
        op: fc.constantFrom<LinearConstraint['op']>('=', '<=', '>='), rhs: fc.integer({ min: -6, max: 12 }),
      }), { minLength: 1, maxLength: 4 }),
    }));
    fc.assert(fc.property(arbGeneral, ({ bounds, rows }) => {
      const lp: LinearProgram = {
        variables: bounds.length, lower: bounds.map(() => 0), upper: bounds,
        constraints: rows.map((r) => ({ terms: r.coefs.flatMap((coef, index) => (coef === 0 ? [] : [{ index, coef }])), op: r.op, rhs: r.rhs })),
      };
      const points = integerPoints(lp);
      for (let j = 0; j < lp.variables; j++) {
        const interval = feasibleInterval(lp, j);
        if (points.length === 0) continue; // an LP-feasible, integer-empty system is allowed here
        const truth = rangeOf(points.map((p) => p[j]!));
        expect(interval).not.toBe('infeasible');
        if (interval === 'infeasible') continue;
        expect(interval.min).toBeLessThanOrEqual(truth.min);
        expect(interval.max).toBeGreaterThanOrEqual(truth.max);
      }
    }), { numRuns: 300 });
  });
});

/** A frequency table as an audit sees it. Variables: r×c cells (row-major), then r row totals,
 *  c column totals and the grand total; margins are tied to cells by equalities. */
interface AuditedTable {
  readonly r: number;
  readonly c: number;
  /** True value of every variable, cells then margins. */
  readonly truth: readonly number[];
  readonly hidden: readonly number[];
  readonly lp: LinearProgram;
}

/** What publishing tells: 0 exactly, 1–7 suppressed, else a multiple of 5 within 2 of the truth. */
function published(v: number): [number, number] {
  if (v === 0) return [0, 0];
  if (v <= 7) return [1, 7];
  const shown = 5 * Math.round(v / 5);
  return [shown - 2, shown + 2];
}

function auditTable(r: number, c: number, cells: readonly number[], hidden: readonly number[]): AuditedTable {
  const rows = Array.from({ length: r }, (_, i) => cells.slice(i * c, (i + 1) * c).reduce((a, b) => a + b, 0));
  const cols = Array.from({ length: c }, (_, j) => rows.reduce((s, _r, i) => s + cells[i * c + j]!, 0));
  const truth = [...cells, ...rows, ...cols, rows.reduce((a, b) => a + b, 0)];
  const bounds = truth.map((v, k): [number, number] => (hidden.includes(k) ? (v <= 7 ? [1, 7] : [8, Infinity]) : published(v)));
  const cell = (i: number, j: number) => ({ index: i * c + j, coef: 1 });
  const minus = (index: number) => ({ index, coef: -1 });
  const rc = r * c;
  const constraints: LinearConstraint[] = [
    ...Array.from({ length: r }, (_, i) => ({ terms: [...Array.from({ length: c }, (_, j) => cell(i, j)), minus(rc + i)], op: '=' as const, rhs: 0 })),
    ...Array.from({ length: c }, (_, j) => ({ terms: [...Array.from({ length: r }, (_, i) => cell(i, j)), minus(rc + r + j)], op: '=' as const, rhs: 0 })),
    { terms: [...Array.from({ length: r }, (_, i) => ({ index: rc + i, coef: 1 })), minus(rc + r + c)], op: '=', rhs: 0 },
    { terms: [...Array.from({ length: c }, (_, j) => ({ index: rc + r + j, coef: 1 })), minus(rc + r + c)], op: '=', rhs: 0 },
  ];
  return { r, c, truth, hidden, lp: { variables: truth.length, lower: bounds.map((b) => b[0]), upper: bounds.map((b) => b[1]), constraints } };
}

/** Published cells are 0 or ≥ 8 (1–7 would be suppressed); 1–3 hidden cells hold 1–30. */
const arbTable = (maxR: number, maxC: number) => fc.record({ r: fc.integer({ min: 2, max: maxR }), c: fc.integer({ min: 2, max: maxC }) })
  .chain(({ r, c }) => fc.record({
    r: fc.constant(r), c: fc.constant(c),
    cells: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 8, max: 30 })), { minLength: r * c, maxLength: r * c }),
    hidden: fc.uniqueArray(fc.integer({ min: 0, max: r * c - 1 }), { minLength: 1, maxLength: 3 }),
    hiddenValues: fc.array(fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 8, max: 30 })), { minLength: 3, maxLength: 3 }),
  }))
  .map(({ r, c, cells, hidden, hiddenValues }) => auditTable(r, c, cells.map((v, k) => { const h = hidden.indexOf(k); return h < 0 ? v : hiddenValues[h]!; }), hidden));

/** Every integer table consistent with what t publishes (or, with `fixPublished`, only those
 *  whose published cells keep their true values), as the range of each hidden cell. Depth-first
 *  over cells; each cell's range is cut by its row and column totals so the search stays small. */
function enumerateHidden(t: AuditedTable, fixPublished: boolean): Map<number, { min: number; max: number }> {
  const { r, c, lp } = t;
  const rc = r * c;
  const lo = (k: number) => (fixPublished && k < rc && !t.hidden.includes(k) ? t.truth[k]! : lp.lower[k]!);
  const hi = (k: number) => (fixPublished && k < rc && !t.hidden.includes(k) ? t.truth[k]! : lp.upper[k]!);
  const x = Array<number>(rc).fill(0);
  const ranges = new Map<number, { min: number; max: number }>();
  const rowSum = Array<number>(r).fill(0);
  const colSum = Array<number>(c).fill(0);
  const rest = (ks: number[], f: (k: number) => number) => ks.reduce((s, k) => s + f(k), 0);
  const walk = (k: number) => {
    if (k === rc) {
      const grand = rowSum.reduce((a, b) => a + b, 0);
      const margins = [...rowSum, ...colSum, grand];
      if (margins.every((v, m) => v >= lp.lower[rc + m]! && v <= lp.upper[rc + m]!)) {
        for (const h of t.hidden) {
          const seen = ranges.get(h);
          ranges.set(h, { min: Math.min(seen?.min ?? Infinity, x[h]!), max: Math.max(seen?.max ?? -Infinity, x[h]!) });
        }
      }
      return;
    }
    const i = Math.floor(k / c);
    const j = k % c;
    const laterInRow = Array.from({ length: c - j - 1 }, (_, d) => k + 1 + d);
    const laterInCol = Array.from({ length: r - i - 1 }, (_, d) => k + (d + 1) * c);
    const from = Math.max(lo(k), lp.lower[rc + i]! - rowSum[i]! - rest(laterInRow, hi), lp.lower[rc + r + j]! - colSum[j]! - rest(laterInCol, hi));
    const to = Math.min(hi(k), lp.upper[rc + i]! - rowSum[i]! - rest(laterInRow, lo), lp.upper[rc + r + j]! - colSum[j]! - rest(laterInCol, lo));
    for (let v = from; v <= to; v++) {
      x[k] = v; rowSum[i]! += v; colSum[j]! += v;
      walk(k + 1);
      rowSum[i]! -= v; colSum[j]! -= v;
    }
  };
  walk(0);
  return ranges;
}

/** What one glance at cell h's row and column says: total minus the other cells' bounds. Any
 *  correct interval lies inside this one (the LP may be tighter, never looser). */
function rowAndColumnBounds(t: AuditedTable, h: number): { min: number; max: number } {
  const { r, c, lp } = t;
  const i = Math.floor(h / c);
  const j = h % c;
  const others = [Array.from({ length: c }, (_, k) => i * c + k), Array.from({ length: r }, (_, k) => k * c + j)];
  const totals = [r * c + i, r * c + r + j];
  let min = lp.lower[h]!;
  let max = lp.upper[h]!;
  others.forEach((line, n) => {
    const rest = line.filter((k) => k !== h);
    min = Math.max(min, lp.lower[totals[n]!]! - rest.reduce((s, k) => s + lp.upper[k]!, 0));
    max = Math.min(max, lp.upper[totals[n]!]! - rest.reduce((s, k) => s + lp.lower[k]!, 0));
  });
  return { min, max };
}

describe('feasibleInterval on frequency tables with rounded cells and margins', () => {
  it('contains the true value and the range with published cells held at their truth; lies within row/column bounds', () => {
    fc.assert(fc.property(arbTable(5, 5), (t) => {
      const inner = enumerateHidden(t, true);
      for (const h of t.hidden) {
        const interval = feasibleInterval(t.lp, h);
        expect(interval).not.toBe('infeasible');
        if (interval === 'infeasible') continue;
        expect(interval.min).toBeLessThanOrEqual(t.truth[h]!);
        expect(interval.max).toBeGreaterThanOrEqual(t.truth[h]!);
        const fixed = inner.get(h)!;
        expect(interval.min).toBeLessThanOrEqual(fixed.min);
        expect(interval.max).toBeGreaterThanOrEqual(fixed.max);
        const outer = rowAndColumnBounds(t, h);
        expect(interval.min).toBeGreaterThanOrEqual(outer.min);
        expect(interval.max).toBeLessThanOrEqual(outer.max);
      }
    }), { numRuns: 150 });
  });

  it('equals the range over every consistent integer table when the table is small enough to enumerate', () => {
    fc.assert(fc.property(arbTable(3, 3).filter((t) => t.r * t.c <= 6), (t) => {
      const exact = enumerateHidden(t, false);
      for (const h of t.hidden) expect(feasibleInterval(t.lp, h)).toEqual(exact.get(h));
    }), { numRuns: 150 });
  });

  it('handles a 40×10 table with margins (451 variables) and every small cell suppressed', () => {
    // MINSTD (Park–Miller): the same table every run, no clock or Math.random; seed × 48271
    // stays below 2^53, so the arithmetic is exact.
    let seed = 20_240_611;
    const next = (n: number) => { seed = (seed * 48_271) % 2_147_483_647; return seed % n; };
    const cells = Array.from({ length: 400 }, () => { const kind = next(10); return kind < 2 ? 0 : kind < 4 ? 1 + next(7) : 8 + next(200); });
    const hidden = cells.flatMap((v, k) => (v >= 1 && v <= 7 ? [k] : []));
    // A few secondary suppressions, so some hidden cells are only known to be ≥ 8.
    for (const k of [3, 57, 111, 222, 389]) if (!hidden.includes(k) && cells[k]! >= 8) hidden.push(k);
    const t = auditTable(40, 10, cells, hidden);
    expect(t.lp.variables).toBe(451);
    expect(hidden.length).toBeGreaterThan(40);
    for (const h of hidden) {
      const interval = feasibleInterval(t.lp, h);
      if (interval === 'infeasible') throw new Error(`cell ${h} reported infeasible`);
      expect(interval.min).toBeLessThanOrEqual(t.truth[h]!);
      expect(interval.max).toBeGreaterThanOrEqual(t.truth[h]!);
      const outer = rowAndColumnBounds(t, h);
      expect(interval.min).toBeGreaterThanOrEqual(outer.min);
      expect(interval.max).toBeLessThanOrEqual(outer.max);
    }
  });
});
