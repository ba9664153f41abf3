// Child process of bench/perspective-compare.ts, run twice: `prepare <source dir> <rows|all>
// <subset dir>` cuts the row subset (a data folder the server can serve) and prints {rows};
// `time <subset dir> <runs>` writes the pre-computed CSV Perspective loads, times pivot A on raw
// DuckDB and prints one JSON line (DuckDbBaseline). Apart, so the peak RSS is the timing's own.
import { timeRuns } from './time-runs';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadCatalogue } from '../datasets/catalogue/load-catalogue';
import { PivotQuerySchema } from '../shared/query/pivot-query';
import { compilePivot } from '../shared/sql/compile-pivot';
import { duckdbDialect } from '../shared/sql/dialects/duckdb';
import type { CompiledQuery } from '../shared/sql/pivot-plan';
import { cellsOfCompiled, cellsOfPrecomputed, PIVOT_A, precomputeSql, precomputedPivotSql, RAW_COLUMNS, type BaselineCells } from './pivot-a';
import { procMemoryBytes } from './proc-memory';

export interface DuckDbBaseline {
  readonly rows: number;
  readonly csvPath: string;
  readonly csvBytes: number;
  /** Parquet → in-memory table of RAW_COLUMNS, and that → the pre-computed table, ms. */
  readonly loadMs: { readonly raw: number; readonly precomputed: number };
  /** Timed runs (after one warm-up) of each way of asking, ms. */
  readonly times: {
    readonly compiledParquet: number[]; readonly compiledMemory: number[];
    readonly precomputed2: number[]; readonly precomputed1: number[];
  };
  readonly cells: { readonly compiled: BaselineCells; readonly precomputed: BaselineCells };
  readonly peakRssBytes: number;
}

const quote = (p: string) => `'${p.replaceAll("'", "''")}'`;
const SUBSET_PART = path.join('apc', 'fyear=2324', 'part-0.parquet');

/** The subset as a data folder: Parquet of the first N rows, and the source's manifest saying so. */
async function ensureSubset(sourceDir: string, limit: number | undefined, subsetDir: string): Promise<number> {
  const source = JSON.parse(readFileSync(path.join(sourceDir, 'manifest.json'), 'utf8')) as { dataVersion: string; rowCounts: { apc?: Record<string, number> } };
  const rows = Math.min(limit ?? Infinity, source.rowCounts.apc?.['2324'] ?? 0);
  if (rows === 0) throw new Error(`${sourceDir} holds no APC 2023-24 rows.`);
  const manifest = { ...source, years: ['2324'], datasets: ['apc'], rowCounts: { apc: { '2324': rows } }, dataVersion: `${source.dataVersion}-first${rows}` };
  const manifestPath = path.join(subsetDir, 'manifest.json');
  // Reused only if it was cut from this very source data.
  if (existsSync(manifestPath) && (JSON.parse(readFileSync(manifestPath, 'utf8')) as { dataVersion: string }).dataVersion === manifest.dataVersion) return rows;
  mkdirSync(path.dirname(path.join(subsetDir, SUBSET_PART)), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  // Without ORDER BY, DuckDB keeps file order (preserve_insertion_order), so these are the first rows.
  await db.run(`COPY (SELECT * FROM read_parquet(${quote(path.join(sourceDir, SUBSET_PART))}) LIMIT ${rows}) TO ${quote(path.join(subsetDir, SUBSET_PART))} (FORMAT parquet)`);
  db.closeSync();
  instance.closeSync();
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return rows;
}


async function time(subsetDir: string, runs: number): Promise<DuckDbBaseline> {
  const rows = (JSON.parse(readFileSync(path.join(subsetDir, 'manifest.json'), 'utf8')) as { rowCounts: { apc: Record<string, number> } }).rowCounts.apc['2324'] ?? 0;
  // Two threads, as the server's engine uses; one-thread figures are taken too (Perspective uses one core).
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  const parquet = quote(path.join(subsetDir, SUBSET_PART));

  const catalogue = loadCatalogue(['2324']);
  const apc = catalogue.datasets.get('apc')!;
  const compile = (table: string) => compilePivot(PivotQuerySchema.parse(PIVOT_A), { ...catalogue, datasets: new Map([['apc', { ...apc, table }]]) }, duckdbDialect);
  const run = async (sql: string, params?: CompiledQuery['params']) =>
    (await db.runAndReadAll(sql, params ? [...params] : undefined)).getRowObjectsJS();

  await db.run(`CREATE VIEW apc_parquet AS SELECT * FROM read_parquet(${parquet}, hive_partitioning = false)`);
  let t = performance.now();
  await db.run(`CREATE TABLE apc_memory AS SELECT ${RAW_COLUMNS.join(', ')} FROM apc_parquet`);
  const rawMs = performance.now() - t;
  t = performance.now();
  await db.run(`CREATE TABLE precomputed AS ${precomputeSql('apc_memory', catalogue)}`);
  const precomputedMs = performance.now() - t;
  const csvPath = path.join(subsetDir, 'perspective.csv');
  await db.run(`COPY precomputed TO ${quote(csvPath)} (HEADER, DELIMITER ',')`);

  const onParquet = compile('apc_parquet');
  const inMemory = compile('apc_memory');
  const compiledParquet = await timeRuns(runs, () => run(onParquet.sql, onParquet.params));
  const compiledMemory = await timeRuns(runs, () => run(inMemory.sql, inMemory.params));
  const precomputed2 = await timeRuns(runs, () => run(precomputedPivotSql('precomputed')));
  await db.run('SET threads = 1');
  const precomputed1 = await timeRuns(runs, () => run(precomputedPivotSql('precomputed')));
  await db.run('SET threads = 2');

  const result: DuckDbBaseline = {
    rows, csvPath, csvBytes: statSync(csvPath).size,
    loadMs: { raw: rawMs, precomputed: precomputedMs },
    times: { compiledParquet, compiledMemory, precomputed2, precomputed1 },
    cells: {
      compiled: cellsOfCompiled(onParquet, await run(onParquet.sql, onParquet.params)),
      precomputed: cellsOfPrecomputed(await run(precomputedPivotSql('precomputed'))),
    },
    peakRssBytes: procMemoryBytes(process.pid, 'VmHWM') ?? Number.NaN,
  };
  db.closeSync();
  instance.closeSync();
  return result;
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'prepare' && args.length === 3) {
    const [sourceDir, rows, subsetDir] = args as [string, string, string];
    console.log(JSON.stringify({ rows: await ensureSubset(sourceDir, rows === 'all' ? undefined : Number(rows), subsetDir) }));
  } else if (mode === 'time' && args.length === 2) {
    console.log(JSON.stringify(await time(args[0]!, Number(args[1]))));
  } else {
    throw new Error('usage: duckdb-baseline-child prepare <source dir> <rows|all> <subset dir> | time <subset dir> <runs>');
  }
}

main().catch((error: unknown) => { console.error(error); process.exit(1); });
