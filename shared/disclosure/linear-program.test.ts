import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximize, minimize, type LinearConstraint, type LinearProgram, type LpResult } from './linear-program';

/** A dense row written the way a textbook prints it. */
const row = (coefs: readonly number[], op: LinearConstraint['op'], rhs: number): LinearConstraint => ({
  terms: coefs.flatMap((coef, index) => (coef === 0 ? [] : [{ index, coef }])), op, rhs,
});
const nonNegative = (n: number, constraints: LinearConstraint[], upper?: number[]): LinearProgram => ({
  variables: n, lower: Array<number>(n).fill(0), upper: upper ?? Array<number>(n).fill(Infinity), constraints,
});
const obj = (coefs: readonly number[]) => coefs.map((coef, index) => ({ index, coef }));

function expectOptimal(result: LpResult, value: number, x?: number[]): void {
  expect(result.kind).toBe('optimal');
  if (result.kind !== 'optimal') return;
  expect(result.value).toBeCloseTo(value, 9);
  if (x) x.forEach((v, j) => { expect(result.x[j]).toBeCloseTo(v, 9); });
}

describe('known linear programs', () => {
  it('solves the Wyndor Glass problem (max 3x + 5y → 36 at (2, 6)) with bounds or rows', () => {
    const rows = [row([0, 2], '<=', 12), row([3, 2], '<=', 18)];
    expectOptimal(maximize(nonNegative(2, rows, [4, Infinity]), obj([3, 5])), 36, [2, 6]);
    expectOptimal(maximize(nonNegative(2, [row([1, 0], '<=', 4), ...rows]), obj([3, 5])), 36, [2, 6]);
  });

  it('minimises over >= rows, which need phase one (min x + y → 2.8 at (1.6, 1.2))', () => {
    const lp = nonNegative(2, [row([1, 2], '>=', 4), row([3, 1], '>=', 6)]);
    expectOptimal(minimize(lp, obj([1, 1])), 2.8, [1.6, 1.2]);
    expectOptimal(maximize(lp, obj([-1, -1])), -2.8, [1.6, 1.2]);
  });

  it("terminates on Beale's and Chvátal's cycling examples (degenerate at the origin)", () => {
    const beale = nonNegative(4, [row([0.25, -8, -1, 9], '<=', 0), row([0.5, -12, -0.5, 3], '<=', 0), row([0, 0, 1, 0], '<=', 1)]);
    expectOptimal(maximize(beale, obj([0.75, -20, 0.5, -6])), 1.25, [1, 0, 1, 0]);
    const chvatal = nonNegative(4, [row([0.5, -5.5, -2.5, 9], '<=', 0), row([0.5, -1.5, -0.5, 1], '<=', 0)], [1, Infinity, Infinity, Infinity]);
    expectOptimal(maximize(chvatal, obj([10, -57, -9, -24])), 1, [1, 0, 1, 0]);
  });

  it('handles many rows through one vertex', () => {
    const lp = nonNegative(2, [row([1, 1], '<=', 2), row([1, -1], '<=', 0), row([2, 1], '<=', 3), row([1, 2], '<=', 3), row([1, 1], '>=', 2)], [1, 1]);
    expectOptimal(maximize(lp, obj([1, 1])), 2, [1, 1]);
    expectOptimal(minimize(lp, obj([1, 1])), 2, [1, 1]);
  });

  it('solves equality-only systems, including a redundant row', () => {
    // x0 + x1 = 10, x1 + x2 = 7, x0 − x2 = 3 (the first minus the second).
    const lp = nonNegative(3, [row([1, 1, 0], '=', 10), row([0, 1, 1], '=', 7), row([1, 0, -1], '=', 3)]);
    expectOptimal(maximize(lp, obj([0, 1, 0])), 7, [3, 7, 0]);
    expectOptimal(minimize(lp, obj([0, 1, 0])), 0, [10, 0, 7]);
    const determined = nonNegative(2, [row([1, 1], '=', 5), row([1, -1], '=', 1)]);
    expectOptimal(maximize(determined, obj([1, 0])), 3, [3, 2]);
    expectOptimal(minimize(determined, obj([1, 0])), 3, [3, 2]);
  });

  it('shifts by non-zero lower bounds, negative ones included', () => {
    const lp: LinearProgram = { variables: 2, lower: [-5, 3], upper: [3, 9], constraints: [row([1, 1], '<=', 4)] };
    expectOptimal(maximize(lp, obj([-1, 0])), 5, [-5]);
    expectOptimal(maximize(lp, obj([0, 1])), 9, [-5, 9]);
    expectOptimal(minimize(lp, obj([1, 1])), -2, [-5, 3]);
    expectOptimal(maximize({ ...lp, constraints: [row([1, 1], '=', 5)] }, obj([1, 0])), 2, [2, 3]);
  });

  it('keeps exact integers at the size of national totals', () => {
    const lp: LinearProgram = { variables: 2, lower: [0, 0], upper: [100_000_000, Infinity], constraints: [row([1, 1], '=', 123_456_789)] };
    expectOptimal(maximize(lp, obj([0, 1])), 123_456_789);
    expectOptimal(minimize(lp, obj([0, 1])), 23_456_789, [100_000_000, 23_456_789]);
  });

  it('adds up repeated terms and treats an empty objective as 0', () => {
    const lp = nonNegative(1, [{ terms: [{ index: 0, coef: 1 }, { index: 0, coef: 1 }], op: '<=', rhs: 8 }]);
    expectOptimal(maximize(lp, [{ index: 0, coef: 1 }, { index: 0, coef: 2 }]), 12, [4]);
    expectOptimal(maximize(lp, []), 0);
    expectOptimal(maximize({ variables: 0, lower: [], upper: [], constraints: [] }, []), 0);
  });

  it('reports infeasible bounds, rows and equalities', () => {
    const box = nonNegative(2, [row([1, 1], '>=', 10)], [4, 4]);
    expect(maximize(box, obj([1, 0]))).toEqual({ kind: 'infeasible' });
    expect(minimize(nonNegative(2, [row([1, 1], '=', 3), row([1, 1], '=', 4)]), obj([1, 0]))).toEqual({ kind: 'infeasible' });
    expect(maximize({ variables: 1, lower: [2], upper: [1], constraints: [] }, obj([1]))).toEqual({ kind: 'infeasible' });
    expect(maximize(nonNegative(1, [row([1], '<=', -1)]), obj([1]))).toEqual({ kind: 'infeasible' });
    expect(maximize(nonNegative(1, [{ terms: [], op: '=', rhs: 1 }]), obj([1]))).toEqual({ kind: 'infeasible' });
  });

  it('reports unbounded directions and only those', () => {
    const lp = nonNegative(2, [row([1, -1], '<=', 1)]);
    expect(maximize(lp, obj([1, 1]))).toEqual({ kind: 'unbounded' });
    expect(maximize(lp, obj([1, -1]))).toMatchObject({ kind: 'optimal', value: 1 });
    expectOptimal(minimize(lp, obj([1, 1])), 0, [0, 0]);
  });

  it('rejects malformed programs', () => {
    expect(() => maximize(nonNegative(2, [row([0, 0, 1], '<=', 1)]), obj([1]))).toThrow(RangeError);
    expect(() => maximize(nonNegative(1, []), [{ index: 1, coef: 1 }])).toThrow(RangeError);
    expect(() => maximize({ variables: 1, lower: [-Infinity], upper: [0], constraints: [] }, obj([1]))).toThrow(RangeError);
    expect(() => maximize({ variables: 2, lower: [0], upper: [0, 0], constraints: [] }, obj([1]))).toThrow(RangeError);
  });
});

