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
  // Every relation touching a free cell, in changes from the truth: Σ members − group = 0,
  // with only the free cells' terms (the others do not change).
  const relations = new Map<string, { index: number; coef: number }[]>();
  const term = (relation: string, i: number, coef: number) => {
    const list = relations.get(relation);
    if (list) list.push({ index: i, coef }); else relations.set(relation, [{ index: i, coef }]);
  };
  free.forEach((c, i) => {
    c.coords.forEach((coord, dim) => {
      const axis = axes[dim]!;
      if (!axis.additive) return;
      // As a member of its group along `dim` (when that group is a cell of some table here).
      if (coord !== TOP) {
        const group = c.coords.map((x, k) => (k === dim ? axis.parentOf(coord)! : x));
        if (problem.isValidSet(group.map((x) => x !== TOP)) && inViewCoords(problem, group, inView)) term(`${dim}\u0002${cellKey(group)}`, i, 1);
      }
      // As the group of its own members, when they are in the table being protected (a coarser
      // table protected on its own has none).
      if (!coord.startsWith('L') && axis.childrenOf(coord).every((m) => axis.depthOf(m) >= axis.viewDepth)
        && problem.isValidSet(c.coords.map((x, k) => k === dim || x !== TOP))) term(`${dim}\u0002${c.key}`, i, -1);
    });
  });
  const constraints: LinearConstraint[] = [...relations.values()].map((terms) => ({ terms, op: '=', rhs: 0 }));
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

/** Cells of a line (or lines) taken at each step of the search, at most: lines of a long
 *  dimension hold thousands of codes, and the nearest suppressed ones matter most. */
const PER_STEP = 120;

/** The cells a local programme frees: the target's, then the cells on its lines (one
 *  coordinate changed), then on theirs (two)…, suppressed ones before published ones (they
 *  have room), up to `cap`. */
function nearCells(problem: ProtectionProblem, target: ProblemCell, inView: (c: ProblemCell) => boolean, cap: number): ProblemCell[] {
  const chosen = new Map<string, ProblemCell>([[target.key, target]]);
  let frontier: ProblemCell[] = [target];
  while (frontier.length > 0 && chosen.size < cap) {
    const suppressed: ProblemCell[] = [];
    const published: ProblemCell[] = [];
    const seen = new Set<string>();
    for (const cell of frontier.slice(0, PER_STEP)) {
      cell.coords.forEach((_, dim) => {
        for (const c of problem.lines[dim]?.get(lineKey(cell.coords, dim)) ?? []) {
          if (chosen.has(c.key) || seen.has(c.key) || !inView(c)) continue;
          seen.add(c.key);
          (c.state === 'published' ? published : suppressed).push(c);
        }
      });
      if (suppressed.length >= cap) break;
    }
    const byKey = (a: ProblemCell, b: ProblemCell) => (a.key < b.key ? -1 : 1);
    const next = [...suppressed.sort(byKey), ...published.sort(byKey)].slice(0, cap - chosen.size);
    for (const c of next) chosen.set(c.key, c);
    frontier = next;
  }
  return [...chosen.values()];
}
