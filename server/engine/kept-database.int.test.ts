// A kept engine database: a second server on the same data adopts the per-record table and the
// rollups the first built (and answers from them as the records do), drops what the current code
// would build differently or what no build finished, and a file another process holds is left
// to it.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../datasets/catalogue/load-catalogue';
import { demoDataDir } from '../../datasets/generator/testing/demo-data';
import type { Catalogue } from '../../shared/catalogue/catalogue-types';
import { PivotQuerySchema } from '../../shared/query/pivot-query';
import type { RawAggregates } from '../../shared/result/raw-aggregates';
import { compilePivot } from '../../shared/sql/compile-pivot';
import { duckdbDialect } from '../../shared/sql/dialects/duckdb';
import { renderRollupBuild, type RollupSpec } from '../../shared/sql/rollup';
import { openDuckDbEngine } from './duckdb-engine';
import { dataKey, removeDatabaseFile } from './engine-database';
import { cacheReads, warmEngineCache } from './cache-warm';
import { RollupManager } from './rollup-manager';

let dataDir: string;
let catalogue: Catalogue;
let years: string[];
const keepAs = `test-${process.pid}`;
const budget = { maxRowsEach: 1_000_000, maxRowsTotal: 2_000_000, buildTimeoutMs: 60_000 };
const keptFile = () => path.join(dataDir, 'app', 'duckdb', `kept-${keepAs}.duckdb`);

beforeAll(async () => {
  dataDir = await demoDataDir();
  years = (JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as { years: string[] }).years;
  catalogue = loadCatalogue(years);
}, 300_000);
afterAll(() => { if (dataDir) removeDatabaseFile(keptFile()); });

const keyed = (raw: RawAggregates) => new Map(raw.rows.map((r) => [`${r.groupingId}|${r.dims.join('|')}`, [...r.aggregates.values()]]));

