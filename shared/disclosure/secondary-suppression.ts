// Secondary suppression with an audit: every sensitive cell must keep a feasible interval at
// least the policy's protection width wide. The audit is constructive (witness.ts): it exhibits
// other tables consistent with everything published, moving the cell up and down. Where the
// witnesses fall short, a published cell that blocks them is suppressed too (the finest, then
// the smallest), and the cell audited again. Tables with hierarchies are protected top down
// (the modular method of τ-Argus's HiTaS): the table of the coarsest groups first, as its own
// query would be, then each finer one with the coarser cells' suppressions fixed.
import type { DisclosurePolicy } from './policy';
import { cellKey, TOP, type Axis, type Coord, type ProblemCell, type ProtectionProblem } from './protection-problem';
import { FIRST_LOCAL_CELLS, localRoom } from './local-audit';
import { candidateMoves, capacity, LineRooms, type AxisMove, type Capacity, type Overlay } from './witness';

/** Candidate unit moves tried per dimension and direction: enough to find the usual
 *  complements (a sibling, a margin) without trying every code of a long dimension. */
const MOVES_PER_DIMENSION = 5;
/** Cells beyond which a table's proofs use only the nearest cells' linear programme. */
const LARGE_PROBLEM = 3000;
/** Combinations of moves tried exhaustively; beyond, one dimension at a time. */
const EXHAUSTIVE = 256;

export interface AuditedCell {
  readonly cell: ProblemCell;
  /** Units the proofs moved it up and down: its interval is at least up + down wide. */
  readonly up: number;
  readonly down: number;
  /** Set when no suppression could make the interval as wide as the policy asks (a hidden
   *  total of k hidden non-zero cells is at least k): the width reached instead. */
  readonly limited?: number;
}

export interface SecondaryOutcome {
  /** Cells suppressed to protect others, in the order chosen. */
  readonly secondary: readonly ProblemCell[];
  /** Every sensitive cell with the width its witnesses prove (in the finest table). */
  readonly audited: readonly AuditedCell[];
  /** Sensitive cells no suppression could protect. Should stay empty; reported, never
   *  silently accepted. */
  readonly unprotected: readonly ProblemCell[];
}

export interface SecureOptions {
  /** Protect the whole problem at once, suppressing only these cells (every other cell's
   *  state is already decided): a top-N table's Other row joining its full table. */
  readonly onlySuppress?: (c: ProblemCell) => boolean;
}

/** Suppresses complements in `problem` (mutating cell states) until every sensitive cell's
 *  proven interval is at least `policy.protectionWidth` wide (or its whole range). */
