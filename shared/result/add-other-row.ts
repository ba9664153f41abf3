// Adds the "Other" row of a top-N table. Its cells come from their own protected aggregates
// (the rows past the limit, queried and protected as one group; see other-row-query.ts), matched
// to the table's columns by code, so no figure is derived by subtracting shown rows from a total.
import type { ProtectedAggregates } from '../disclosure/protect';
import { OTHER_CODE, type Cell, type Header, type PivotResult } from './pivot-result';
import { emptyCell, NOT_RECORDED, pathKey } from './shape-pivot';

/** The Other row's header: one code, OTHER_CODE, at depth 1 whatever the number of row fields. */
export const otherHeader = (hidden: number): Header => ({ codes: [OTHER_CODE], labels: [`Other (${hidden} more)`], depth: 1, other: true });

export const otherNote = (hidden: number): string =>
  `Other combines the ${hidden} ${hidden === 1 ? 'row' : 'rows'} not shown; it is computed and protected as one group.`;

/**
 * `table` with one more row, after the shown rows and before the grand total: the cells of
 * `other` (aggregates over the `hidden` cut members, grouped by the table's column fields only).
 */
export function addOtherRow(table: PivotResult, other: ProtectedAggregates, hidden: number): PivotResult {
  checkMatches(table, other);
  const dims = other.plan.dimensions;
  const byColumn = new Map<string, readonly Cell[]>();
  for (const row of other.rows) {
    const codes = dims.flatMap((_, i) => ((row.groupingId & (1 << (dims.length - 1 - i))) === 0 ? [row.dims[i] ?? NOT_RECORDED] : []));
    byColumn.set(pathKey(codes), row.cells.map((v) => ({ value: v.value, suppressed: v.suppressed })));
  }
  const empty = table.measures.map((m) => emptyCell(m.kind));
  const cells = table.columns.map((c) => (byColumn.get(pathKey(c.codes)) ?? empty).map((v) => ({ ...v })));

  const at = table.rows.at(-1)?.depth === 0 ? table.rows.length - 1 : table.rows.length;
  return {
    ...table,
    rows: [...table.rows.slice(0, at), otherHeader(hidden), ...table.rows.slice(at)],
    cells: [...table.cells.slice(0, at), cells, ...table.cells.slice(at)],
    suppressedCount: table.suppressedCount + cells.flat().filter((c) => c.suppressed).length,
    notes: [...table.notes, otherNote(hidden)],
  };
}

/** The two parts must describe the same measures, columns and policy; anything else is a bug. */
function checkMatches(table: PivotResult, other: ProtectedAggregates): void {
  const { plan } = other;
  const same = other.policy.id === table.policy.id
    && plan.requestedMeasures.join('\u0001') === table.measures.map((m) => m.id).join('\u0001')
    && plan.dimensions.length === table.columnFields.length
    && plan.dimensions.every((d, i) => d.axis === 'column' && d.field === table.columnFields[i]?.field && d.level === table.columnFields[i]?.level);
  if (!same) throw new Error('addOtherRow: the Other aggregates do not match the table (measures, column fields or policy)');
}
