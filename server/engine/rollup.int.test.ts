// Answers read from a pre-aggregated rollup must equal answers from the records, for any query
// the rollup covers: fast-check draws queries, builds the rollup of each one's shape, then asks
// the same and narrower questions (fewer dimensions, other filter values, other measures).
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../datasets/catalogue/load-catalogue';
import { demoDataDir } from '../../datasets/generator/testing/demo-data';
import { parquetGlob } from '../../datasets/parquet-columns';
import type { Catalogue, DatasetId } from '../../shared/catalogue/catalogue-types';
import { PivotQuerySchema, type PivotQuery, type PivotQueryInput } from '../../shared/query/pivot-query';
import type { RawAggregates } from '../../shared/result/raw-aggregates';
import { buildPlan } from '../../shared/sql/build-plan';
import { otherRowPlan } from '../../shared/result/other-row-query';
import { compilePivot, compilePlan } from '../../shared/sql/compile-pivot';
import { duckdbDialect } from '../../shared/sql/dialects/duckdb';
import { recordTableSpec, renderRollupBuild, rollupShape, rollupSpec, shapeColumns, yearSlice } from '../../shared/sql/rollup';
import { openDuckDbEngine } from './duckdb-engine';
import type { Engine } from './engine';
import { RollupManager } from './rollup-manager';

let engine: Engine;
let catalogue: Catalogue;
/** Every year of the data: estimates are compared with counts over the whole table. */
let allYearsCatalogue: Catalogue;
let dataDir: string;
let years: readonly string[];
let sequence = 0;

beforeAll(async () => {
  dataDir = await demoDataDir();
  years = (JSON.parse(readFileSync(`${dataDir}/manifest.json`, 'utf8')) as { years: string[] }).years;
  allYearsCatalogue = loadCatalogue(years);
  // The last three years: every query here reads at most three (one, two of each parity, three
  // or two with a gap), and per-record tables are built for the catalogue's years only.
  years = years.slice(-3);
  catalogue = loadCatalogue(years);
  engine = await openDuckDbEngine({ dataDir, datasets: ['apc', 'op', 'ae'] });
}, 300_000);
afterAll(async () => { await engine?.close(); });

const keyed = (raw: RawAggregates) => new Map(raw.rows.map((r) => [
  `${r.groupingId}|${r.dims.map((d) => d ?? '∅').join('|')}`,
  Object.fromEntries([...r.aggregates].map(([k, v]) => [k, v === null ? null : Number(v.toPrecision(10))])),
]));

/** Random queries on a dataset over the last two years; with `distinct`, every query also asks
 *  for a distinct count (patients, spells), over one year, two consecutive years (pairs of each
 *  parity), three years or two with a year between them. */
