// A small exact-enough linear-programming solver: two-phase bounded-variable primal simplex
// (Dantzig's rule, Bland's after degenerate runs) on a dense tableau. Disclosure audits use it to find how far a suppressed cell can
// move given what a table publishes; it is pure and dependency-free so shared/ stays portable.

/** One term `coef · x[index]` of a linear expression. */
export interface LinearTerm {
  readonly index: number;
  readonly coef: number;
}

/** `Σ coef·x[index]  (op)  rhs`. */
export interface LinearConstraint {
  readonly terms: readonly LinearTerm[];
  readonly op: '=' | '<=' | '>=';
  readonly rhs: number;
}

/** Variables x_0 … x_{n-1} with bounds `lower ≤ x ≤ upper` and sparse linear constraints. */
export interface LinearProgram {
  readonly variables: number;
  /** Finite lower bounds (length n). */
  readonly lower: readonly number[];
  /** Upper bounds (length n); may be Infinity. */
  readonly upper: readonly number[];
  readonly constraints: readonly LinearConstraint[];
}

export type LpResult = { kind: 'optimal'; value: number; x: number[] } | { kind: 'infeasible' } | { kind: 'unbounded' };

/** Pivot, reduced-cost and relative feasibility tolerance. Coefficients are small integers, so
 *  anything this small is rounding noise, never a genuine coefficient. */
const EPS = 1e-9;

/** Maximises `Σ coef·x[index]` over {@link LinearProgram} `lp`. */
export function maximize(lp: LinearProgram, objective: readonly LinearTerm[]): LpResult {
  return optimize(lp, objective, 1);
}

/** Minimises `Σ coef·x[index]` over {@link LinearProgram} `lp`. */
export function minimize(lp: LinearProgram, objective: readonly LinearTerm[]): LpResult {
  return optimize(lp, objective, -1);
}

/** B⁻¹A over shifted columns (structurals, then slacks, then artificials), each in [0, upper]. */
interface Tableau {
  readonly rows: Float64Array[];
  /** Value of the basic column of each row. */
  readonly value: Float64Array;
  readonly basis: Int32Array;
  /** Row in which a column is basic, −1 when nonbasic. */
  readonly rowOf: Int32Array;
  readonly upper: Float64Array;
  /** A nonbasic column sits at its upper bound (else at 0). */
  readonly atUpper: Uint8Array;
  readonly firstArtificial: number;
  readonly feasTol: number;
}

function optimize(lp: LinearProgram, objective: readonly LinearTerm[], sense: 1 | -1): LpResult {
  checkProgram(lp);
  checkTerms(objective, lp.variables, 'objective');
  const t = buildTableau(lp);
  if (t === 'infeasible') return { kind: 'infeasible' };
  const columns = t.upper.length;
  if (t.firstArtificial < columns) {
    const phaseOne = new Float64Array(columns).fill(-1, t.firstArtificial);
    runSimplex(t, phaseOne);
    let residual = 0;
    for (let r = 0; r < t.basis.length; r++) if (t.basis[r]! >= t.firstArtificial) residual += Math.max(0, t.value[r]!);
    if (residual > t.feasTol) return { kind: 'infeasible' };
    // Artificials are pinned at 0 from here on; any still basic sit on a redundant row.
    t.upper.fill(0, t.firstArtificial);
  }
  const cost = new Float64Array(columns);
  for (const { index, coef } of objective) cost[index] = cost[index]! + sense * coef;
  if (runSimplex(t, cost) === 'unbounded') return { kind: 'unbounded' };
  const x = Array.from({ length: lp.variables }, (_, j) => {
    const r = t.rowOf[j]!;
    const shifted = r >= 0 ? t.value[r]! : t.atUpper[j] ? t.upper[j]! : 0;
    // Basic values drift by rounding noise; the bounds themselves are exact.
    return lp.lower[j]! + Math.min(Math.max(shifted, 0), t.upper[j]!);
  });
  const value = objective.reduce((sum, { index, coef }) => sum + coef * x[index]!, 0);
  return { kind: 'optimal', value, x };
}

/** Shifts x by its lower bounds and puts every row into `A·y (+ slack) = b`, b ≥ 0, with an
 *  obvious starting basis: a slack where its sign allows, an artificial otherwise. */