/** Random tiny systems: 2–5 variables with bounds in [0, 6], 1–4 rows over {−1, 0, 1}. */
const arbSystem = fc.integer({ min: 2, max: 5 }).chain((n) => fc.record({
  bounds: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: n, maxLength: n }),
  rows: fc.array(fc.record({
    coefs: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: n, maxLength: n }),
    op: fc.constantFrom<LinearConstraint['op']>('=', '<=', '>='),
    rhs: fc.integer({ min: -6, max: 12 }),
  }), { minLength: 1, maxLength: 4 }),
  objective: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: n, maxLength: n }),
})).map(({ bounds, rows, objective }) => ({
  lp: {
    variables: bounds.length, lower: bounds.map(([a, b]) => Math.min(a, b)), upper: bounds.map(([a, b]) => Math.max(a, b)),
    constraints: rows.map((r) => row(r.coefs, r.op, r.rhs)),
  } satisfies LinearProgram,
  objective: obj(objective),
}));

const TOL = 1e-7;
const lhs = (c: LinearConstraint, x: readonly number[]) => c.terms.reduce((s, t) => s + t.coef * x[t.index]!, 0);
function satisfies(lp: LinearProgram, x: readonly number[]): boolean {
  const inBox = x.every((v, j) => v >= lp.lower[j]! - TOL && v <= lp.upper[j]! + TOL);
  return inBox && lp.constraints.every((c) => {
    const v = lhs(c, x);
    return c.op === '=' ? Math.abs(v - c.rhs) <= TOL : c.op === '<=' ? v <= c.rhs + TOL : v >= c.rhs - TOL;
  });
}