function arbitraryQuery(dataset: DatasetId, distinct = false): fc.Arbitrary<PivotQueryInput> {
  const ds = catalogue.datasets.get(dataset)!;
  const codeFields = ds.fields.filter((f) => f.type === 'code' && f.multiValued !== true);
  const fieldRef = fc.constantFrom(...codeFields).chain((f) => fc.constantFrom(...(f.type === 'code' ? f.levels : [])).map((l) => ({ field: f.id, level: l.id })));
  const isDistinct = (m: (typeof ds.measures)[number]) => m.kind === 'count' && m.distinctOf !== undefined;
  const measures = ds.measures.filter((m) => !m.hidden && !isDistinct(m)).map((m) => m.id);
  const distincts = ds.measures.filter((m) => !m.hidden && isDistinct(m)).map((m) => m.id);
  const numberFields = ds.fields.filter((f) => f.type === 'number');
  const range = fc.constantFrom(...numberFields).chain((f) => fc.tuple(fc.integer({ min: f.type === 'number' ? f.min : 0, max: f.type === 'number' ? f.max : 1 }), fc.nat(200))
    .map(([low, width]) => ({ kind: 'range' as const, field: f.id, low, high: low + width })));
  const codesOf = (ref: { field: string; level: string }) => {
    const f = ds.fields.find((x) => x.id === ref.field);
    const level = f?.type === 'code' ? f.levels.find((l) => l.id === ref.level) : undefined;
    return (level ? catalogue.codeLists.get(level.codeList)?.codes ?? [] : []).map((c) => c.code);
  };
  const codeFilter = fieldRef.filter((ref) => codesOf(ref).length > 0).chain((ref) => fc.subarray(codesOf(ref).slice(0, 12), { minLength: 1, maxLength: Math.min(3, codesOf(ref).length) })
    .map((codes) => ({ kind: 'in' as const, field: ref.field, level: ref.level, codes, ...(codes.length === 1 ? { exclude: true } : {}) })));
  return fc.record({
    rows: fc.uniqueArray(fieldRef, { minLength: 1, maxLength: 2, selector: (r) => r.field }),
    columns: fc.uniqueArray(fieldRef, { maxLength: 1, selector: (r) => r.field }),
    measures: distinct
      ? fc.tuple(fc.constantFrom(...distincts), fc.uniqueArray(fc.constantFrom(...measures), { maxLength: 3 })).map(([d, rest]) => [d, ...rest])
      : fc.uniqueArray(fc.constantFrom(...measures), { minLength: 1, maxLength: 4 }),
    filters: fc.tuple(fc.array(range, { maxLength: 1 }), fc.array(codeFilter, { maxLength: 1 })).map(([r, c]) => [...r, ...c]),
    totals: fc.boolean(),
    years: distinct
      ? fc.constantFrom(years.slice(-1), years.slice(-2, -1), years.slice(-2), years.slice(-3, -1), years.slice(-3), [years.at(-3)!, years.at(-1)!])
      : fc.constant(years.slice(-2)),
  }).filter((q) => new Set([...q.rows, ...q.columns].map((r) => r.field)).size === q.rows.length + q.columns.length)
    .map((q) => ({ dataset, ...q }));
}

async function sameFromRollup(query: PivotQuery, table: string, spec: ReturnType<typeof rollupSpec>): Promise<void> {
  const fromRollup = compilePivot(query, catalogue, duckdbDialect, [spec]);
  expect(fromRollup.rollup).toBe(table);
  const fromRecords = compilePivot(query, catalogue, duckdbDialect);
  expect(fromRecords.rollup).toBeUndefined();
  expect(keyed(await engine.run(fromRollup, { timeoutMs: 60_000 }))).toEqual(keyed(await engine.run(fromRecords, { timeoutMs: 60_000 })));
}