describe('a kept engine database', () => {
  it('is adopted by the next engine on the same data, as the current code would build it', async () => {
    const open = () => openDuckDbEngine({ dataDir, datasets: ['ae'], keepAs });
    const first = await open();
    const manager = new RollupManager(first, catalogue, budget);
    manager.buildRecordTable('ae');
    const bySex = PivotQuerySchema.parse({ dataset: 'ae', years: years.slice(-2), rows: [{ field: 'sex' }], measures: ['attendances', 'patients'] });
    manager.planWorkload('ae', [{ grain: ['fyear', 'sex'], histograms: [], columns: ['fyear', 'sex'], weight: 3 }], 2);
    manager.chooseCommon('ae', ['sex', 'aeattendcat'], 100_000);
    await manager.idle();
    await manager.stop();
    expect(first.kept().tables).toEqual([]);
    expect(manager.ready().map((r) => r.table).sort()).toEqual(['records_ae', 'rollup_ae_1', 'rollup_ae_common']);
    // Held by this engine: another engine on the same data works in a file of its own.
    const other = await open();
    expect(other.kept().tables).toEqual([]);
    await other.close();
    await first.close();
    expect(existsSync(keptFile())).toBe(true);

    // A change the current code would build differently, and a table no build finished.
    const raw = await (await DuckDBInstance.create(keptFile())).connect();
    await raw.run(`UPDATE __kept_tables SET build = replace(build, 'sex', 'sex2') WHERE name = 'rollup_ae_1'`);
    await raw.run('CREATE TABLE records_ae__keys0 AS SELECT 1 AS x');
    raw.closeSync();

    const second = await open();
    const records = await countRows(second, 'records_ae');
    expect(records).toBeGreaterThan(0);
    expect(second.kept().tables.map((t) => [t.spec.table, t.rows])).toEqual([['records_ae', records], ['rollup_ae_common', expect.any(Number)]]);
    expect(second.kept().estimates.size).toBeGreaterThan(0);
    const lines: string[] = [];
    const adopting = new RollupManager(second, catalogue, budget, (l) => lines.push(l));
    adopting.adoptKept();
    adopting.buildRecordTable('ae');
    adopting.chooseCommon('ae', ['sex', 'aeattendcat'], 100_000);
    await adopting.idle();
    // Nothing is built again (the broad rollup was kept too).
    expect(lines.map((l) => l.replace(/: [\d,]+ rows$/, ''))).toEqual(['[rollups] records_ae kept from the last run', '[rollups] rollup_ae_common kept from the last run']);
    // Adopted tables start cold: warming reads the latest year of the per-record table (then
    // the rollups) into the engine's cache.
    expect(cacheReads(adopting.ready())).toEqual([{ table: 'records_ae', where: `(fyear) = '${years.at(-1)}'` }, { table: 'rollup_ae_common' }]);
    const cold = (await second.memoryInUse()).bytes;
    const warming: string[] = [];
    await warmEngineCache(second, adopting.ready(), (l) => warming.push(l));
    expect(warming).toEqual([expect.stringMatching(/^\[rollups\] engine cache warmed from 2 table\(s\) in \d+ ms: \d+ MiB held$/)]);
    expect((await second.memoryInUse()).bytes).toBeGreaterThan(cold + 2 ** 20);
    const fromKept = compilePivot(bySex, catalogue, duckdbDialect, adopting.ready());
    expect(fromKept.rollup).toBe('records_ae');
    const fromRecords = compilePivot(bySex, catalogue, duckdbDialect);
    expect(keyed(await second.run(fromKept, { timeoutMs: 60_000 }))).toEqual(keyed(await second.run(fromRecords, { timeoutMs: 60_000 })));
    // The stale rollup and the unfinished table are gone from the file.
    await expect(second.run({ ...fromRecords, sql: 'SELECT count(*) AS a0, 0 AS grouping_id FROM rollup_ae_1', params: [] }, { timeoutMs: 10_000 })).rejects.toThrow(/rollup_ae_1/);
    await expect(second.run({ ...fromRecords, sql: 'SELECT count(*) AS a0, 0 AS grouping_id FROM records_ae__keys0', params: [] }, { timeoutMs: 10_000 })).rejects.toThrow(/records_ae__keys0/);
    await adopting.stop();
    await second.close();

    // A per-record table an earlier version built without the columns queries now read (its
    // statements match its own spec, so the file keeps it) is built again, not used as it is.
    const stored = await (await DuckDBInstance.create(keptFile())).connect();
    const row = (await stored.runAndReadAll(`SELECT spec FROM __kept_tables WHERE name = 'records_ae'`)).getRowObjectsJS()[0]!;
    const { computed, ...older } = JSON.parse(String(row['spec'])) as RollupSpec;
    expect(computed?.length).toBeGreaterThan(0);
    await stored.run('UPDATE __kept_tables SET spec = $1, build = $2 WHERE name = $3', [JSON.stringify(older), JSON.stringify(renderRollupBuild(older, duckdbDialect)), 'records_ae']);
    stored.closeSync();
    const third = await open();
    expect(third.kept().tables.map((t) => t.spec.table)).toContain('records_ae');
    const rebuilding = new RollupManager(third, catalogue, budget, (l) => lines.push(l));
    rebuilding.adoptKept();
    rebuilding.buildRecordTable('ae');
    await rebuilding.idle();
    expect(lines).toContain('[rollups] records_ae kept from the last run is built differently now: building it again');
    expect(rebuilding.ready().find((r) => r.table === 'records_ae')?.computed).toEqual(computed);
    const fromRebuilt = compilePivot(bySex, catalogue, duckdbDialect, rebuilding.ready());
    expect(keyed(await third.run(fromRebuilt, { timeoutMs: 60_000 }))).toEqual(keyed(await third.run(fromRecords, { timeoutMs: 60_000 })));
    await rebuilding.stop();
    await third.close();
  }, 300_000);

  it('is started afresh when it cannot be read', async () => {
    const damaged = `test-damaged-${process.pid}`;
    const file = path.join(dataDir, 'app', 'duckdb', `kept-${damaged}.duckdb`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'not a DuckDB database '.repeat(1000));
    const engine = await openDuckDbEngine({ dataDir, datasets: ['ae'], keepAs: damaged });
    try {
      expect(engine.kept().tables).toEqual([]);
      expect(await countRows(engine, 'ae')).toBeGreaterThan(0);
    } finally {
      await engine.close();
      removeDatabaseFile(file);
    }
  }, 60_000);

  it('is named after the data: another version or a changed file is other data', () => {
    const key = dataKey(dataDir, ['ae'], 'v1');
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(dataKey(dataDir, ['ae'], 'v1')).toBe(key);
    expect(dataKey(dataDir, ['ae'], 'v2')).not.toBe(key);
    expect(dataKey(dataDir, ['ae', 'op'], 'v1')).not.toBe(key);
    expect(readdirSync(path.join(dataDir, 'ae')).length).toBeGreaterThan(0);
  });
});

async function countRows(engine: Awaited<ReturnType<typeof openDuckDbEngine>>, table: string): Promise<number> {
  const q = PivotQuerySchema.parse({ dataset: 'ae', years: years.slice(-1), rows: [], measures: ['attendances'] });
  const compiled = compilePivot(q, catalogue, duckdbDialect);
  const raw = await engine.run({ ...compiled, sql: `SELECT count(*) AS a0, 0 AS grouping_id FROM ${table}`, params: [] }, { timeoutMs: 60_000 });
  return raw.rows[0]!.aggregates.values().next().value as number;
}
