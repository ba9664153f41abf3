// Turns a PivotResult into TanStack Table column definitions: one row-header column per row
// field, then nested column groups (column fields' values, subtotals, the total) whose leaves
// are the measures. Ids are positions, never codes, so any code is safe in an id.
import { createColumnHelper, tableFeatures, type ColumnDef } from '@tanstack/react-table';
import type { PivotResponse } from '../api/api-types';
import type { GridRow } from './grid-model';

export type PivotColumnMeta =
  | { readonly kind: 'row-header'; readonly level: number }
  | { readonly kind: 'group'; readonly isTotal: boolean }
  | { readonly kind: 'value'; readonly column: number; readonly measure: number; readonly isTotal: boolean };

/** Core features only: the server sorts, totals and protects; the table lays out headers. */
export const pivotFeatures = tableFeatures({ columnMeta: {} as PivotColumnMeta });
export type PivotFeatures = typeof pivotFeatures;

/** One grid row: a row of the base result or an expanded child (see grid-model.ts). */
export type PivotRow = GridRow;

/** What a row-header label needs: a result Header or a GridRow. */
export interface RowLabels { readonly codes: readonly string[]; readonly labels: readonly string[]; readonly depth: number }

const helper = createColumnHelper<PivotFeatures, PivotRow>();
type Def = ColumnDef<PivotFeatures, PivotRow, unknown>;

interface GroupNode { readonly id: string; readonly key: string; readonly label: string; readonly isTotal: boolean; readonly children: (GroupNode | Def)[] }

export const TOTAL_LABEL = 'Total';

/** "J18 Pneumonia, organism unspecified" where codes mean something, else the label alone. */
export function codeAndLabel(code: string | undefined, label: string | undefined, showCodes: boolean | undefined): string {
  if (!showCodes || !code || code === label) return label ?? '';
  return `${code} ${label ?? ''}`;
}

/** The label of row `row` in row-header column `level` ('' where a subtotal row is blank). */
export function rowHeaderLabel(row: RowLabels, level: number, showCodes?: boolean): string {
  if (level < row.depth) return codeAndLabel(row.codes[level], row.labels[level], showCodes);
  return level === row.depth ? TOTAL_LABEL : '';
}

export function fieldHeading(field: PivotResponse['rowFields'][number]): string {
  return field.levelLabel !== field.label ? `${field.label} (${field.levelLabel})` : field.label;
}

/** Column definitions for the columns `shown` (indexes into result.columns, in their order). */
export function buildPivotColumns(result: PivotResponse, shown: readonly number[] = result.columns.map((_, c) => c)): Def[] {
  const rowHeaders: Def[] = (result.rowFields.length === 0 ? [undefined] : result.rowFields).map((field, level) => helper.display({
    id: `row-${level}`,
    header: field ? fieldHeading(field) : '',
    meta: { kind: 'row-header', level },
  }));

  const fieldCount = result.columnFields.length;
  const root: GroupNode = { id: 'root', key: '', label: '', isTotal: false, children: [] };
  let seq = 0;
  // Only a run of neighbouring columns shares a group heading, so the leaves keep the order
  // of `shown` even where it splits a column value's columns apart.
  const child = (parent: GroupNode, key: string, label: string, isTotal: boolean): GroupNode => {
    const last = parent.children.at(-1);
    if (last && 'children' in last && last.key === key) return last;
    const node: GroupNode = { id: `g${seq++}`, key, label, isTotal, children: [] };
    parent.children.push(node);
    return node;
  };

  // With one measure its label goes in the caption, and each column value is a leaf, which
  // saves a header row; with several, measures are the leaves under each column value.
  const isSingleMeasure = result.measures.length === 1;
  for (const c of shown) {
    const column = result.columns[c];
    if (!column) continue;
    const isTotal = column.depth < fieldCount;
    const path = column.codes.slice(0, column.depth).map((_, d) => ({
      key: column.codes.slice(0, d + 1).join('\u0001'), label: codeAndLabel(column.codes[d], column.labels[d], result.columnFields[d]?.showCodes), isTotal: false,
    }));
    if (isTotal) path.push({ key: `${column.codes.join('\u0001')}\u0002total`, label: TOTAL_LABEL, isTotal: true });
    const leafGroup = isSingleMeasure ? path.pop() : undefined;
    const parent = path.reduce<GroupNode>((p, seg) => child(p, seg.key, seg.label, seg.isTotal), root);
    result.measures.forEach((measure, m) => parent.children.push(helper.display({
      id: `v-${c}-${m}`,
      header: leafGroup?.label ?? measure.label,
      meta: { kind: 'value', column: c, measure: m, isTotal },
    })));
  }

  const toDefs = (node: GroupNode): Def[] => node.children.map((n) => ('children' in n
    ? helper.group({ id: n.id, header: n.label, columns: toDefs(n), meta: { kind: 'group', isTotal: n.isTotal } })
    : n));
  return [...rowHeaders, ...toDefs(root)];
}
