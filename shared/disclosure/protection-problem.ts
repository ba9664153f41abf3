// The linear structure secondary suppression works on, for one additive measure of one table:
// cells on a lattice (one coordinate per dimension: a code, a coarser group of codes, or the
// total), each with its true value and what the table publishes of it, and the relations
// "a group's value is the sum of its members'" along every dimension.
import type { DisclosurePolicy } from './policy';

/** A coordinate on one dimension: a code ('L' + code), a group of codes at a coarser level of
 *  the field's hierarchy ('G' + level + ':' + code), or the dimension's total ('T'). */
export type Coord = string;
export const TOP: Coord = 'T';
export const leafCoord = (code: string): Coord => `L${code}`;
export const groupCoord = (level: string, code: string): Coord => `G${level}:${code}`;

/** What the attacker sees of a cell. `virtual` cells are not in this table but another query
 *  with the same filters would publish them (margins, hierarchy parents, a top-N table's hidden
 *  rows): they count as published and can never be suppressed here. */
export type CellState = 'published' | 'primary' | 'secondary';

export interface ProblemCell {
  readonly key: string;
  readonly coords: readonly Coord[];
  readonly truth: number;
  /** Primary-sensitive: the records behind it are within the suppression range. */
  readonly sensitive: boolean;
  /** What a sensitive cell's value may be: for counts the suppression range ([suppressMin,
   *  suppressMax], wider in fine-code × provider tables); for sums any value ≥ 0. */
  readonly range: readonly [number, number];
  /** The least value the cell can hold when published: a published count is above its
   *  suppression range; a published sum can be anything. */
  readonly publishedFloor: number;
  /** Room this sensitive cell needs downwards and upwards, when not the policy's total width:
   *  a cell withheld by overlap control hides a difference of a few records X = |a − b| from a
   *  remembered cell a. An attacker bounds b on one side by a (b ≤ a when b's population is
   *  within a's), so only room on the other side hides X: b must be able to move by the whole
   *  suppression range both ways (which side matters depends on which population is larger). */
  readonly need?: { readonly down: number; readonly up: number };
  /** What other tables the analyst was shown tell of this cell (remembered cells nested with
   *  it): bounds the attacker has whatever this table publishes. */
  readonly known?: Bounds;
  state: CellState;
  readonly virtual: boolean;
  /** The rounded value published (when state is 'published'). */
  readonly shown: number;
}

/** One dimension's tree: codes (leaves) under groups under the total. */
export interface Axis {
  /** Parent coordinate of a leaf or group; undefined for the total. */
  readonly parentOf: (coord: Coord) => Coord | undefined;
  /** Leaves present under a coordinate (the total: every leaf). */
  readonly leavesUnder: (coord: Coord) => readonly Coord[];
  /** The coordinates one level below a group or the total (its members). */
  readonly childrenOf: (coord: Coord) => readonly Coord[];
  /** How many levels above the table's codes: 0 for a code, 1 for its parent group, …;
   *  Infinity for the total. */
  readonly depthOf: (coord: Coord) => number;
  /** The depths of groups present (0 for codes), finest first. */
  readonly depths: readonly number[];
  /** The depth a table protected on its own sees as its codes: 0, or a coarser level when a
   *  coarser table is protected first (the cells below it are not in that table). */
  readonly viewDepth: number;
  /** False for "any position" fields: a record counts under several codes, so members do not
   *  add up to their group and no relation holds along this dimension. */
  readonly additive: boolean;
}

export interface ProtectionProblem {
  readonly axes: readonly Axis[];
  readonly cells: ReadonlyMap<string, ProblemCell>;
  /** Per dimension, the cells of each line along it (every other coordinate held), by
   *  {@link lineKey}: where a witness looks for a sibling to move against. */
  readonly lines: readonly ReadonlyMap<string, readonly ProblemCell[]>[];
  /** Which dimensions may be non-total together: a coordinate tuple whose non-total
   *  dimensions are not one of these sets is no cell of any table (no relation involves it). */
  readonly isValidSet: (grouped: readonly boolean[]) => boolean;
  /** The least value a suppressed cell can hold: counts are never suppressed at 0 (zero is
   *  shown), sums may be 0. */
  readonly suppressedFloor: number;
}

export const cellKey = (coords: readonly Coord[]): string => coords.join('\u0001');
export const lineKey = (coords: readonly Coord[], dim: number): string => coords.map((c, i) => (i === dim ? '' : c)).join('\u0001');

export interface Bounds { readonly lo: number; readonly hi: number }

/**
 * What an attacker knows of a cell's true value from what is published: a published value v̂
 * means [v̂ − ⌊base/2⌋, v̂ + ⌊base/2⌋] (and at least the threshold), exactly 0 when v̂ is 0; a
 * suppressed cell is at least the smallest value ever suppressed (a 0 is always shown). The
 * attacker cannot tell a primary cell from a complement, so only the cell under attack is
 * taken to be within the suppression range: its interval is worked out from the others'
 * bounds and the table's relations (feasibleRange in witness.ts, exact-audit.ts).
 */
export function boundsOf(cell: ProblemCell, problem: ProtectionProblem, policy: DisclosurePolicy): Bounds {
  const own = ownBounds(cell, problem, policy);
  if (!cell.known) return own;
  // Never tighter than the truth allows (the known bounds come from rounded values too).
  return { lo: Math.min(cell.truth, Math.max(own.lo, cell.known.lo)), hi: Math.max(cell.truth, Math.min(own.hi, cell.known.hi)) };
}

function ownBounds(cell: ProblemCell, problem: ProtectionProblem, policy: DisclosurePolicy): Bounds {
  switch (cell.state) {
    case 'primary':
    case 'secondary': return { lo: problem.suppressedFloor, hi: Infinity };
    case 'published': {
      if (cell.shown === 0 && cell.truth === 0) return { lo: 0, hi: 0 };
      const half = Math.floor(policy.roundingBase / 2);
      return { lo: Math.max(cell.shown - half, cell.publishedFloor), hi: cell.shown + half };
    }
    default: { const never: never = cell.state; throw new Error(`unhandled state ${String(never)}`); }
  }
}