function buildTableau(lp: LinearProgram): Tableau | 'infeasible' {
  const n = lp.variables;
  const span = lp.upper.map((u, j) => u - lp.lower[j]!);
  let scale = 1;
  for (const [j, s] of span.entries()) {
    if (!(s >= -EPS * Math.max(1, Math.abs(lp.lower[j]!)))) return 'infeasible'; // upper < lower
    if (Number.isFinite(s)) scale = Math.max(scale, s);
  }
  const shaped = lp.constraints.map((c) => {
    const coefs = new Map<number, number>();
    for (const { index, coef } of c.terms) coefs.set(index, (coefs.get(index) ?? 0) + coef);
    let rhs = c.rhs;
    for (const [index, coef] of coefs) rhs -= coef * lp.lower[index]!;
    const flip = rhs < 0 ? -1 : 1;
    const slack = c.op === '<=' ? flip : c.op === '>=' ? -flip : 0;
    scale = Math.max(scale, Math.abs(rhs));
    return { coefs, rhs: flip * rhs, flip, slack };
  });
  const m = shaped.length;
  const slacks = shaped.filter((s) => s.slack !== 0).length;
  const artificials = shaped.filter((s) => s.slack !== 1).length;
  const firstArtificial = n + slacks;
  const columns = firstArtificial + artificials;
  const upper = new Float64Array(columns).fill(Infinity);
  for (let j = 0; j < n; j++) upper[j] = Math.max(0, span[j]!);
  const t: Tableau = {
    rows: shaped.map(() => new Float64Array(columns)), value: new Float64Array(m), basis: new Int32Array(m),
    rowOf: new Int32Array(columns).fill(-1), upper, atUpper: new Uint8Array(columns), firstArtificial, feasTol: EPS * scale,
  };
  let nextSlack = n;
  let nextArtificial = firstArtificial;
  shaped.forEach((s, r) => {
    const row = t.rows[r]!;
    for (const [index, coef] of s.coefs) row[index] = s.flip * coef;
    let basic = -1;
    if (s.slack !== 0) {
      row[nextSlack] = s.slack;
      if (s.slack === 1) basic = nextSlack;
      nextSlack++;
    }
    if (basic < 0) {
      basic = nextArtificial++;
      row[basic] = 1;
    }
    t.basis[r] = basic;
    t.rowOf[basic] = r;
    t.value[r] = s.rhs;
  });
  return t;
}

/** Maximises cost·y from the current basic feasible solution. Bland's rule (lowest eligible
 *  column enters, lowest basic column leaves on ties) rules out cycling on degenerate tables,
 *  which margins-and-totals systems always are. */
function runSimplex(t: Tableau, cost: Float64Array): 'optimal' | 'unbounded' {
  const columns = cost.length;
  const d = Float64Array.from(cost);
  t.rows.forEach((row, r) => {
    const c = cost[t.basis[r]!]!;
    if (c !== 0) for (let k = 0; k < columns; k++) d[k] = d[k]! - c * row[k]!;
  });
  // Bland's rule terminates; the cap only turns a would-be bug into an error instead of a hang.
  const limit = 1000 * (columns + t.rows.length) + 10_000;
  // Dantzig's rule (the largest improvement enters) needs far fewer pivots on these tables;
  // after a run of degenerate pivots, where it could cycle, Bland's rule takes over for good.
  let degenerate = 0;
  for (let iteration = 0; iteration < limit; iteration++) {
    const j = enteringColumn(t, d, degenerate > DEGENERATE_RUN);
    if (j < 0) return 'optimal';
    const direction = t.atUpper[j] ? -1 : 1;
    const { row, step } = ratioTest(t, j, direction);
    if (step === Infinity) return 'unbounded';
    if (step > 0 && degenerate <= DEGENERATE_RUN) degenerate = 0; else degenerate++;
    if (step !== 0) t.rows.forEach((tr, r) => { t.value[r] = t.value[r]! - direction * tr[j]! * step; });
    if (row < 0) {
      t.atUpper[j] = t.atUpper[j] ? 0 : 1; // a bound flip: the basis stays as it is
      continue;
    }
    const leaving = t.basis[row]!;
    const hitUpper = direction * t.rows[row]![j]! < 0;
    t.atUpper[leaving] = hitUpper ? 1 : 0;
    // In phase one an artificial that has left never needs to come back.
    if (leaving >= t.firstArtificial) { t.upper[leaving] = 0; t.atUpper[leaving] = 0; }
    t.rowOf[leaving] = -1;
    t.basis[row] = j;
    t.rowOf[j] = row;
    t.atUpper[j] = 0;
    t.value[row] = direction === 1 ? step : t.upper[j]! - step;
    pivot(t, row, j, d);
  }
  throw new Error('linear-program: simplex iteration limit reached');
}

