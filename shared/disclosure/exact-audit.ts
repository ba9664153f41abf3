// The exact audit of a protected table: every relation of the table as a linear programme over
// its cells, and for each sensitive cell the interval an attacker computes from what is
// published (two linear programmes). Witnesses (witness.ts) prove a lower bound on that interval
// quickly for any table; this computes it exactly for tables small enough, and is how tests
// check the witnesses independently.
import { feasibleInterval } from './feasible-interval';
import type { LinearConstraint, LinearProgram } from './linear-program';
import type { DisclosurePolicy } from './policy';
import { boundsOf, cellKey, TOP, type ProblemCell, type ProtectionProblem } from './protection-problem';

export interface ExactInterval {
  readonly cell: ProblemCell;
  readonly min: number;
  readonly max: number;
}

/** The linear programme of a problem: one variable per cell, bounded by what it publishes (the
 *  `target`, if given, by its whole sensitive range), and "group = sum of members" along every
 *  additive dimension. */
export function problemProgram(problem: ProtectionProblem, policy: DisclosurePolicy, target?: ProblemCell): { lp: LinearProgram; index: Map<string, number> } {
  const cells = [...problem.cells.values()];
  const index = new Map(cells.map((c, i) => [c.key, i]));
  const lower: number[] = [];
  const upper: number[] = [];
  for (const c of cells) {
    const b = c === target ? { lo: c.range[0], hi: c.range[1] } : boundsOf(c, problem, policy);
    lower.push(b.lo);
    upper.push(b.hi);
  }
  const constraints: LinearConstraint[] = [];
  for (const c of cells) {
    c.coords.forEach((coord, dim) => {
      const axis = problem.axes[dim]!;
      if (!axis.additive || coord.startsWith('L')) return;
      const grouped = c.coords.map((x, i) => i === dim || x !== TOP);
      if (!problem.isValidSet(grouped)) return;
      const terms = [{ index: index.get(c.key)!, coef: -1 }];
      for (const child of axis.childrenOf(coord)) {
        const i = index.get(cellKey(c.coords.map((x, k) => (k === dim ? child : x))));
        if (i !== undefined) terms.push({ index: i, coef: 1 });
      }
      constraints.push({ terms, op: '=', rhs: 0 });
    });
  }
  return { lp: { variables: cells.length, lower, upper, constraints }, index };
}

/** The exact interval of every sensitive cell of `problem`. */
export function exactIntervals(problem: ProtectionProblem, policy: DisclosurePolicy): ExactInterval[] {
  const out: ExactInterval[] = [];
  for (const cell of problem.cells.values()) {
    if (!cell.sensitive) continue;
    const { lp, index } = problemProgram(problem, policy, cell);
    const interval = feasibleInterval(lp, index.get(cell.key)!);
    if (interval === 'infeasible') throw new Error(`exact audit: the published table admits no values (cell ${cell.key})`);
    out.push({ cell, min: interval.min, max: interval.max });
  }
  return out;
}
