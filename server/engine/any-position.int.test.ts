// "Any position" fields (diag_any, opertn_any) on a real DuckDB over the demo Parquet: a row per
// code counts each record mentioning that code, while subtotals and the grand total count each
// record once. Checked against DuckDB queries written here by hand, not by our compiler, for
// both renderers (one step when a distinct count is asked for, two steps otherwise).
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../datasets/catalogue/load-catalogue';
import { demoDataDir } from '../../datasets/generator/testing/demo-data';
import { parquetGlob } from '../../datasets/parquet-columns';
import type { Catalogue } from '../../shared/catalogue/catalogue-types';
import { PivotQuerySchema, type PivotQueryInput } from '../../shared/query/pivot-query';
import type { RawAggregates } from '../../shared/result/raw-aggregates';
import { compilePivot } from '../../shared/sql/compile-pivot';
import { duckdbDialect } from '../../shared/sql/dialects/duckdb';
import { twoStepBlocker } from '../../shared/sql/render-two-step';
import { openDuckDbEngine } from './duckdb-engine';
import type { Engine } from './engine';

let engine: Engine;
let catalogue: Catalogue;
let duck: DuckDBConnection;
let records: string;
const YEAR = '2324';

beforeAll(async () => {
  const dataDir = await demoDataDir();
  catalogue = loadCatalogue((JSON.parse(readFileSync(`${dataDir}/manifest.json`, 'utf8')) as { years: string[] }).years);
  engine = await openDuckDbEngine({ dataDir, datasets: ['apc'] });
  duck = await (await DuckDBInstance.create(':memory:')).connect();
  records = `(SELECT * FROM read_parquet('${parquetGlob(dataDir, 'apc')}') WHERE fyear = '${YEAR}')`;
}, 300_000);
afterAll(async () => { await engine?.close(); duck?.closeSync(); });

// hes-data.md §4.1, written again.
const FCE = "epistat = '3' AND classpat NOT IN ('3','4')";
const LOS = `${FCE} AND dismeth IN ('1','2','3','4','5') AND speldur_calc IS NOT NULL`;
const MEASURES = {
  fce: `count(*) FILTER (WHERE ${FCE})`,
  mean_age: `avg(startage_calc) FILTER (WHERE ${FCE})`,
  los_median: `median(speldur) FILTER (WHERE ${LOS})`,
  patients: `count(DISTINCT person_id) FILTER (WHERE ${FCE})`,
} as const;
type MeasureId = keyof typeof MEASURES;

/** The grouping id of a set: a bit per dimension rolled up, dimension 0 the most significant. */
const groupingIdOf = (set: readonly number[], count: number) => Array.from({ length: count }, (_, i) => i)
  .reduce((n, i) => n + (set.includes(i) ? 0 : 1 << (count - 1 - i)), 0);

/** Values keyed "grouping id|code|code", rounded so summation order cannot differ. */
type Keyed = Map<string, Record<string, number | null>>;
const round = (v: unknown) => (v === null || v === undefined ? null : Number(Number(v).toPrecision(10)));

function keyedResult(raw: RawAggregates, measures: readonly MeasureId[]): Keyed {
  const alias = (id: string) => {
    const m = raw.plan.measures.find((p) => p.id === id)!;
    if (m.kind === 'ratio') throw new Error('no ratios here');
    return m.value;
  };
  return new Map(raw.rows.map((r) => [`${r.groupingId}|${r.dims.map((d) => d ?? '∅').join('|')}`,
    Object.fromEntries(measures.map((id) => [id, round(r.aggregates.get(alias(id)))]))]));
}

/**
 * The truth for a pivot on two dimensions, one of them a list of codes per record: each grouping
 * set with the list dimension joins every code to the records whose list contains it; the others
 * read the records alone (each counted once).
 */
