// The published cells of a shaped table as overlap control sees them: each cell's population
// (the query's years and filters with the cell's codes), and the raw counts behind each value it
// publishes, by measure key. Built once per table (cached with it); the raw counts stay on the
// server. Also applies overlap control's verdict to the shaped table.
import type { Catalogue, CodeField } from '../../catalogue/catalogue-types';
import type { PivotQuery } from '../../query/pivot-query';
import { OTHER_CODE, type PivotResult } from '../../result/pivot-result';
import { isGrouped, type RawAggregates } from '../../result/raw-aggregates';
import type { MeasurePlan } from '../../sql/pivot-plan';
import type { OverlapVerdict } from './overlap-control';
import { both, codeConstraint, queryPopulation, type Constraint, type Leaves } from './population';
import type { PublishedCell } from './published-history';

/** A published cell of the shaped table: where it is, and which measure keys each of its
 *  values reveals (a ratio reveals its two counts; a mean, the records behind it). */
export interface TableCell extends PublishedCell {
  readonly row: number;
  readonly column: number;
  /** Per measure position (result.measures), the keys its value reveals; [] when suppressed. */
  readonly reveals: readonly (readonly string[])[];
  /** Per measure position, the keys its value would reveal if shown. */
  readonly keys: readonly (readonly string[])[];
  /** Raw counts behind the cell's suppressed values (count keys only): remembered cells nested
   *  with it bound them, which the table's protection must then take into account. */
  readonly hidden: ReadonlyMap<string, number>;
}

/** The keys a measure's published value reveals, and where its raw count sits. */
function measureKeys(m: MeasurePlan, byId: ReadonlyMap<string, MeasurePlan>): { key: string; alias: string }[] {
  switch (m.kind) {
    case 'count': return [{ key: m.id, alias: m.value }];
    case 'sum': case 'statistic': return [{ key: `${m.id}#records`, alias: m.contributors }];
    case 'ratio': return [m.numerator, m.denominator].flatMap((id) => { const p = byId.get(id); return p ? measureKeys(p, byId) : []; });
    default: { const never: never = m; throw new Error(`unhandled measure ${String(never)}`); }
  }
}

export function tableCells(
  query: PivotQuery, result: PivotResult, raw: RawAggregates, catalogue: Catalogue, leaves: Leaves,
  other?: { readonly raw: RawAggregates; readonly kept: readonly string[] },
): TableCell[] {
  const plan = raw.plan;
  const dataset = catalogue.datasets.get(plan.dataset);
  if (!dataset) return [];
  const base = queryPopulation(query, dataset, leaves);
  const byId = new Map(plan.measures.map((m) => [m.id, m]));
  const keysOf = plan.requestedMeasures.map((id) => measureKeys(byId.get(id)!, byId));
  const fieldOf = (id: string) => dataset.fields.find((f): f is CodeField => f.id === id && f.type === 'code');
  const rowDims = plan.dimensions.flatMap((d, i) => (d.axis === 'row' ? [i] : []));
  const colDims = plan.dimensions.flatMap((d, i) => (d.axis === 'column' ? [i] : []));

  const rawIndex = indexRows(raw);
  const otherIndex = other ? indexRows(other.raw) : undefined;
  const firstField = plan.dimensions[rowDims[0] ?? -1];
  const otherConstraint = other && firstField ? notKept(fieldOf(firstField.field), firstField.level, other.kept, leaves) : undefined;

  const out: TableCell[] = [];
  result.rows.forEach((rowHeader, r) => {
    const isOther = rowHeader.other === true && rowHeader.codes[0] === OTHER_CODE;
    result.columns.forEach((colHeader, c) => {
      const population = new Map(base);
      const codes = new Map<number, string>();
      if (!isOther) rowHeader.codes.forEach((code, k) => codes.set(rowDims[k]!, code));
      colHeader.codes.forEach((code, k) => codes.set(colDims[k]!, code));
      for (const [dim, code] of codes) {
        const d = plan.dimensions[dim]!;
        const field = fieldOf(d.field);
        if (field) population.set(d.field, both(population.get(d.field), codeConstraint(field, d.level, code, leaves)));
      }
      let counts: ReadonlyMap<string, number | null> | undefined;
      if (isOther) {
        if (otherConstraint && firstField) population.set(firstField.field, both(population.get(firstField.field), otherConstraint));
        counts = otherIndex?.get(rowKey(colDims.map((i) => codes.get(i))));
      } else {
        counts = rawIndex.get(rowKey(plan.dimensions.map((_, i) => codes.get(i))));
      }
      const cell = result.cells[r]?.[c] ?? [];
      const published = new Map<string, number>();
      const hidden = new Map<string, number>();
      const reveals = keysOf.map((keys, j) => {
        if (cell[j]?.suppressed !== false) {
          if (cell[j]?.suppressed === true) for (const { key, alias } of keys) if (!key.includes('#')) hidden.set(key, Number(counts?.get(alias) ?? 0));
          return [];
        }
        for (const { key, alias } of keys) published.set(key, Number(counts?.get(alias) ?? 0));
        return keys.map((k) => k.key);
      });
      for (const key of published.keys()) hidden.delete(key);
      if (published.size > 0 || hidden.size > 0) out.push({ row: r, column: c, population, counts: published, reveals, hidden, keys: keysOf.map((ks) => ks.map((k) => k.key)) });
    });
  });
  return out;
}