/** The LP optimum by a method that shares nothing with simplex: every vertex is where n
 *  independent constraint or bound planes meet, and a bounded LP is optimal at one of them. */
function vertexOptimum(lp: LinearProgram, c: readonly number[]): number | 'infeasible' {
  const n = lp.variables;
  const planes: { a: number[]; b: number }[] = lp.constraints.map((k) => {
    const a = Array<number>(n).fill(0);
    for (const t of k.terms) a[t.index]! += t.coef;
    return { a, b: k.rhs };
  });
  for (let j = 0; j < n; j++) for (const b of [lp.lower[j]!, lp.upper[j]!]) planes.push({ a: Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)), b });
  let best = -Infinity;
  const choose = (start: number, picked: number[]) => {
    if (picked.length === n) {
      const x = solveSquare(picked.map((p) => planes[p]!));
      if (x && satisfies(lp, x)) best = Math.max(best, x.reduce((s, v, j) => s + c[j]! * v, 0));
      return;
    }
    for (let p = start; p < planes.length; p++) choose(p + 1, [...picked, p]);
  };
  choose(0, []);
  return best === -Infinity ? 'infeasible' : best;
}

/** Gaussian elimination with partial pivoting; null when the planes do not meet in one point. */
function solveSquare(planes: readonly { a: number[]; b: number }[]): number[] | null {
  const m = planes.map((p) => [...p.a, p.b]);
  const n = m.length;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivotRow]![col]!)) pivotRow = r;
    if (Math.abs(m[pivotRow]![col]!) < 1e-9) return null;
    [m[col], m[pivotRow]] = [m[pivotRow]!, m[col]!];
    const pr = m[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / pr[col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * pr[k]!;
    }
  }
  return m.map((r, i) => r[n]! / r[i]!);
}

/** Optimum over the integer points of the box, by enumeration. */
function integerOptimum(lp: LinearProgram, c: readonly number[]): number | 'infeasible' {
  let best = -Infinity;
  const x = lp.lower.map((l) => l);
  const walk = (j: number) => {
    if (j === lp.variables) {
      if (satisfies(lp, x)) best = Math.max(best, x.reduce((s, v, i) => s + c[i]! * v, 0));
      return;
    }
    for (let v = lp.lower[j]!; v <= lp.upper[j]!; v++) { x[j] = v; walk(j + 1); }
  };
  walk(0);
  return best === -Infinity ? 'infeasible' : best;
}

describe('random small systems over {−1, 0, 1}', () => {
  it('returns a feasible x whose objective is the reported value, equal to the best vertex and no worse than any integer point', () => {
    fc.assert(fc.property(arbSystem, ({ lp, objective }) => {
      const c = objective.map((t) => t.coef);
      for (const sense of [1, -1] as const) {
        const result = sense === 1 ? maximize(lp, objective) : minimize(lp, objective);
        const signed = c.map((v) => sense * v);
        const vertex = vertexOptimum(lp, signed);
        const integer = integerOptimum(lp, signed);
        expect(result.kind).not.toBe('unbounded'); // every variable has a finite box
        if (vertex === 'infeasible') {
          expect(result).toEqual({ kind: 'infeasible' });
          expect(integer).toBe('infeasible');
          continue;
        }
        expect(result.kind).toBe('optimal');
        if (result.kind !== 'optimal') continue;
        expect(satisfies(lp, result.x)).toBe(true);
        expect(result.value).toBeCloseTo(result.x.reduce((s, v, j) => s + c[j]! * v, 0), 9);
        expect(sense * result.value).toBeCloseTo(vertex, 7);
        if (integer !== 'infeasible') expect(sense * result.value).toBeGreaterThanOrEqual(integer - TOL);
      }
    }), { numRuns: 300 });
  });

  it('reports unbounded exactly when an unbounded variable can grow along the objective', () => {
    // x0 has no upper bound; x1 is in [0, 4]; only a '<=' row x0 − x1 ≤ k caps x0 (at k + 4).
    fc.assert(fc.property(fc.integer({ min: -3, max: 3 }), fc.constantFrom<LinearConstraint['op']>('<=', '>='), (k, op) => {
      const lp: LinearProgram = { variables: 2, lower: [0, 0], upper: [Infinity, 4], constraints: [row([1, -1], op, k)] };
      const result = maximize(lp, obj([1, 0]));
      if (op === '>=') expect(result.kind).toBe('unbounded');
      else expectOptimal(result, k + 4);
    }));
  });
});
