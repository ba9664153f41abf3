// Proves a hidden cell's feasible interval is wide by exhibiting other tables consistent with
// everything published. A witness is a "generalised hypercube": along each dimension one unit
// moves from one code to another (or out of the total), the product over dimensions changes
// the cells; every relation "group = sum of members" still holds, so if every changed cell stays
// within what its published value allows, the target could truly be that much higher or lower.
// A witness gives a lower bound on the interval an attacker can compute (its exact value needs
// a linear programme over the whole table; tests compare the two).
import { boundsOf, cellKey, lineKey, TOP, type Axis, type Coord, type ProblemCell, type ProtectionProblem } from './protection-problem';
import type { DisclosurePolicy } from './policy';

/** One dimension's unit move: +1 on every coordinate from `from` up to (not including) the
 *  lowest coordinate shared with `to`'s path, −1 on `to`'s side; `to` undefined: +1 up to and
 *  including the total. */
export interface AxisMove {
  /** Each coordinate the move changes, with its sign. */
  readonly signs: readonly (readonly [Coord, 1 | -1])[];
}

export function axisMove(axis: Axis, from: Coord, to: Coord | undefined): AxisMove {
  const pathOf = (c: Coord): Coord[] => {
    const path: Coord[] = [];
    for (let x: Coord | undefined = c; x !== undefined; x = axis.parentOf(x)) path.push(x);
    return path;
  };
  const up = pathOf(from);
  const down = to === undefined ? [] : pathOf(to);
  const shared = new Set(down.filter((c) => up.includes(c)));
  const signs: (readonly [Coord, 1 | -1])[] = [];
  for (const c of up) if (!shared.has(c)) signs.push([c, 1]);
  for (const c of down) if (!shared.has(c)) signs.push([c, -1]);
  return { signs };
}

/** Current values of cells moved by witnesses applied so far (truth when absent). */
export type Overlay = Map<string, number>;

export interface Capacity {
  /** Units the witness can move the target in its direction (0: blocked). */
  readonly units: number;
  /** Published (or suppressed) cells whose bound stops the witness at `units`. */
  readonly bottlenecks: readonly ProblemCell[];
}

/**
 * How many units a witness (one move per dimension) can go in direction `sign` for the target,
 * given the bounds everything published implies. A tuple of coordinates that is a cell of some
 * table but holds no records is a published 0: it cannot move, so the witness is blocked.
 */
export function capacity(
  problem: ProtectionProblem, policy: DisclosurePolicy, target: ProblemCell,
  moves: readonly AxisMove[], sign: 1 | -1, overlay: Overlay,
): Capacity {
  let units = Infinity;
  let bottlenecks: ProblemCell[] = [];
  const lists = moves.map((m) => m.signs);
  const coords: Coord[] = new Array<Coord>(lists.length);
  const grouped: boolean[] = new Array<boolean>(lists.length);
  let blocked = false;
  const visit = (i: number, s: number): void => {
    if (blocked) return;
    if (i === lists.length) {
      if (!problem.isValidSet(grouped)) return;
      const cell = problem.cells.get(cellKey(coords));
      if (!cell) { blocked = true; return; } // an empty cell of a table: published 0
      const direction = s * sign;
      const current = overlay.get(cell.key) ?? cell.truth;
      const b = cell === target ? { lo: cell.range[0], hi: cell.range[1] } : boundsOf(cell, problem, policy);
      const room = direction > 0 ? b.hi - current : current - b.lo;
      if (room < units) { units = room; bottlenecks = [cell]; } else if (room === units) bottlenecks.push(cell);
      if (units <= 0) blocked = true;
      return;
    }
    for (const [coord, sg] of lists[i]!) {
      coords[i] = coord;
      grouped[i] = coord !== TOP;
      visit(i + 1, s * sg);
    }
  };
  visit(0, 1);
  if (blocked) return { units: 0, bottlenecks };
  return { units: units === Infinity ? 0 : Math.max(0, units), bottlenecks };
}

/** The roomiest cells of each line, cached: a line can hold thousands of codes and every
 *  hidden cell on it asks. A cell's room changes only when it is suppressed ({@link changed}). */
export class LineRooms {
  /** By dimension and line, then by depth, direction and count. */
  private readonly cache = new Map<string, Map<string, readonly { cell: ProblemCell; room: number }[]>>();
  constructor(private readonly problem: ProtectionProblem, private readonly policy: DisclosurePolicy) {}