/** Raw rows by their codes: '' for "not recorded", absent for rolled up (with the grouping bits). */
function indexRows(raw: RawAggregates): Map<string, ReadonlyMap<string, number | null>> {
  const n = raw.plan.dimensions.length;
  return new Map(raw.rows.map((row) => [rowKey(raw.plan.dimensions.map((_, i) => (isGrouped(row, i, n) ? row.dims[i] ?? '' : undefined))), row.aggregates]));
}
const rowKey = (codes: readonly (string | undefined)[]) => codes.map((c) => (c === undefined ? '\u0002' : `\u0001${c}`)).join('');

/** The Other row's condition on the first row field: none of the kept codes (records with
 *  none recorded too, unless "not recorded" is a kept row). */
function notKept(field: CodeField | undefined, level: string, kept: readonly string[], leaves: Leaves): Constraint | undefined {
  if (!field || field.multiValued) return undefined;
  const keptLeaves = leaves.under(field, level, kept.filter((k) => k !== ''));
  return { kind: 'codes', leaves: new Set([...leaves.all(field)].filter((x) => !keptLeaves.has(x))), others: !kept.includes('') };
}

/** The table with overlap control's verdict applied: every value revealing a flagged key is
 *  suppressed, with a note saying why (never which cells or values). */
export function applyOverlap(result: PivotResult, cells: readonly TableCell[], verdict: OverlapVerdict): PivotResult {
  if (verdict.suppress.size === 0) return result;
  const grid = result.cells.map((row) => row.map((cell) => cell.map((v) => ({ ...v }))));
  let added = 0;
  let withheld = 0;
  for (const [index, keys] of verdict.suppress) {
    const cell = cells[index];
    if (!cell) continue;
    cell.keys.forEach((revealed, j) => {
      const v = grid[cell.row]?.[cell.column]?.[j];
      if (!v || !revealed.some((k) => keys.has(k))) return;
      withheld++;
      if (!v.suppressed) { v.value = null; v.suppressed = true; added++; }
    });
  }
  // (The table protected again for this analyst usually suppressed them already.)
  return {
    ...result,
    cells: grid,
    suppressedCount: result.suppressedCount + added,
    notes: withheld > 0 ? [...result.notes, OVERLAP_NOTE(withheld)] : result.notes,
  };
}

export const OVERLAP_NOTE = (n: number): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? 'value is' : 'values are'} suppressed because ${n === 1 ? 'it differs' : 'they differ'} by only a few records from a table you asked for recently (overlap control); the earlier table's figures still stand.`;

/** The cells as published after the verdict: only the keys some value still shown reveals. */
export function stillPublished(cells: readonly TableCell[], verdict: OverlapVerdict): PublishedCell[] {
  return cells.flatMap((cell, i): PublishedCell[] => {
    if (cell.counts.size === 0) return [];
    const flagged = verdict.suppress.get(i);
    if (!flagged) return [cell];
    const shown = new Set(cell.reveals.filter((keys) => !keys.some((k) => flagged.has(k))).flat());
    const counts = new Map([...cell.counts].filter(([k]) => shown.has(k)));
    return counts.size > 0 ? [{ population: cell.population, counts }] : [];
  });
}
