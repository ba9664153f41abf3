// Turns protected aggregates into the wire PivotResult: labelled headers in hierarchy order,
// a dense cell matrix, sorting and top-N. Works only on protected values, so sorting and
// trimming can never reveal more than the cells themselves.
import type { Catalogue, CodeField, Dataset } from '../catalogue/catalogue-types';
import { codeLookup, indexDataset } from '../catalogue/dataset-index';
import type { ProtectedAggregates, ProtectedRow } from '../disclosure/protect';
import type { ProtectedValue } from '../disclosure/protect-value';
import { InvalidQueryError, TooManyCellsError } from '../errors/domain-error';
import type { PivotQuery, Sort } from '../query/pivot-query';
import { CELL_LIMIT } from '../sql/build-plan';
import type { DimensionPlan } from '../sql/pivot-plan';
import type { AxisField, Cell, Header, PivotResult, ResultMeasure } from './pivot-result';

export interface ResultMeta {
  readonly asOf: string;
  readonly dataVersion: string;
}

/** Code shown for a genuinely empty value of a grouped field. */
export const NOT_RECORDED = '';

/** A key per code path that tells the total ([]) from a "Not recorded" member (['']). */
export const pathKey = (codes: readonly string[]): string => codes.map((c) => `\u0001${c}`).join('');

interface Node { header: Header; order: number; children: Node[]; key: string }

export function shapePivot(prot: ProtectedAggregates, query: PivotQuery, catalogue: Catalogue, meta: ResultMeta): PivotResult {
  const { plan } = prot;
  const dataset = catalogue.datasets.get(plan.dataset)!;
  const dims = plan.dimensions;
  const rowIdx = dims.flatMap((d, i) => (d.axis === 'row' ? [i] : []));
  const colIdx = dims.flatMap((d, i) => (d.axis === 'column' ? [i] : []));
  const measures = plan.requestedMeasures.map((id) => indexDataset(dataset).measures.get(id)!);

  const label = labeller(catalogue, dims);
  const keyOf = (row: ProtectedRow, idx: readonly number[]) => {
    const grouped = idx.filter((i) => (row.groupingId & (1 << (dims.length - 1 - i))) === 0);
    const codes = grouped.map((i) => row.dims[i] ?? NOT_RECORDED);
    return { codes, labels: grouped.map((i, k) => label(i, codes[k]!)), depth: grouped.length, orders: grouped.map((i, k) => label.order(i, codes[k]!)) };
  };

  const cellMap = new Map<string, readonly ProtectedValue[]>();
  const rowTree = new Tree();
  const colTree = new Tree();
  for (const row of prot.rows) {
    const r = keyOf(row, rowIdx);
    const c = keyOf(row, colIdx);
    rowTree.add(r.codes, r.labels, r.orders);
    colTree.add(c.codes, c.labels, c.orders);
    cellMap.set(`${pathKey(r.codes)}\u0002${pathKey(c.codes)}`, row.cells);
  }

  const columns = colTree.flatten('after', (a, b) => a.order - b.order || a.key.localeCompare(b.key), undefined);
  const sortColumn = findSortColumn(query.sort, columns, (codes) => codes.map((code, k) => { const i = colIdx[k]; return i === undefined ? code : label(i, code); }));
  const cellsFor = (rowCodes: readonly string[], colCodes: readonly string[]) => cellMap.get(`${pathKey(rowCodes)}\u0002${pathKey(colCodes)}`);
  const empty = measures.map((m) => emptyCell(m.kind));
  // A row without a cell in the sort column shows (and so sorts as) an empty cell.
  const rowComparator = compareRows(query.sort, plan.requestedMeasures, (codes) => (sortColumn ? cellsFor(codes, sortColumn.codes) ?? empty : undefined));
  const rows = rowTree.flatten('before', rowComparator, query.limit);

  if (rows.length * columns.length > CELL_LIMIT) throw new TooManyCellsError(rows.length * columns.length, CELL_LIMIT);

  const cells = rows.map((r) => columns.map((c) => (cellsFor(r.codes, c.codes)?.map((v) => ({ value: v.value, suppressed: v.suppressed })) ?? empty)));

  const notes: string[] = [];
  if (dims.some((d) => d.multiValued)) {
    notes.push('Diagnosis or procedure mentions: rows count a record once under each distinct code it mentions (so in several rows, or in none), while totals count each record once, so rows do not add up to the total.');
  }
  const topLevel = countTopLevelRows(prot);
  if (query.limit !== undefined && topLevel > query.limit) notes.push(`Showing the first ${query.limit} of ${topLevel} rows.`);
  const shownSuppressed = cells.flat(2).filter((c) => c.suppressed).length;

  return {
    dataset: plan.dataset,
    years: [...plan.years],
    rowFields: rowIdx.map((i) => axisField(dataset, dims[i]!)),
    columnFields: colIdx.map((i) => axisField(dataset, dims[i]!)),
    measures: measures.map((m) => ({ id: m.id, label: m.label, kind: m.kind, unit: m.unit, decimals: m.decimals })),
    rows: rows.map(({ codes, labels, depth }) => ({ codes: [...codes], labels: [...labels], depth })),
    columns: columns.map(({ codes, labels, depth }) => ({ codes: [...codes], labels: [...labels], depth })),
    cells,
    policy: { id: prot.policy.id, label: prot.policy.label, rules: [...prot.policy.rules], protectionWidth: prot.policy.protectionWidth },
    suppressedCount: shownSuppressed,
    asOf: meta.asOf,
    dataVersion: meta.dataVersion,
    notes,
  };
}

/** A cell with no records: counts and sums are 0, ratios and statistics empty. */
export function emptyCell(kind: ResultMeasure['kind']): Cell {
  return kind === 'count' || kind === 'sum' ? { value: 0, suppressed: false } : { value: null, suppressed: false };
}