async function truth(dims: readonly { sql: string; list: boolean }[], sets: readonly (readonly number[])[], measures: readonly MeasureId[]): Promise<Keyed> {
  const list = dims.find((d) => d.list)!.sql;
  const aggregates = measures.map((id) => `${MEASURES[id]} AS ${id}`).join(', ');
  const parts = sets.map((set) => {
    const mentions = set.some((i) => dims[i]!.list);
    const columns = dims.map((d, i) => (!set.includes(i) ? 'NULL' : d.list ? 'code' : d.sql));
    const gid = groupingIdOf(set, dims.length);
    const from = mentions ? `(SELECT DISTINCT unnest(${list}) AS code FROM ${records}) AS codes JOIN ${records} AS r ON list_contains(r.${list}, codes.code)` : `${records} AS r`;
    const groupBy = set.length > 0 ? ` GROUP BY ${set.map((i) => columns[i]).join(', ')}` : '';
    return `SELECT ${gid} AS gid, ${columns.map((c, i) => `${c} AS d${i}`).join(', ')}, ${aggregates} FROM ${from}${groupBy}`;
  });
  const rows = (await duck.runAndReadAll(parts.join(' UNION ALL '))).getRowObjectsJS();
  return new Map(rows.map((r) => [`${String(r['gid'])}|${dims.map((_, i) => (r[`d${i}`] ?? '∅') as string).join('|')}`,
    Object.fromEntries(measures.map((id) => [id, round(r[id])]))]));
}

async function pivot(input: PivotQueryInput): Promise<RawAggregates> {
  return engine.run(compilePivot(PivotQuerySchema.parse(input), catalogue, duckdbDialect), { timeoutMs: 60_000 });
}

describe('any-position fields', () => {
  const cases = [
    { name: 'diagnosis chapter by sex', rows: [{ field: 'diag_any', level: 'chapter' }], columns: [{ field: 'sex' }],
      dims: [{ sql: 'diag_all_chapter', list: true }, { sql: 'sex', list: false }] },
    { name: 'sex by procedure chapter', rows: [{ field: 'sex' }], columns: [{ field: 'opertn_any', level: 'chapter' }],
      dims: [{ sql: 'sex', list: false }, { sql: 'opertn_all_chapter', list: true }] },
    { name: 'procedure chapter then sex on rows', rows: [{ field: 'opertn_any', level: 'chapter' }, { field: 'sex' }], columns: [],
      dims: [{ sql: 'opertn_all_chapter', list: true }, { sql: 'sex', list: false }] },
  ];
  const measureSets: { step: string; measures: MeasureId[] }[] = [
    { step: 'one step (distinct count)', measures: ['fce', 'mean_age', 'los_median', 'patients'] },
    { step: 'two steps', measures: ['fce', 'mean_age', 'los_median'] },
  ];
  for (const c of cases) {
    for (const { step, measures } of measureSets) {
      it(`${c.name}, ${step}: codes count records mentioning them; subtotals and total count each record once`, async () => {
        const input: PivotQueryInput = { dataset: 'apc', years: [YEAR], rows: c.rows, columns: c.columns, measures, totals: true };
        const raw = await pivot(input);
        expect(twoStepBlocker(raw.plan) === null).toBe(step === 'two steps');
        const expected = await truth(c.dims, raw.plan.groupingSets, measures);
        const got = keyedResult(raw, measures);
        // Every grouping set is present, and the grand total is the number of episodes.
        expect(new Set([...got.keys()].map((k) => k.split('|')[0]))).toEqual(new Set(raw.plan.groupingSets.map((s) => String(groupingIdOf(s, 2)))));
        expect(got.get('3|∅|∅')!['fce']).toBe(Number((await duck.runAndReadAll(`SELECT count(*) FROM ${records} WHERE ${FCE}`)).getRows()[0]![0]));
        expect(got).toEqual(expected);
      });
    }
  }

  it('counts one episode once in the total however many chapters it mentions (D83.9 example)', async () => {
    const raw = await pivot({ dataset: 'apc', years: [YEAR], rows: [{ field: 'diag_any', level: 'chapter' }], measures: ['fce', 'mean_age'],
      filters: [{ kind: 'in', field: 'diag_01', level: 'code4', codes: ['D839'] }] });
    const episodes = (await duck.runAndReadAll(`SELECT startage_calc, len(list_distinct(diag_all_chapter)) AS chapters FROM ${records} WHERE diag_01 = 'D839' AND ${FCE}`)).getRowObjectsJS();
    expect(episodes).toHaveLength(1); // the demo data's single such episode this year
    expect(Number(episodes[0]!['chapters'])).toBeGreaterThan(1);
    const total = keyedResult(raw, ['fce', 'mean_age']).get('1|∅')!;
    expect(total).toEqual({ fce: 1, mean_age: round(episodes[0]!['startage_calc']) });
    // Each chapter it mentions still shows it once.
    expect(raw.rows.filter((r) => r.groupingId === 0).map((r) => r.aggregates.get('a0'))).toEqual(Array(Number(episodes[0]!['chapters'])).fill(1));
  });
});
