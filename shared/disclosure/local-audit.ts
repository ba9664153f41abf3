// The second, stronger proof of a hidden cell's interval, for when witnesses fall short: a
// linear programme over the cells near it (all of a small table), every other cell held at its
// true value. Holding cells fixed only removes tables an attacker would have to rule out, so
// the interval found is within the attacker's (a certified lower bound); over a whole table it
// is the attacker's exactly (exact-audit.ts).
import { maximize, minimize, type LinearConstraint } from './linear-program';
import type { DisclosurePolicy } from './policy';
import { boundsOf, cellKey, lineKey, TOP, type Axis, type ProblemCell, type ProtectionProblem } from './protection-problem';

/** Most cells a local programme frees: keeps one proof to tens of milliseconds on the dense
 *  simplex. A first try frees fewer (most hidden cells need only their lines). */
export const LOCAL_CELLS = 300;
export const FIRST_LOCAL_CELLS = 60;

/** How far the target can move down and up with the cells near it free, in whole units. */
export function localRoom(
  axes: readonly Axis[], problem: ProtectionProblem, policy: DisclosurePolicy, target: ProblemCell, inView: (c: ProblemCell) => boolean,
  /** Cells to treat as suppressed although published: how wide suppressing them would make it. */
  asIfSuppressed: (c: ProblemCell) => boolean = () => false,
  /** Most cells freed. */
  cap = LOCAL_CELLS,
): { up: number; down: number } {
  const free = nearCells(problem, target, inView, cap);
  const index = new Map(free.map((c, i) => [c.key, i]));
  const lower: number[] = [];
  const upper: number[] = [];
  for (const c of free) {
    const b = c === target ? { lo: c.range[0], hi: c.range[1] }
      : asIfSuppressed(c) ? { lo: problem.suppressedFloor, hi: Infinity } : boundsOf(c, problem, policy);
    lower.push(b.lo - c.truth);
    upper.push(b.hi - c.truth);
  }
  // Every relation touching a free cell, in changes from the truth: Σ members − group = 0.
  const constraints: LinearConstraint[] = [];
  const seen = new Set<string>();
  const relation = (group: readonly string[], dim: number) => {
    const id = `${dim}\u0002${cellKey(group)}`;
    if (seen.has(id)) return;
    seen.add(id);
    const terms: { index: number; coef: number }[] = [];
    const g = index.get(cellKey(group));
    if (g !== undefined) terms.push({ index: g, coef: -1 });
    for (const child of axes[dim]!.childrenOf(group[dim]!)) {
      const i = index.get(cellKey(group.map((x, k) => (k === dim ? child : x))));
      if (i !== undefined) terms.push({ index: i, coef: 1 });
    }
    if (terms.length > 0) constraints.push({ terms, op: '=', rhs: 0 });
  };
  for (const c of free) {
    c.coords.forEach((coord, dim) => {
      if (!axes[dim]!.additive) return;
      // As a member of its group along `dim`, and as the group of its own members.
      if (coord !== TOP) {
        const group = c.coords.map((x, k) => (k === dim ? axes[dim]!.parentOf(coord)! : x));
        if (problem.isValidSet(group.map((x) => x !== TOP)) && inViewCoords(problem, group, inView)) relation(group, dim);
      }
      // Only when its members are in the table being protected (a coarser table alone has none).
      const axis = axes[dim]!;
      if (!coord.startsWith('L') && axis.childrenOf(coord).every((m) => axis.depthOf(m) >= axis.viewDepth)
        && problem.isValidSet(c.coords.map((x, k) => k === dim || x !== TOP))) relation(c.coords, dim);
    });
  }
  const lp = { variables: free.length, lower, upper, constraints };
  const objective = [{ index: index.get(target.key)!, coef: 1 }];
  const hi = maximize(lp, objective);
  const lo = minimize(lp, objective);
  const whole = (v: number) => Math.floor(v + 1e-6);
  return {
    up: hi.kind === 'optimal' ? whole(hi.value) : hi.kind === 'unbounded' ? Infinity : 0,
    down: lo.kind === 'optimal' ? whole(-lo.value) : 0,
  };
}

/** A group cell is in view when it exists and the view includes it, or holds no records. */
function inViewCoords(problem: ProtectionProblem, coords: readonly string[], inView: (c: ProblemCell) => boolean): boolean {
  const cell = problem.cells.get(cellKey(coords));
  return cell === undefined || inView(cell);
}

/** The cells a local programme frees: the target's, then the cells on its lines (one
 *  coordinate changed), then on theirs (two)…, suppressed ones before published ones (they
 *  have room), up to `cap`. */
function nearCells(problem: ProtectionProblem, target: ProblemCell, inView: (c: ProblemCell) => boolean, cap: number): ProblemCell[] {
  const chosen = new Map<string, ProblemCell>([[target.key, target]]);
  let frontier: ProblemCell[] = [target];
  while (frontier.length > 0 && chosen.size < cap) {
    const next = new Map<string, ProblemCell>();
    for (const cell of frontier) {
      cell.coords.forEach((_, dim) => {
        for (const c of problem.lines[dim]?.get(lineKey(cell.coords, dim)) ?? []) if (!chosen.has(c.key) && inView(c)) next.set(c.key, c);
      });
    }
    const ranked = [...next.values()].sort((a, b) => Number(a.state === 'published') - Number(b.state === 'published') || (a.key < b.key ? -1 : 1));
    for (const c of ranked.slice(0, cap - chosen.size)) chosen.set(c.key, c);
    frontier = ranked;
  }
  return [...chosen.values()];
}
