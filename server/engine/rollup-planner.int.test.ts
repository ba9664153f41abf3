// The rollup planner on a real DuckDB over the demo Parquet: shapes whose medians measure a
// column no field reads (elecdur, waiting time to admission) are planned and built like any
// other, and a plan that fails for one shape is logged once and skipped, not fatal to the rest.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../datasets/catalogue/load-catalogue';
import { demoDataDir } from '../../datasets/generator/testing/demo-data';
import type { Catalogue } from '../../shared/catalogue/catalogue-types';
import { PivotQuerySchema, type PivotQueryInput } from '../../shared/query/pivot-query';
import type { RawAggregates } from '../../shared/result/raw-aggregates';
import { compilePivot } from '../../shared/sql/compile-pivot';
import { duckdbDialect } from '../../shared/sql/dialects/duckdb';
import { openDuckDbEngine } from './duckdb-engine';
import type { Engine } from './engine';
import { RollupManager } from './rollup-manager';

let engine: Engine;
let catalogue: Catalogue;
let years: readonly string[];

beforeAll(async () => {
  const dataDir = await demoDataDir();
  years = (JSON.parse(readFileSync(`${dataDir}/manifest.json`, 'utf8')) as { years: string[] }).years;
  // One year: the per-record table is built for the catalogue's years, and one keeps this quick.
  years = years.slice(-1);
  catalogue = loadCatalogue(years);
  engine = await openDuckDbEngine({ dataDir, datasets: ['apc'] });
}, 300_000);
afterAll(async () => { await engine?.close(); });

const BUDGET = { maxRowsEach: 1_000_000, maxRowsTotal: 2_000_000, buildTimeoutMs: 60_000 };
const keyed = (raw: RawAggregates) => new Map(raw.rows.map((r) => [
  `${r.groupingId}|${r.dims.map((d) => d ?? '∅').join('|')}`,
  Object.fromEntries([...r.aggregates].map(([k, v]) => [k, v === null ? null : Number(v.toPrecision(10))])),
]));
const query = (input: Omit<PivotQueryInput, 'dataset' | 'years'>) => PivotQuerySchema.parse({ dataset: 'apc', years: years.slice(-1), ...input });

/** Compiles against the manager's rollups and reports what it read, as the pivot path does. */
function observe(manager: RollupManager, input: Omit<PivotQueryInput, 'dataset' | 'years'>) {
  const compiled = compilePivot(query(input), catalogue, duckdbDialect, manager.ready());
  manager.observe(compiled);
  return compiled;
}

async function dropAll(manager: RollupManager) {
  const tables = manager.ready().map((r) => r.table);
  await manager.stop();
  for (const table of tables) await engine.dropRollup(table);
}

describe('the rollup planner', () => {
  it('builds a rollup for median and mean waits (elecdur) and answers from it as the records do', async () => {
    const lines: string[] = [];
    const manager = new RollupManager(engine, catalogue, BUDGET, (l) => lines.push(l));
    // Estimates then read the per-record table, which must hold every column a shape needs.
    manager.buildRecordTable('apc');
    await manager.idle();
    expect(manager.ready().find((r) => r.perRecord)?.grain).toContain('elecdur');
    const waits = { rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }], measures: ['elecdur_median', 'elecdur_mean', 'fae'] };
    for (let i = 0; i < 2; i++) {
      expect(observe(manager, waits).perRecord).toBe(true);
      await manager.idle();
    }
    expect(lines.filter((l) => /failed|not built|Error/.test(l))).toEqual([]);
    const hit = compilePivot(query(waits), catalogue, duckdbDialect, manager.ready());
    expect(hit.rollup).toMatch(/^rollup_apc_\d+$/);
    expect(hit.perRecord).toBeUndefined();
    const fromRecords = compilePivot(query(waits), catalogue, duckdbDialect);
    expect(keyed(await engine.run(hit, { timeoutMs: 60_000 }))).toEqual(keyed(await engine.run(fromRecords, { timeoutMs: 60_000 })));
    await dropAll(manager);
  }, 300_000);

  it('skips a shape whose plan fails, logging it once, and still builds rollups for others', async () => {
    // An engine that cannot estimate any column set holding classpat.
    const failing: Engine = { ...engine, dialect: engine.dialect, estimateDistinct: (table, columns, options) => (columns.includes('classpat')
      ? Promise.reject(new Error('Binder Error: Referenced column "classpat" not found'))
      : engine.estimateDistinct(table, columns, options)) };
    const lines: string[] = [];
    const manager = new RollupManager(failing, catalogue, BUDGET, (l) => lines.push(l));
    const broken = { rows: [{ field: 'classpat' }], measures: ['fce'] };
    for (let i = 0; i < 4; i++) { observe(manager, broken); await manager.idle(); }
    expect(manager.ready()).toEqual([]);
    const fine = { rows: [{ field: 'sex' }], columns: [{ field: 'admimeth_group' }], measures: ['fce', 'los_median'] };
    for (let i = 0; i < 2; i++) { observe(manager, fine); await manager.idle(); }
    // The failing shape is missed more often, so each plan tries it (and its unions) first.
    observe(manager, broken);
    await manager.idle();
    expect(compilePivot(query(fine), catalogue, duckdbDialect, manager.ready()).rollup).toMatch(/^rollup_apc_\d+$/);
    expect(lines.filter((l) => l.includes('classpat'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(' failed: '))).toEqual([]);
    await dropAll(manager);
  }, 300_000);
});