/** How many distinct top-level row members the aggregates hold (what a top-N limit cuts). */
export function countTopLevelRows(prot: ProtectedAggregates): number {
  const dims = prot.plan.dimensions;
  const first = dims.findIndex((d) => d.axis === 'row');
  if (first < 0) return 0;
  const bit = 1 << (dims.length - 1 - first);
  return new Set(prot.rows.filter((r) => (r.groupingId & bit) === 0).map((r) => r.dims[first] ?? NOT_RECORDED)).size;
}

/** The column a measure sort reads: the one named by `sort.column`, else the total column (or
 *  the first column when totals are off). Naming a column the table lacks is the analyst's error. */
function findSortColumn(sort: Sort | undefined, columns: readonly Header[], labels: (codes: readonly string[]) => string[]): Header | undefined {
  const wanted = sort?.by === 'measure' ? sort.column : undefined;
  if (wanted === undefined) return columns.find((c) => c.depth === 0) ?? columns[0];
  const found = columns.find((c) => c.codes.length === wanted.length && c.codes.every((code, i) => code === wanted[i]));
  if (found) return found;
  const name = wanted.length === 0 ? 'total column' : `column "${labels(wanted).join(' / ')}"`;
  throw new InvalidQueryError(`The table has no ${name} to sort by; sort by a column the table shows.`, 'sort.column');
}

function axisField(dataset: Dataset, d: DimensionPlan): AxisField {
  const field = indexDataset(dataset).fields.get(d.field) as CodeField;
  const levelIndex = field.levels.findIndex((l) => l.id === d.level);
  return {
    field: d.field, level: d.level, label: field.label, levelLabel: field.levels[levelIndex]!.label,
    drillable: levelIndex < field.levels.length - 1,
    showCodes: field.showCodes === true,
    role: field.levels[levelIndex]!.role ?? null,
  };
}

function labeller(catalogue: Catalogue, dims: readonly DimensionPlan[]) {
  const lookups = dims.map((d) => {
    const list = catalogue.codeLists.get(d.codeList);
    return list ? codeLookup(list) : new Map<string, { label: string; order: number }>();
  });
  const fn = (i: number, code: string) => (code === NOT_RECORDED ? 'Not recorded' : lookups[i]?.get(code)?.label ?? code);
  fn.order = (i: number, code: string) => lookups[i]?.get(code)?.order ?? Number.MAX_SAFE_INTEGER;
  return fn;
}

type Comparator = (a: Node, b: Node) => number;

/** Suppressed values sort as a small number (they are 1–7); null = empty (sorts last either way). */
const sortValue = (v: ProtectedValue | undefined): number | null => (v === undefined || (v.value === null && !v.suppressed) ? null : v.suppressed ? 4 : v.value);

function compareRows(sort: Sort | undefined, measureIds: readonly string[], cellsOf: (codes: readonly string[]) => readonly ProtectedValue[] | undefined): Comparator {
  const byCode: Comparator = (a, b) => a.order - b.order || a.key.localeCompare(b.key);
  if (!sort) return byCode;
  const sign = sort.direction === 'asc' ? 1 : -1;
  switch (sort.by) {
    case 'code': return (a, b) => sign * byCode(a, b);
    case 'label': return (a, b) => sign * (a.header.labels.at(-1) ?? '').localeCompare(b.header.labels.at(-1) ?? '') || byCode(a, b);
    case 'measure': {
      const m = measureIds.indexOf(sort.measure);
      if (m < 0) return byCode;
      return (a, b) => {
        const x = sortValue(cellsOf(a.header.codes)?.[m]);
        const y = sortValue(cellsOf(b.header.codes)?.[m]);
        if (x === null || y === null) return Number(x === null) - Number(y === null) || byCode(a, b);
        return sign * (x - y) || byCode(a, b);
      };
    }
    default: { const never: never = sort; throw new Error(`unhandled sort ${String(never)}`); }
  }
}

/** Headers as a tree (total → level 1 → level 2 …) so subtotals sit with their children. */
class Tree {
  readonly root: Node = { header: { codes: [], labels: [], depth: 0 }, order: 0, children: [], key: '' };
  private readonly nodes = new Map<string, Node>([[pathKey([]), this.root]]);
  private readonly present = new Set<string>();

  add(codes: readonly string[], labels: readonly string[], orders: readonly number[]): void {
    let parent = this.root;
    for (let d = 1; d <= codes.length; d++) {
      const key = pathKey(codes.slice(0, d));
      let node = this.nodes.get(key);
      if (!node) {
        node = { header: { codes: codes.slice(0, d), labels: labels.slice(0, d), depth: d }, order: orders[d - 1] ?? 0, children: [], key: codes[d - 1] ?? '' };
        this.nodes.set(key, node);
        parent.children.push(node);
      }
      parent = node;
    }
    // Mark that a row with exactly these codes exists (a leaf or a subtotal from the engine).
    this.present.add(pathKey(codes));
  }

  /** Depth-first; subtotals before ('before') or after their children; the total last. */
  flatten(subtotals: 'before' | 'after', compare: Comparator, limitTop: number | undefined): Header[] {
    const out: Header[] = [];
    const visit = (node: Node, isTop: boolean) => {
      const kids = [...node.children].sort(compare);
      const shown = isTop && limitTop !== undefined ? kids.slice(0, limitTop) : kids;
      for (const child of shown) {
        const has = this.present.has(pathKey(child.header.codes));
        if (subtotals === 'before' && has) out.push(child.header);
        visit(child, false);
        if (subtotals === 'after' && has) out.push(child.header);
      }
    };
    visit(this.root, true);
    if (this.present.has(pathKey([]))) out.push(this.root.header);
    return out;
  }
}
