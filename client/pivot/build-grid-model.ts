// Builds the GridModel: the base result's rows with each expanded member's children (from their
// own protected results) spliced in beneath it, show-as shares computed on the protected figures
// of the whole merged table, then totals hidden when the analyst switched them off.
import { showAsShares } from '../../shared/result/show-as';
import type { PivotResponse } from '../api/api-types';
import type { Expansion } from '../url/workbench-draft';
import type { FieldLevels } from '../workbench/view-edits';
import { expansionKey, finerLevel } from './expansion-query';
import type { ExpandState, GridCell, GridModel, GridRow, ShowAs } from './grid-model';

export type ChildResult =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'ready'; readonly result: PivotResponse };

export interface GridModelInput {
  readonly base: PivotResponse;
  readonly totals: boolean;
  readonly showAs: ShowAs;
  readonly expanded: readonly Expansion[];
  /** Children fetched so far, by expansionKey. */
  readonly children: ReadonlyMap<string, ChildResult>;
  /** Hierarchy levels of the row fields that may be expanded (multi-valued fields are left out:
   *  filtering mentions by a parent does not restrict the children to its descendants). */
  readonly fields: ReadonlyMap<string, FieldLevels>;
}

export interface BuiltGridModel {
  readonly model: GridModel;
  /** Expansions whose member is on screen: these, and only these, need their children fetched. */
  readonly wanted: readonly Expansion[];
}

const TOTAL_KEY = 'total';
const rowKey = (codes: readonly string[], levels: readonly string[], other: boolean) =>
  other ? 'other' : codes.length === 0 ? TOTAL_KEY : JSON.stringify([codes, levels]);

interface Source { result: PivotResponse; levels: readonly string[] }

export function buildGridModel(input: GridModelInput): BuiltGridModel {
  const { base } = input;
  const fieldCount = base.rowFields.length;
  const open = new Set(input.expanded.map(expansionKey));
  const wanted: Expansion[] = [];
  const rows: GridRow[] = [];

  // Column positions of the base, by codes, to place a child's cells (a child may lack columns).
  const columnKeys = base.columns.map((c) => c.codes.join('\u0001'));
  const empty: GridCell[] = base.measures.map((m) => (m.kind === 'count' || m.kind === 'sum' ? { value: 0, suppressed: false } : { value: null, suppressed: false }));
  const cellsOf = (source: Source, r: number): GridCell[][] => {
    if (source.result === base) return (base.cells[r] ?? []).map((c) => [...c]);
    const index = new Map(source.result.columns.map((c, i) => [c.codes.join('\u0001'), i]));
    return columnKeys.map((key) => {
      const i = index.get(key);
      return i === undefined ? empty : [...(source.result.cells[r]?.[i] ?? empty)];
    });
  };

  /** Emits a source's rows from `minDepth` down at `indent`, splicing in expanded children;
   *  rows at `minDepth` of a child source hang under the expanded member `topParent`. */
  const emit = (source: Source, minDepth: number, indent: number, topParent: string | undefined) => {
    const { result, levels } = source;
    const list = result.rows;
    for (let r = 0; r < list.length; r++) {
      const header = list[r]!;
      if (header.depth < minDepth) continue;
      const other = header.other === true;
      const rowLevels = levels.slice(0, header.depth);
      const key = rowKey(header.codes, rowLevels, other);
      const k = header.depth - 1;
      const parentKey = header.depth === 0 ? undefined
        : topParent !== undefined && header.depth === minDepth ? topParent
        : rowKey(header.codes.slice(0, k), levels.slice(0, k), false);
      const expansion: Expansion | undefined = k >= 0 && !other && header.codes.every((c) => c !== '')
        && finerLevel(input.fields.get(base.rowFields[k]?.field ?? ''), levels[k] ?? '') !== undefined
        ? { codes: header.codes.slice(0, k + 1), levels: rowLevels } : undefined;
      const child = expansion && open.has(expansionKey(expansion)) ? input.children.get(expansionKey(expansion)) : undefined;
      const state: ExpandState | undefined = !expansion ? undefined : !open.has(expansionKey(expansion)) ? 'collapsed'
        : child?.state === 'ready' ? 'expanded' : child?.state === 'error' ? 'error' : 'loading';
      if (expansion && state !== 'collapsed') wanted.push(expansion);

      rows.push({
        key, codes: header.codes, labels: header.labels, depth: header.depth,
        kind: header.depth === 0 ? 'total' : other ? 'other' : header.depth < fieldCount ? 'subtotal' : 'leaf',
        indent,
        levelLabels: base.rowFields.map((f, i) => (i < header.depth && result.rowFields[i]?.level !== f.level ? result.rowFields[i]?.levelLabel : undefined)),
        ...(expansion && state ? { expand: { field: k, state, path: expansion } } : {}),
        ...(parentKey !== undefined ? { parentKey } : {}),
        cells: cellsOf(source, r),
      });

      if (child?.state === 'ready' && expansion) {
        // The member's own breakdown in this result is replaced by its children's.
        while (r + 1 < list.length && list[r + 1]!.depth > header.depth && sameStart(list[r + 1]!.codes, header.codes)) r++;
        const childLevels = child.result.rowFields.map((f) => f.level);
        emit({ result: child.result, levels: childLevels }, header.depth, indent + 1, key);
      }
    }
  };
  emit({ result: base, levels: base.rowFields.map((f) => f.level) }, 0, 0, undefined);

  // Shares use every row and column, hidden totals included (they are the denominators).
  const index = new Map(rows.map((r, i) => [r.key, i]));
  const totalRow = index.get(TOTAL_KEY);
  const totalColumn = base.columns.findIndex((c) => c.depth === 0);
  const shares = showAsShares({
    cells: rows.map((r) => r.cells),
    rowParent: rows.map((r) => (r.parentKey === undefined ? null : index.get(r.parentKey) ?? null)),
    totalRow,
    totalColumn: totalColumn < 0 ? undefined : totalColumn,
    measureKinds: base.measures.map((m) => m.kind),
  }, input.showAs);
  const shown = rows.map((r, i) => ({ ...r, cells: shares.cells[i] ?? r.cells }))
    .filter((r) => input.totals || r.kind === 'leaf' || r.kind === 'other' || (r.kind === 'subtotal' && r.expand?.state === 'expanded'));
  const columnFields = base.columnFields.length;
  const columns = base.columns.flatMap((c, i) => (input.totals || columnFields === 0 || c.depth === columnFields ? [i] : []));

  return { model: { result: base, rows: shown, columns, showAs: input.showAs, percent: shares.percent }, wanted };
}

const sameStart = (codes: readonly string[], prefix: readonly string[]) => prefix.every((c, i) => codes[i] === c);