/** Degenerate pivots in a row before Bland's rule takes over. */
const DEGENERATE_RUN = 50;

/** A nonbasic column whose move off its bound improves the objective (the lowest-index one
 *  under Bland's rule, else the one improving most), or −1. */
function enteringColumn(t: Tableau, d: Float64Array, bland: boolean): number {
  let best = -1;
  let gain = 0;
  for (let j = 0; j < d.length; j++) {
    // Fixed columns (upper 0) would only flip between two equal bounds forever.
    if (t.rowOf[j]! >= 0 || !(t.upper[j]! > 0)) continue;
    const dj = d[j]!;
    if (!(t.atUpper[j] ? dj < -EPS : dj > EPS)) continue;
    if (bland) return j;
    if (Math.abs(dj) > gain) { gain = Math.abs(dj); best = j; }
  }
  return best;
}

/** How far column j can move (direction +1 up from 0, −1 down from its upper bound) before it
 *  or a basic column hits a bound; row −1 means j reaches its own other bound first. */
function ratioTest(t: Tableau, j: number, direction: 1 | -1): { row: number; step: number } {
  let best = t.upper[j]!;
  let row = -1;
  let bestColumn = -1; // a bound flip wins ties: it changes no basis
  for (let r = 0; r < t.rows.length; r++) {
    const alpha = direction * t.rows[r]![j]!;
    let ratio: number;
    if (alpha > EPS) ratio = t.value[r]! / alpha;
    else if (alpha < -EPS) ratio = (t.upper[t.basis[r]!]! - t.value[r]!) / -alpha;
    else continue;
    if (!(ratio < Infinity)) continue;
    ratio = Math.max(0, ratio);
    const tol = Number.isFinite(best) ? EPS * Math.max(1, best) : 0;
    const column = t.basis[r]!;
    if (ratio < best - tol || (ratio <= best + tol && column < bestColumn)) {
      best = ratio;
      row = r;
      bestColumn = column;
    }
  }
  return { row, step: best };
}

/** Makes column j basic in row r: Gauss–Jordan on the tableau and the reduced costs. */
function pivot(t: Tableau, r: number, j: number, d: Float64Array): void {
  const pr = t.rows[r]!;
  const p = pr[j]!;
  const nonzero: number[] = [];
  for (let k = 0; k < pr.length; k++) {
    if (pr[k] === 0) continue;
    pr[k] = pr[k]! / p;
    nonzero.push(k);
  }
  const eliminate = (target: Float64Array) => {
    const f = target[j]!;
    if (f === 0) return;
    for (const k of nonzero) {
      const v = target[k]! - f * pr[k]!;
      target[k] = Math.abs(v) < 1e-12 ? 0 : v; // keep exact zeros so rows stay sparse
    }
    target[j] = 0;
  };
  t.rows.forEach((row, s) => { if (s !== r) eliminate(row); });
  eliminate(d);
  pr[j] = 1;
}

function checkProgram(lp: LinearProgram): void {
  const n = lp.variables;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`linear-program: variables must be a non-negative integer, got ${n}`);
  if (lp.lower.length !== n || lp.upper.length !== n) throw new RangeError('linear-program: lower and upper need one bound per variable');
  lp.lower.forEach((l, j) => {
    if (!Number.isFinite(l)) throw new RangeError(`linear-program: lower bound of x${j} must be finite`);
    if (Number.isNaN(lp.upper[j])) throw new RangeError(`linear-program: upper bound of x${j} is NaN`);
  });
  lp.constraints.forEach((c, i) => {
    checkTerms(c.terms, n, `constraint ${i}`);
    if (!Number.isFinite(c.rhs)) throw new RangeError(`linear-program: constraint ${i} has a non-finite right-hand side`);
  });
}

function checkTerms(terms: readonly LinearTerm[], n: number, where: string): void {
  for (const { index, coef } of terms) {
    if (!Number.isInteger(index) || index < 0 || index >= n) throw new RangeError(`linear-program: ${where} refers to x${index}, outside 0…${n - 1}`);
    if (!Number.isFinite(coef)) throw new RangeError(`linear-program: ${where} has a non-finite coefficient`);
  }
}