export function secureProblem(problem: ProtectionProblem, policy: DisclosurePolicy, options: SecureOptions = {}): SecondaryOutcome {
  const secondary: ProblemCell[] = [];
  const decided = new Set<string>();
  let audited: AuditedCell[] = [];
  let unprotected: ProblemCell[] = [];
  const cells = [...problem.cells.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  const only = options.onlySuppress;
  const rooms = new LineRooms(problem, policy);
  const large = problem.cells.size > LARGE_PROBLEM;
  for (const depths of only ? [problem.axes.map(() => 0)] : coarsestFirst(problem.axes)) {
    const axes = viewAxes(problem.axes, depths);
    const depthIs = (c: ProblemCell, cmp: (d: number, want: number) => boolean) =>
      c.coords.every((x, i) => x === TOP || cmp(problem.axes[i]!.depthOf(x), depths[i]!));
    const inView = (c: ProblemCell) => depthIs(c, (d, want) => d >= want);
    const inTable = only ?? ((c: ProblemCell) => depthIs(c, (d, want) => d === want));
    const suppressible = (c: ProblemCell) => inTable(c) && !decided.has(c.key) && c.state === 'published' && c.truth > 0;
    type Result = { cell: ProblemCell; up: number; down: number; limited: number | undefined; ok: boolean };
    const secure = (target: ProblemCell): Result => {
      // A cell cannot be less certain than its whole range (1–7 allows a width of 6).
      let need: Need = target.need ? { ...target.need, total: target.need.up + target.need.down } : { up: 0, down: 0, total: Math.min(policy.protectionWidth, target.range[1] - target.range[0]) };
      let reachable = false;
      let limited: number | undefined;
      for (;;) {
        const proof = prove(axes, problem, policy, rooms, target, need);
        if (enough(proof, need)) return { cell: target, up: proof.up, down: proof.down, limited, ok: true };
        // Witnesses are quick but move one hypercube at a time; a linear programme over the
        // cells near the target finds combinations of them. The nearest cells first; more only
        // when even suppressing every one of those could not do (then more may help).
        let local = localRoom(axes, problem, policy, target, inView, undefined, FIRST_LOCAL_CELLS);
        if (enough(local, need)) return { cell: target, ...local, limited, ok: true };
        const nearBest = reachable ? undefined : localRoom(axes, problem, policy, target, inView, suppressible, FIRST_LOCAL_CELLS);
        // (A large table has thousands of such cells: there the nearest cells must do.)
        if (!large && (nearBest === undefined || !enough(nearBest, need))) {
          local = localRoom(axes, problem, policy, target, inView);
          if (enough(local, need)) return { cell: target, ...local, limited, ok: true };
        }
        if (!reachable) {
          // Zeros are shown, so a hidden total of k hidden non-zero cells is at least k: some
          // intervals cannot reach the width however much is suppressed. Aim for what can be
          // reached, rather than suppress the whole table for nothing.
          const best = nearBest !== undefined && (large || enough(nearBest, need)) ? nearBest : localRoom(axes, problem, policy, target, inView, suppressible);
          reachable = true;
          if (!enough(best, need)) {
            need = { up: Math.min(need.up, best.up), down: Math.min(need.down, best.down), total: Math.min(need.total, best.up + best.down) };
            limited = need.total;
            if (enough(local, need)) return { cell: target, ...local, limited, ok: true };
          }
        }
        const complement = chooseComplement(problem, target, proof.blockers, suppressible);
        if (!complement) return { cell: target, up: Math.max(proof.up, local.up), down: Math.max(proof.down, local.down), limited, ok: false };
        complement.state = 'secondary';
        rooms.changed(complement);
        secondary.push(complement);
      }
    };
    const targets = cells.filter((c) => c.sensitive && inView(c));
    let results = targets.map(secure);
    // Complements chosen for later cells may have protected an earlier one after all.
    while (results.some((r) => !r.ok)) {
      const before = secondary.length;
      results = results.map((r) => (r.ok ? r : secure(r.cell)));
      if (secondary.length === before) break;
    }
    audited = results.map(({ cell, up, down, limited }) => ({ cell, up, down, ...(limited === undefined ? {} : { limited }) }));
    unprotected = results.filter((r) => !r.ok).map((r) => r.cell);
    for (const c of cells) if (inTable(c)) decided.add(c.key);
  }
  return { secondary, audited, unprotected };
}

/** Every combination of one depth per dimension, coarsest tables first. */
function coarsestFirst(axes: readonly Axis[]): number[][] {
  let vectors: number[][] = [[]];
  for (const axis of axes) vectors = vectors.flatMap((v) => axis.depths.map((d) => [...v, d]));
  const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
  return vectors.sort((a, b) => sum(b) - sum(a) || b.join().localeCompare(a.join()));
}

/** The axes as a coarser table sees them: its "codes" are the groups at `depths[i]`. */
function viewAxes(axes: readonly Axis[], depths: readonly number[]): Axis[] {
  return axes.map((axis, i) => {
    const depth = depths[i]!;
    if (depth === 0) return axis;
    const under = new Map<Coord, Coord[]>();
    const seen = new Set<Coord>();
    for (const leaf of axis.leavesUnder(TOP)) {
      let x: Coord | undefined = leaf;
      while (x !== undefined && x !== TOP && axis.depthOf(x) < depth) x = axis.parentOf(x);
      if (x === undefined || x === TOP || axis.depthOf(x) !== depth || seen.has(x)) continue;
      seen.add(x);
      for (let y: Coord | undefined = x; y !== undefined; y = axis.parentOf(y)) {
        const list = under.get(y);
        if (list) list.push(x); else under.set(y, [x]);
      }
    }
    return { ...axis, leavesUnder: (c: Coord) => under.get(c) ?? [], viewDepth: depth };
  });
}

interface Proof { up: number; down: number; blockers: Map<ProblemCell, number> }

/** What a sensitive cell needs: room upwards and downwards, and in all. */
export interface Need { readonly up: number; readonly down: number; readonly total: number }
const enough = (room: { up: number; down: number }, need: Need) => room.up >= need.up && room.down >= need.down && room.up + room.down >= need.total;

/** How far witnesses move the target up, then down (each from the true table), stopping once
 *  the need is met; with the cells that blocked the witnesses, for choosing a complement. */
export function prove(axes: readonly Axis[], problem: ProtectionProblem, policy: DisclosurePolicy, rooms: LineRooms, target: ProblemCell, need: Need): Proof {
  const blockers = new Map<ProblemCell, number>();
  const go = (sign: 1 | -1, wanted: number): number => {
    const candidates = target.coords.map((_, dim) => candidateMoves(axes, problem, rooms, target, dim, MOVES_PER_DIMENSION, sign));
    const overlay: Overlay = new Map();
    let moved = 0;
    while (moved < wanted) {
      const best = bestWitness(problem, policy, target, candidates, sign, overlay, blockers);
      if (best.capacity.units <= 0) break;
      const units = Math.min(best.capacity.units, wanted - moved);
      apply(problem, best.moves, sign * units, overlay);
      moved += units;
    }
    return moved;
  };
  const up = go(1, Math.max(need.up, need.total - need.down));
  const down = go(-1, Math.max(need.down, need.total - up));
  return { up, down, blockers };
}

/** The witness (one candidate move per dimension) that moves the target furthest. */
function bestWitness(
  problem: ProtectionProblem, policy: DisclosurePolicy, target: ProblemCell, candidates: readonly AxisMove[][],
  sign: 1 | -1, overlay: Overlay, blockers: Map<ProblemCell, number>,
): { moves: AxisMove[]; capacity: Capacity } {
  const choice = candidates.map(() => 0);
  const movesOf = (ch: readonly number[]) => ch.map((j, i) => candidates[i]![j]!);
  const evaluate = (ch: readonly number[]): Capacity => {
    const cap = capacity(problem, policy, target, movesOf(ch), sign, overlay);
    if (cap.units === 0) for (const b of cap.bottlenecks) blockers.set(b, (blockers.get(b) ?? 0) + 1);
    return cap;
  };
  let best = evaluate(choice);
  // Few combinations (up to three dimensions): try them all; a witness often needs a sibling
  // on two dimensions at once, which changing one move at a time from the margins never finds.
  const combinations = candidates.reduce((n, c) => n * c.length, 1);
  if (combinations <= EXHAUSTIVE) {
    const trial = choice.slice();
    const visit = (i: number): void => {
      if (i === candidates.length) {
        const cap = evaluate(trial);
        if (cap.units > best.units) { best = cap; choice.splice(0, choice.length, ...trial); }
        return;
      }
      for (let j = 0; j < candidates[i]!.length; j++) { trial[i] = j; visit(i + 1); }
    };
    visit(0);
    return { moves: movesOf(choice), capacity: best };
  }
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < candidates.length; i++) {
      for (let j = 0; j < candidates[i]!.length; j++) {
        if (j === choice[i]) continue;
        const trial = choice.slice();
        trial[i] = j;
        const cap = evaluate(trial);
        if (cap.units > best.units) { best = cap; choice[i] = j; }
      }
    }
  }
  return { moves: movesOf(choice), capacity: best };
}

