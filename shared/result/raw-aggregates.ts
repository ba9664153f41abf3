// Raw aggregates as the engine returns them. These never leave the server: only protect()
// turns them into something a response, an export or a log may hold.
import type { PivotPlan } from '../sql/pivot-plan';

export interface RawRow {
  /** One code per plan dimension; null where the dimension is rolled up (or genuinely NULL). */
  readonly dims: readonly (string | null)[];
  /** Bitmask from the dialect's groupingId: bit set = dimension rolled up. MSB = dimension 0. */
  readonly groupingId: number;
  /** Aggregate alias → value. */
  readonly aggregates: ReadonlyMap<string, number | null>;
}

export interface RawAggregates {
  readonly plan: PivotPlan;
  readonly rows: readonly RawRow[];
}

/** Is dimension `i` of `count` grouped (not rolled up) in this row? */
export function isGrouped(row: RawRow, i: number, count: number): boolean {
  return (row.groupingId & (1 << (count - 1 - i))) === 0;
}