describe('rollups', () => {
  for (const dataset of ['apc', 'op', 'ae'] as const) {
    it(`answer ${dataset} queries exactly as the records do`, async () => {
      await fc.assert(fc.asyncProperty(arbitraryQuery(dataset), async (input) => {
        let query: PivotQuery;
        let plan;
        try { query = PivotQuerySchema.parse(input); plan = buildPlan(query, catalogue); } catch { return; }
        const shape = rollupShape(plan, catalogue.datasets.get(dataset)!.columns);
        if (!shape) return;
        const table = `rollup_test_${++sequence}`;
        const spec = rollupSpec(catalogue.datasets.get(dataset)!, shape, table);
        await engine.buildRollup(spec, { timeoutMs: 120_000 });
        try {
          await sameFromRollup(query, table, spec);
          // A narrower question: the first row field alone, the first measure, a later year only.
          await sameFromRollup(PivotQuerySchema.parse({ ...input, rows: input.rows?.slice(0, 1), columns: [], years: years.slice(-1), measures: input.measures.slice(0, 1) }), table, spec);
        } finally {
          await engine.dropRollup(table);
        }
      }), { numRuns: 8, seed: 20241127 });
    }, 300_000);
  }

  for (const dataset of ['apc', 'op', 'ae'] as const) {
    it(`answer ${dataset} queries from the per-record table exactly as the records do`, async () => {
      const spec = recordTableSpec(catalogue.datasets.get(dataset)!, `records_test_${dataset}`)!;
      const { rows: _rows, ...ranges } = await engine.buildRollup(spec, { timeoutMs: 120_000 });
      // With its keys' ranges known, one-year distinct counts merge the finest set's bitmaps and
      // two-year ones read the numbers of the pair.
      expect(ranges.keyRanges?.length).toBe(spec.distinctKeys?.length);
      expect(ranges.pairKeyRanges?.length).toBe(spec.distinctKeys?.length);
      const measured = { ...spec, ...ranges };
      try {
        // Distinct counts too: the table keys patients and spells, so they come from it exactly.
        await fc.assert(fc.asyncProperty(arbitraryQuery(dataset, true), async (input) => {
          let query: PivotQuery;
          try { query = PivotQuerySchema.parse(input); buildPlan(query, catalogue); } catch { return; }
          const columns = catalogue.datasets.get(dataset)!.columns;
          if (!rollupShape(buildPlan(query, catalogue), columns, true)) return;
          // Over one year, from keys numbered within it. Over several, from the keys' hashes;
          // with the ranges measured, over two consecutive years from the keys the pair numbers
          // (a patient of one record in each year is "seen once" in both years, not in the pair).
          await sameFromRollup(query, spec.table, spec);
          await sameFromRollup(query, spec.table, measured);
          if (query.years.length > 1) {
            const { crossYearKeys: _, ...withinYears } = spec;
            expect(compilePivot(query, catalogue, duckdbDialect, [withinYears]).rollup).toBeUndefined();
            return;
          }
          // A top-N table's "Other" row (the rows past the limit as one) comes from it too.
          const first = buildPlan(query, catalogue).dimensions[0]!;
          const kept = (catalogue.codeLists.get(first.codeList)?.codes ?? []).slice(0, 2).map((c) => c.code);
          const other = otherRowPlan(query, catalogue, first.expr, kept);
          const otherFromTable = compilePlan(other, catalogue, duckdbDialect, [spec]);
          expect(otherFromTable.rollup).toBe(spec.table);
          expect(keyed(await engine.run(otherFromTable, { timeoutMs: 60_000 }))).toEqual(keyed(await engine.run(compilePlan(other, catalogue, duckdbDialect), { timeoutMs: 60_000 })));
          // A rollup built from the per-record table (sums of its partials) answers it too,
          // distinct counts excepted.
          const shape = rollupShape(buildPlan(query, catalogue), columns);
          if (!shape) return;
          const grouped = { ...rollupSpec(catalogue.datasets.get(dataset)!, shape, `rollup_test_${++sequence}`), buildFrom: spec };
          expect(renderRollupBuild(grouped, duckdbDialect).join(";")).toContain(`FROM "${spec.table}"`);
          await engine.buildRollup(grouped, { timeoutMs: 120_000 });
          try { await sameFromRollup(query, grouped.table, grouped); } finally { await engine.dropRollup(grouped.table); }
        }), { numRuns: 10, seed: 20241128 });
      } finally {
        await engine.dropRollup(spec.table);
      }
    }, 300_000);
  }

  it('estimate a rollup\'s rows from a sample of the records within a factor of 1.5, from a scan exactly, from one year closely', async () => {
    // OP at demo scale holds ~6M appointments: the 500,000-row sample is a twelfth of them.
    const exact = async (columns: readonly string[]) => {
      const plan = buildPlan(PivotQuerySchema.parse({ dataset: 'op', years: years.slice(-1), measures: ['appointments'] }), catalogue);
      const sql = `SELECT count(*) AS a0, 0 AS grouping_id FROM (SELECT 1 FROM op GROUP BY ${columns.join(', ')}) AS g`;
      return (await engine.run({ sql, params: [], plan: { ...plan, dimensions: [], groupingSets: [[]], aggregates: [{ alias: 'a0', fn: 'count', arg: null, where: null }] } }, { timeoutMs: 60_000 })).rows[0]!.aggregates.get('a0')!;
    };
    for (const columns of [['sex'], ['fyear', 'sex', 'tretspef'], ['fyear', 'procode3', 'tretspef'], ['apptage', 'fyear', 'resladst_ons', 'sex']]) {
      const { distinct, rows } = await engine.estimateDistinct('op', columns, { timeoutMs: 60_000, quick: true });
      const truth = await exact(columns);
      expect(rows).toBeGreaterThan(2_000_000);
      expect(distinct / truth, `${columns.join(', ')}: estimated ${distinct}, exactly ${truth}`).toBeGreaterThan(0.67);
      expect(distinct / truth, `${columns.join(', ')}: estimated ${distinct}, exactly ${truth}`).toBeLessThan(1.5);
      // A scan counts them exactly (approx_count_distinct was off by up to 23 %).
      expect((await engine.estimateDistinct('op', columns, { timeoutMs: 60_000 })).distinct).toBe(truth);
      // From the latest year's rows alone, times the years (yearSlice), where the year is a column.
      const slice = yearSlice(allYearsCatalogue.datasets.get('op')!, columns);
      if (!slice) continue;
      const sliced = (await engine.estimateDistinct('op', columns, { timeoutMs: 60_000, where: slice.where })).distinct * slice.years;
      expect(sliced / truth, `${columns.join(', ')}: from one year ${sliced}, exactly ${truth}`).toBeGreaterThan(0.8);
      expect(sliced / truth, `${columns.join(', ')}: from one year ${sliced}, exactly ${truth}`).toBeLessThan(1.25);
    }
  }, 120_000);

  it('are built in the background for a missed shape, refused over budget, and used after', async () => {
    const lines: string[] = [];
    const manager = new RollupManager(engine, catalogue, { maxRowsEach: 1_000_000, maxRowsTotal: 2_000_000, buildTimeoutMs: 60_000 }, (l) => lines.push(l));
    const query = PivotQuerySchema.parse({ dataset: 'apc', years: years.slice(-1), rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }], measures: ['fce', 'los_median'], filters: [{ kind: 'range', field: 'startage', low: 18, high: 120 }] });
    const miss = compilePivot(query, catalogue, duckdbDialect, manager.ready());
    expect(miss.rollup).toBeUndefined();
    manager.consider(miss.plan);
    await manager.idle();
    expect(manager.ready()).toEqual([]); // asked once: not worth a full scan yet
    // Another shape (region × classification), missed once: planned into the same rollup.
    const other = PivotQuerySchema.parse({ dataset: 'apc', years: years.slice(-1), rows: [{ field: 'resgor_ons', level: 'region' }], columns: [{ field: 'classpat' }], measures: ['fae'] });
    manager.consider(compilePivot(other, catalogue, duckdbDialect).plan);
    await manager.idle();
    expect(manager.ready()).toEqual([]);
    manager.consider(miss.plan);
    await manager.idle();
    const hit = compilePivot({ ...query, filters: [{ kind: 'range', field: 'startage', low: 65, high: 120 }] }, catalogue, duckdbDialect, manager.ready());
    expect(hit.rollup).toBeDefined();
    expect(manager.stats()).toMatchObject({ ready: 1, built: 1, refused: 0 });
    const merged = compilePivot(other, catalogue, duckdbDialect, manager.ready());
    expect(merged.rollup).toBe(hit.rollup);
    expect(keyed(await engine.run(merged, { timeoutMs: 60_000 }))).toEqual(keyed(await engine.run(compilePivot(other, catalogue, duckdbDialect), { timeoutMs: 60_000 })));
    // Other fields over the same columns use it too: admission method groups read `admimeth`,
    // age bands read `startage`.
    const reuse = PivotQuerySchema.parse({ ...query, rows: [{ field: 'admimeth_pub' }], columns: [{ field: 'age_band_85' }], measures: ['fae', 'los_median'], filters: [] });
    const reused = compilePivot(reuse, catalogue, duckdbDialect, manager.ready());
    expect(reused.rollup).toBe(hit.rollup);
    expect(keyed(await engine.run(reused, { timeoutMs: 60_000 }))).toEqual(keyed(await engine.run(compilePivot(reuse, catalogue, duckdbDialect), { timeoutMs: 60_000 })));

    // The broad rollup: columns taken in priority order while the estimate fits the budget.
    manager.chooseCommon('apc', ['sex', 'admimeth', 'classpat', 'diag_01', 'provider_region'], 5_000);
    await manager.idle();
    const common = manager.ready().find((r) => r.table === 'rollup_apc_common');
    expect(common?.grain).toContain('sex');
    expect(common?.grain).not.toContain('diag_01'); // thousands of codes: over the budget
    const broad = PivotQuerySchema.parse({ dataset: 'apc', years: years.slice(-1), rows: [{ field: 'sex' }], columns: [{ field: 'emergency' }], measures: ['fae'] });
    const viaCommon = compilePivot(broad, catalogue, duckdbDialect, [common!]);
    expect(viaCommon.rollup).toBe('rollup_apc_common');
    expect(keyed(await engine.run(viaCommon, { timeoutMs: 60_000 }))).toEqual(keyed(await engine.run(compilePivot(broad, catalogue, duckdbDialect), { timeoutMs: 60_000 })));

    const tiny = new RollupManager(engine, catalogue, { maxRowsEach: 10, maxRowsTotal: 10, buildTimeoutMs: 60_000 });
    const shape = rollupShape(miss.plan, catalogue.datasets.get('apc')!.columns)!;
    tiny.planWorkload('apc', [{ ...shape, columns: shapeColumns(shape, catalogue.datasets.get('apc')!.columns!), weight: 5 }], 1);
    await tiny.idle();
    expect(tiny.stats()).toMatchObject({ ready: 0, built: 0, refused: 1 }); // estimated over 10 rows: never built
    const built = manager.ready().map((r) => r.table);
    await manager.stop();
    for (const table of built) await engine.dropRollup(table);
    // The budget is per year of data (rollups are ordered by year): a rollup over more rows than
    // maxRowsEach, but within it per year, is built.
    const columns = shapeColumns(shape, catalogue.datasets.get('apc')!.columns!);
    const counted = await engine.run({ ...miss, sql: `SELECT count(*) AS a0, 0 AS grouping_id FROM (SELECT DISTINCT ${columns.join(', ')} FROM apc) AS g`, params: [],
      plan: { ...miss.plan, dimensions: [], groupingSets: [[]], aggregates: [{ alias: 'a0', fn: 'count', arg: null, where: null }] } }, { timeoutMs: 60_000 });
    const rows = counted.rows[0]!.aggregates.get('a0')!;
    // (A new manager numbers its tables from 1 again: the first one's are dropped first.)
    const perYear = new RollupManager(engine, catalogue, { maxRowsEach: Math.ceil(rows / years.length / 0.7), maxRowsTotal: rows, buildTimeoutMs: 60_000 });
    expect(Math.ceil(rows / years.length / 0.7)).toBeLessThan(rows);
    perYear.planWorkload('apc', [{ ...shape, columns, weight: 5 }], 1);
    await perYear.idle();
    expect(perYear.stats()).toMatchObject({ ready: 1, built: 1, refused: 0 });
    const perYearTables = perYear.ready().map((r) => r.table);
    await perYear.stop();
    for (const table of perYearTables) await engine.dropRollup(table);
  });

  it('refuse keys across years when two keys share a hash, then key them within each year', async () => {
    // The build's statements on a DuckDB of their own, with the real 64-bit hash and with a
    // 10-bit one, under which the demo's patients collide.
    const raw = await (await DuckDBInstance.create(':memory:')).connect();
    await raw.run(`CREATE VIEW ae AS SELECT * FROM read_parquet('${parquetGlob(dataDir, 'ae')}', hive_partitioning = false)`);
    const colliding = { ...duckdbDialect, keyHash: (e: string) => `(hash(${e}) % 1024)` };
    const spec = recordTableSpec(catalogue.datasets.get('ae')!, 'records_test_collide')!;
    expect(spec.crossYearKeys).toBe(true);
    const checks = (dialect: typeof duckdbDialect) => renderRollupBuild(spec, dialect).filter((st) => st.includes('error('));
    expect(checks(duckdbDialect)).toHaveLength(2 * years.length);
    for (const check of checks(duckdbDialect)) await raw.run(check);
    await expect(raw.run(checks(colliding)[0]!)).rejects.toThrow(/two ae keys share a 64-bit hash/);
    const failing: Engine = { ...engine, dialect: engine.dialect, buildRollup: async (s, options) => {
      if (!s.crossYearKeys) return engine.buildRollup(s, options);
      for (const statement of renderRollupBuild(s, colliding)) await raw.run(statement);
      return { rows: 0 };
    } };
    const lines: string[] = [];
    const manager = new RollupManager(failing, catalogue, { maxRowsEach: 1_000_000, maxRowsTotal: 2_000_000, buildTimeoutMs: 60_000 }, (l) => lines.push(l));
    manager.buildRecordTable('ae');
    await manager.idle();
    expect(lines.find((l) => l.includes('not built'))).toMatch(/two ae keys share a 64-bit hash/);
    expect(lines.some((l) => l.includes('again with distinct keys within each year only'))).toBe(true);
    const table = manager.ready().find((r) => r.perRecord && r.dataset === 'ae');
    expect(table?.distinctKeys).toEqual(['person_id']);
    expect(table?.crossYearKeys).toBeUndefined();
    const patients = (y: readonly string[]) => PivotQuerySchema.parse({ dataset: 'ae', years: y, rows: [{ field: 'sex' }], measures: ['patients'] });
    expect(compilePivot(patients(years.slice(-1)), catalogue, duckdbDialect, manager.ready()).rollup).toBe(table!.table);
    expect(compilePivot(patients(years.slice(-2)), catalogue, duckdbDialect, manager.ready()).rollup).toBeUndefined();
    await manager.stop();
    await engine.dropRollup(table!.table);
    raw.closeSync();
  });

  it('build the per-record table again without distinct keys when numbering them fails; a failed build leaves no table', async () => {
    // As when five national years' patients did not fit in memory: the keyed build fails after
    // its first statements.
    let failed = 0;
    const failing: Engine = { ...engine, dialect: engine.dialect, buildRollup: (spec, options) => {
      if (!spec.distinctKeys) return engine.buildRollup(spec, options);
      expect(failed > 0 || spec.crossYearKeys === true).toBe(true); // keys across years, then within each year
      failed++;
      return engine.buildRollup({ ...spec, baseWhere: 'no_such_column = 1' }, options);
    } };
    const lines: string[] = [];
    const manager = new RollupManager(failing, catalogue, { maxRowsEach: 1_000_000, maxRowsTotal: 2_000_000, buildTimeoutMs: 60_000 }, (l) => lines.push(l));
    manager.buildRecordTable('ae');
    await manager.idle();
    expect(failed).toBe(2);
    const table = manager.ready().find((r) => r.perRecord && r.dataset === 'ae');
    expect(table?.distinctKeys).toBeUndefined();
    expect(lines.some((l) => l.includes('without distinct keys'))).toBe(true);
    const counts = PivotQuerySchema.parse({ dataset: 'ae', years: years.slice(-1), rows: [{ field: 'sex' }], measures: ['attendances'] });
    expect(compilePivot(counts, catalogue, duckdbDialect, manager.ready()).rollup).toBe(table!.table);
    const patients = compilePivot({ ...counts, measures: ['patients'] }, catalogue, duckdbDialect, manager.ready());
    expect(patients.rollup).toBeUndefined(); // distinct counts read the records
    expect(keyed(await engine.run(compilePivot(counts, catalogue, duckdbDialect, manager.ready()), { timeoutMs: 60_000 }))).toEqual(keyed(await engine.run(compilePivot(counts, catalogue, duckdbDialect), { timeoutMs: 60_000 })));
    await manager.stop();
    await engine.dropRollup(table!.table);

    // A build that fails after its first year was written leaves no table behind.
    const plain = { ...table!, table: 'records_test_half', clusterBy: { expr: 'CAST(fyear AS INTEGER)', values: [years[0]!, 'not a year'] } };
    await expect(engine.buildRollup(plain, { timeoutMs: 60_000 })).rejects.toThrow();
    const { rows } = await engine.buildRollup({ ...plain, clusterBy: { expr: 'fyear', values: [years[0]!] } }, { timeoutMs: 60_000 });
    expect(rows).toBeGreaterThan(0);
    await engine.dropRollup(plain.table);
  });
});