  /** Up to `count` cells of the line with the most room to move in `direction` (ties by key),
   *  among those whose coordinate on `dim` is at `depth`. */
  roomiest(dim: number, line: string, depth: number, direction: 1 | -1, count: number): readonly { cell: ProblemCell; room: number }[] {
    const lineId = `${dim}\u0002${line}`;
    let byLine = this.cache.get(lineId);
    if (!byLine) { byLine = new Map(); this.cache.set(lineId, byLine); }
    const key = `${depth}\u0002${direction}\u0002${count}`;
    const hit = byLine.get(key);
    if (hit) return hit;
    const axis = this.problem.axes[dim]!;
    const top: { cell: ProblemCell; room: number }[] = [];
    for (const cell of this.problem.lines[dim]?.get(line) ?? []) {
      if (axis.depthOf(cell.coords[dim]!) !== depth) continue;
      const b = boundsOf(cell, this.problem, this.policy);
      const room = direction > 0 ? b.hi - cell.truth : cell.truth - b.lo;
      const worst = top[top.length - 1];
      if (top.length === count && worst !== undefined && (room < worst.room || (room === worst.room && cell.key > worst.cell.key))) continue;
      top.push({ cell, room });
      top.sort((a, b) => b.room - a.room || (a.cell.key < b.cell.key ? -1 : 1));
      if (top.length > count) top.pop();
    }
    byLine.set(key, top);
    return top;
  }

  /** Forgets the lines through `cell` (its state changed). */
  changed(cell: ProblemCell): void {
    cell.coords.forEach((_, dim) => this.cache.delete(`${dim}\u0002${lineKey(cell.coords, dim)}`));
  }
}

/** How many roomiest cells of a line to keep: enough for the moves tried and the target. */
const KEEP = 12;

/** Coordinates a witness may move one unit to, along one dimension, for the target coordinate
 *  `at`: a leaf moves to a sibling or out of the total; a group or the total moves through one
 *  of its leaves. `axes` say what the leaves are (the codes, or groups at a coarser level when
 *  a coarser table is protected on its own). Only cells of the target's own line are looked at
 *  (every other coordinate held), ranked by their room in the direction they would move; a
 *  line with no room still yields moves, so the witnesses it blocks name the blockers. */
export function candidateMoves(
  axes: readonly Axis[], problem: ProtectionProblem, rooms: LineRooms, target: ProblemCell, dim: number, limit: number, sign: 1 | -1,
): AxisMove[] {
  const axis = axes[dim]!;
  const at = target.coords[dim]!;
  // No relation holds along a non-additive dimension: the target's coordinate moves alone.
  if (!axis.additive) return [{ signs: [[at, 1]] }];
  const under = (c: Coord) => { for (let x: Coord | undefined = c; x !== undefined; x = axis.parentOf(x)) if (x === at) return true; return false; };
  const line = lineKey(target.coords, dim);
  const pick = (direction: 1 | -1, keep: (c: Coord) => boolean): Coord[] => {
    let ranked = rooms.roomiest(dim, line, axis.viewDepth, direction, KEEP).filter((x) => x.cell !== target && keep(x.cell.coords[dim]!));
    // The cached few may all fall on the wrong side of a group: look at the whole line then.
    if (ranked.length < limit) ranked = rooms.roomiest(dim, line, axis.viewDepth, direction, Number.MAX_SAFE_INTEGER).filter((x) => x.cell !== target && keep(x.cell.coords[dim]!));
    return ranked.slice(0, limit).map((x) => x.cell.coords[dim]!);
  };
  // A group or total moves through one of its codes; if its own line has none (the set with
  // this dimension alone is no table's, e.g. a second row field without the first), any code.
  const picked = axis.depthOf(at) === axis.viewDepth ? [at] : pick(sign, under);
  const froms = picked.length > 0 ? picked : axis.leavesUnder(at).slice(0, limit);
  const tos = pick(sign > 0 ? -1 : 1, (c) => !under(c));
  const moves: AxisMove[] = [];
  for (const from of froms) {
    moves.push(axisMove(axis, from, undefined));
    for (const to of tos) moves.push(axisMove(axis, from, to));
  }
  return moves;
}
