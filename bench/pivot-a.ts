// "Pivot A" of the bench and what the baselines need to compute it without our compiler:
// rows admission method group, columns sex, FCEs, FAEs, median length of stay and mean age,
// filter age 18–120. Perspective cannot express the catalogue's per-measure conditions or its
// CASE-derived admission group, so those become plain columns, written here from the catalogue
// itself; DuckDB's hand-written pivot reads the very same columns.
import { loadCatalogue } from '../datasets/catalogue/load-catalogue';
import type { Catalogue } from '../shared/catalogue/catalogue-types';
import { indexDataset } from '../shared/catalogue/dataset-index';
import type { PivotQueryInput } from '../shared/query/pivot-query';
import type { CompiledQuery } from '../shared/sql/pivot-plan';

export const PIVOT_A_NAME = 'APC admission group × sex, FCEs + FAEs + median LOS + mean age, filter age 18–120';
export const PIVOT_A: PivotQueryInput = {
  dataset: 'apc', years: ['2324'], rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }],
  measures: ['fce', 'fae', 'los_median', 'mean_age'], filters: [{ kind: 'range', field: 'startage', low: 18, high: 120 }],
};

/** One cell of pivot A, unprotected. Keys are `${group}|${sex}`, '*' standing for a total. */
export interface BaselineCell {
  readonly fce: number;
  readonly fae: number;
  readonly los_median: number | null;
  readonly mean_age: number | null;
}
export type BaselineCells = readonly (readonly [key: string, cell: BaselineCell])[];

/** Raw Parquet columns pivot A's compiled SQL reads (copied into DuckDB's in-memory table). */
export const RAW_COLUMNS = ['fyear', 'admimeth', 'sex', 'startage', 'startage_calc', 'epistat', 'classpat', 'epiorder', 'dismeth', 'speldur', 'speldur_calc'];

/** Column types for Perspective's schema, in the CSV's order. */
export const PRECOMPUTED_SCHEMA = [
  ['admimeth_group', 'string'], ['sex', 'string'], ['age_years', 'integer'],
  ['fce', 'integer'], ['fae', 'integer'], ['los', 'float'], ['age', 'float'],
] as const;

/**
 * The pre-computed table over `from` (raw APC rows), everything taken from the catalogue:
 * admimeth_group = the field's CASE; age_years = the startage range filter's expression;
 * fce, fae = 1 when the measure's condition holds, else 0 (summed, they are the counts);
 * los, age = the statistic's argument when its condition holds and it is not null, else NULL
 * (so a plain median/mean over the column is the measure). los is DOUBLE because Perspective's
 * median of an integer column returns the upper middle value, DuckDB's the mean of the two.
 */
export function precomputeSql(from: string, catalogue: Catalogue = loadCatalogue(['2324'])): string {
  const apc = catalogue.datasets.get('apc');
  if (!apc) throw new Error('no APC dataset in the catalogue');
  const index = indexDataset(apc);
  const group = index.fields.get('admimeth_group');
  const age = index.fields.get('startage');
  if (group?.type !== 'code' || age?.type !== 'number') throw new Error('APC lacks admimeth_group or startage');
  const condition = (id: string) => {
    const m = index.measures.get(id);
    if (!m || m.kind === 'ratio' || m.where === null) throw new Error(`measure ${id} has no condition`);
    return m.where;
  };
  const argument = (id: string) => {
    const m = index.measures.get(id);
    if (m?.kind !== 'statistic') throw new Error(`measure ${id} is not a statistic`);
    return `CASE WHEN (${condition(id)}) AND (${m.of}) IS NOT NULL THEN CAST(${m.of} AS DOUBLE) END`;
  };
  return `SELECT ${group.levels[0]!.sql} AS admimeth_group, sex, ${age.sql} AS age_years,
    CASE WHEN ${condition('fce')} THEN 1 ELSE 0 END AS fce, CASE WHEN ${condition('fae')} THEN 1 ELSE 0 END AS fae,
    ${argument('los_median')} AS los, ${argument('mean_age')} AS age
  FROM ${from}`;
}

/** Pivot A written by hand over the pre-computed table: the same grouping sets as ours. */
export const precomputedPivotSql = (table: string) => `
  SELECT GROUPING(admimeth_group) AS gg, GROUPING(sex) AS gs, admimeth_group, sex,
    CAST(sum(fce) AS BIGINT) AS fce, CAST(sum(fae) AS BIGINT) AS fae, median(los) AS los_median, avg(age) AS mean_age
  FROM ${table} WHERE age_years BETWEEN 18 AND 120
  GROUP BY GROUPING SETS ((admimeth_group, sex), (admimeth_group), (sex), ())`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const cellKey = (group: unknown, sex: unknown, groupTotal: boolean, sexTotal: boolean) =>
  `${groupTotal ? '*' : String(group)}|${sexTotal ? '*' : String(sex)}`;

/** Cells from precomputedPivotSql's rows. */
export const cellsOfPrecomputed = (rows: readonly Record<string, unknown>[]): BaselineCells => rows.map((r) => [
  cellKey(r.admimeth_group, r.sex, num(r.gg) === 1, num(r.gs) === 1),
  { fce: num(r.fce) ?? 0, fae: num(r.fae) ?? 0, los_median: num(r.los_median), mean_age: num(r.mean_age) },
]);

/** Cells from the compiled SQL's rows (aliases looked up in its plan; grouping id bit 1 = rows, bit 0 = columns). */
export function cellsOfCompiled(compiled: CompiledQuery, rows: readonly Record<string, unknown>[]): BaselineCells {
  const alias = (id: string) => {
    const m = compiled.plan.measures.find((x) => x.id === id);
    if (!m || !('value' in m)) throw new Error(`pivot A plan lacks measure ${id}`);
    return m.value;
  };
  const [d0, d1] = compiled.plan.dimensions.map((d) => d.alias);
  return rows.map((r) => {
    const gid = num(r.grouping_id) ?? 0;
    return [cellKey(r[d0!], r[d1!], (gid & 2) !== 0, (gid & 1) !== 0), {
      fce: num(r[alias('fce')]) ?? 0, fae: num(r[alias('fae')]) ?? 0,
      los_median: num(r[alias('los_median')]), mean_age: num(r[alias('mean_age')]),
    }];
  });
}

/** Differences between two results: counts must be equal, median and mean within 1e-9 relative. */
export function compareCells(reference: BaselineCells, other: BaselineCells): string[] {
  const theirs = new Map(other);
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  const problems: string[] = [];
  for (const [key, mine] of reference) {
    const cell = theirs.get(key);
    if (!cell) { if (mine.fce + mine.fae > 0) problems.push(`${key}: missing`); continue; }
    if (cell.fce !== mine.fce || cell.fae !== mine.fae) problems.push(`${key}: counts ${cell.fce}/${cell.fae} ≠ ${mine.fce}/${mine.fae}`);
    if (!close(mine.los_median, cell.los_median)) problems.push(`${key}: median LOS ${cell.los_median} ≠ ${mine.los_median}`);
    if (!close(mine.mean_age, cell.mean_age)) problems.push(`${key}: mean age ${cell.mean_age} ≠ ${mine.mean_age}`);
  }
  const known = new Set(reference.map(([k]) => k));
  for (const [key, cell] of other) if (!known.has(key) && cell.fce + cell.fae > 0) problems.push(`${key}: not in the reference`);
  return problems;
}
