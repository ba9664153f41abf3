// Splits a plan's grouping sets by the rows they must count. An "any position" (multi-valued)
// dimension is unnested to a row per distinct code a record mentions: sets grouping by it count
// a record once under each of its codes, but sets rolling it up (subtotals, the grand total)
// must count each record once, so they read the records without the unnest. Same plan ⇒ same parts.
import type { Dialect } from './dialect';
import type { PivotPlan } from './pivot-plan';

/** Which rows a group of grouping sets aggregates. */
export type GroupingRows =
  /** One row per distinct code of the multi-valued dimension a record mentions. */
  | 'mentions'
  /** One row per record; a multi-valued dimension, if any, is left out (rolled up in every set). */
  | 'records';

export interface GroupingPart {
  readonly rows: GroupingRows;
  readonly sets: readonly (readonly number[])[];
}

/** The plan's grouping sets by the rows they read: all of them from the records when no
 *  dimension is multi-valued; otherwise those grouping by it from its mentions, the rest from the
 *  records. Never an empty part, and the mentions part, when there is one, comes first. */
export function groupingParts(plan: PivotPlan): GroupingPart[] {
  const multi = plan.dimensions.findIndex((d) => d.multiValued);
  if (multi < 0) return [{ rows: 'records', sets: plan.groupingSets }];
  const parts: GroupingPart[] = [
    { rows: 'mentions', sets: plan.groupingSets.filter((s) => s.includes(multi)) },
    { rows: 'records', sets: plan.groupingSets.filter((s) => !s.includes(multi)) },
  ];
  return parts.filter((p) => p.sets.length > 0);
}

/** Whether dimension `i` is a column of the rows a part reads (a multi-valued one is not, in records). */
export function readsDimension(plan: PivotPlan, rows: GroupingRows, i: number): boolean {
  return rows === 'mentions' || !plan.dimensions[i]!.multiValued;
}

/**
 * The dimension columns (quoted aliases) and grouping-id expression of a SELECT grouping `sets`.
 * GROUPING() takes only columns grouped in some set of its query, so a dimension grouped in none
 * of these sets is selected as NULL with its bit set (rolled up; MSB = dimension 0, as
 * Dialect.groupingId). When every dimension is grouped somewhere, this is the dialect's
 * groupingId over all of them, as a single-part statement has always rendered it.
 */
export function partColumns(plan: PivotPlan, sets: readonly (readonly number[])[], dialect: Dialect): { columns: string[]; groupingId: string } {
  const q = (name: string) => dialect.quoteIdentifier(name);
  const count = plan.dimensions.length;
  const grouped = plan.dimensions.map((_, i) => sets.some((s) => s.includes(i)));
  if (grouped.every(Boolean)) {
    return { columns: plan.dimensions.map((d) => q(d.alias)), groupingId: count > 0 ? dialect.groupingId(plan.dimensions.map((d) => d.alias)) : '0' };
  }
  const columns = plan.dimensions.map((d, i) => (grouped[i] ? q(d.alias) : `NULL AS ${q(d.alias)}`));
  const bits = plan.dimensions.map((d, i) => {
    const bit = 1 << (count - 1 - i);
    return grouped[i] ? `${dialect.groupingId([d.alias])} * ${bit}` : `${bit}`;
  });
  return { columns, groupingId: bits.join(' + ') };
}