/** Adds `units` times the witness to the overlay of current values. */
function apply(problem: ProtectionProblem, moves: readonly AxisMove[], units: number, overlay: Overlay): void {
  const lists = moves.map((m) => m.signs);
  const coords: string[] = new Array<string>(lists.length);
  const visit = (i: number, s: number): void => {
    if (i === lists.length) {
      const cell = problem.cells.get(cellKey(coords));
      if (cell) overlay.set(cell.key, (overlay.get(cell.key) ?? cell.truth) + s * units);
      return;
    }
    for (const [coord, sg] of lists[i]!) { coords[i] = coord; visit(i + 1, s * sg); }
  };
  visit(0, 1);
}

/** A cell that blocked the witnesses: the finest (totals and subtotals are what analysts read
 *  most), then the smallest value (least information lost), then the one blocking most often,
 *  then the key, so the same table always gets the same complements. Failing that, the nearest
 *  cell (fewest coordinates away). Only cells `suppressible` allows: never a zero. */
function chooseComplement(
  problem: ProtectionProblem, target: ProblemCell, blockers: ReadonlyMap<ProblemCell, number>, suppressible: (c: ProblemCell) => boolean,
): ProblemCell | undefined {
  const allowed = (c: ProblemCell) => c !== target && suppressible(c);
  const fineness = (c: ProblemCell) => c.coords.filter((x) => x.startsWith('L')).length;
  const ranked = [...blockers].filter(([c]) => allowed(c))
    .sort(([a, na], [b, nb]) => fineness(b) - fineness(a) || a.truth - b.truth || nb - na || (a.key < b.key ? -1 : 1));
  if (ranked.length > 0) return ranked[0]![0];
  const differ = (c: ProblemCell) => c.coords.reduce((n, x, i) => n + (x === target.coords[i] ? 0 : 1), 0);
  const near = [...problem.cells.values()].filter(allowed);
  return near.sort((a, b) => differ(a) - differ(b) || fineness(b) - fineness(a) || a.truth - b.truth || (a.key < b.key ? -1 : 1))[0];
}
