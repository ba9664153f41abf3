// Pivot A on the same rows three ways (issue 8): raw DuckDB, Perspective 3.8.0 and our whole
// stack, with a check that the engines agree. Each runs in its own process (memory apart).
// Perspective cannot load the national year (21.7M rows overflow its 32-bit WASM heap), so the
// national comparison uses the year's first 1M and 4M rows; the demo uses its whole APC 2023-24.
//   npx tsx bench/perspective-compare.ts [--national]     alone
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT_DIR } from '../server/build-client';
import { hasFlag } from './bench-args';
import { runJsonChild } from './child-json';
import type { DuckDbBaseline } from './duckdb-baseline-child';
import type { PerspectiveBaseline } from './perspective-child';
import { compareCells, PIVOT_A, RAW_COLUMNS } from './pivot-a';
import { percentile } from './percentile';
import { procMemoryBytes } from './proc-memory';
import { requestPivot, signIn, startServerProcess } from './server-process';
import { addSummaryRows, type SummaryRow } from './summary-table';

const OUT = path.join(ROOT_DIR, 'bench-output');
const RUNS = 5;

export interface BaselineScale {
  /** Summary-table scale, e.g. 'first 1M rows'. */
  readonly label: string;
  /** A generated data folder holding APC 2023-24. */
  readonly sourceDir: string;
  readonly rows: number | 'all';
}

export const demoBaselines = (): BaselineScale[] => [{ label: 'demo APC 23-24', sourceDir: path.join(OUT, 'demo'), rows: 'all' }];
export const nationalBaselines = (): BaselineScale[] => [1_000_000, 4_000_000].map((rows) =>
  ({ label: `national, first ${rows / 1e6}M rows`, sourceDir: path.join(OUT, 'national'), rows }));

interface StackTiming { readonly misses: number[]; readonly hits: number[]; readonly peakRssBytes: number | undefined }

/** Pivot A through HTTP, tRPC, compiler, DuckDB on the subset's Parquet, disclosure and JSON. */
async function timeWholeStack(dataDir: string): Promise<StackTiming> {
  const server = await startServerProcess(dataDir);
  try {
    const cookie = await signIn(server.url);
    // The result cache would answer repeats; an upper age bound of 120.001… selects the same
    // rows (ages are whole years up to 120) but is another cache key, so each run is a miss.
    const ask = async (n: number) => {
      const query = { ...PIVOT_A, filters: [{ kind: 'range' as const, field: 'startage', low: 18, high: 120 + n / 1000 }] };
      const t = performance.now();
      const outcome = await requestPivot(server.url, cookie, query, 120_000);
      if (!outcome.ok) throw new Error(`whole-stack pivot A failed: ${outcome.error}`);
      return performance.now() - t;
    };
    await ask(0); // warm-up
    const misses: number[] = [];
    for (let i = 1; i <= RUNS; i++) misses.push(await ask(i));
    const hits: number[] = [];
    for (let i = 0; i < RUNS; i++) hits.push(await ask(RUNS));
    return { misses, hits, peakRssBytes: procMemoryBytes(server.pid, 'VmHWM') };
  } finally {
    await server.close();
  }
}

const ms = (xs: readonly number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;
const mib = (bytes: number | undefined) => (bytes === undefined ? '?' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
const s = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
const x = (a: readonly number[], b: readonly number[]) => `×${(percentile(a, 50) / percentile(b, 50)).toFixed(1)}`;

async function benchOne(scale: BaselineScale): Promise<void> {
  const subsetDir = path.join(OUT, 'subsets', `${path.basename(scale.sourceDir)}-apc-2324-${scale.rows === 'all' ? 'all' : scale.rows}`);
  await runJsonChild('duckdb-baseline-child.ts', ['prepare', scale.sourceDir, String(scale.rows), subsetDir]);
  const duck = await runJsonChild('duckdb-baseline-child.ts', ['time', subsetDir, String(RUNS)]) as DuckDbBaseline;
  const psp = await runJsonChild('perspective-child.ts', [duck.csvPath, String(RUNS)]) as PerspectiveBaseline;
  const stack = await timeWholeStack(subsetDir);
  const label = `${scale.label} (${duck.rows.toLocaleString('en-GB')})`;
  const t = duck.times;

  console.log(`\n[pivot A: Perspective vs DuckDB, ${label} rows] ${RUNS} timed runs after 1 warm-up; each engine in its own process; ` +
    `subset in ${path.relative(ROOT_DIR, subsetDir)}`);
  console.log('  pre-computed with DuckDB from the catalogue, read alike by Perspective and DuckDB\'s hand-written pivot: admimeth_group (the field\'s CASE), ' +
    'age_years (the age filter\'s expression), fce/fae (1 when the measure\'s condition holds, else 0; summed), los/age (speldur/startage_calc as DOUBLE ' +
    'where the median LOS/mean age condition holds, else NULL)');
  console.log(`  load: DuckDB Parquet → memory ${s(duck.loadMs.raw)} (the ${RAW_COLUMNS.length} raw columns pivot A reads) + pre-computing ${s(duck.loadMs.precomputed)}, peak RSS ${mib(duck.peakRssBytes)} | ` +
    `Perspective CSV ${(duck.csvBytes / 1e6).toFixed(0)} MB: read ${s(psp.readMs)}, load ${s(psp.loadMs)} (${psp.rows.toLocaleString('en-GB')} rows), ` +
    `RSS after load ${mib(psp.rssAfterLoadBytes)}, peak ${mib(psp.peakRssBytes)}`);
  console.log(`  raw DuckDB, compiled pivot A on the subset Parquet (2 threads): ${ms(t.compiledParquet)}`);
  console.log(`  DuckDB, compiled pivot A on raw columns in memory (2 threads): ${ms(t.compiledMemory)}`);
  console.log(`  DuckDB, hand-written pivot on the pre-computed table: 2 threads ${ms(t.precomputed2)} | 1 thread ${ms(t.precomputed1)}`);
  console.log(`  Perspective 3.8.0 (WASM, 1 core), 4 views + to_columns: ${ms(psp.times)} | ` +
    `${x(psp.times, t.precomputed2)} DuckDB on the same table (2 threads), ${x(psp.times, t.precomputed1)} (1 thread)`);
  console.log(`  whole stack (HTTP + tRPC + compile + DuckDB on Parquet + disclosure + JSON; server in a child): cache miss ${ms(stack.misses)}, ` +
    `cache hit ${ms(stack.hits)}, server peak RSS ${mib(stack.peakRssBytes)}`);

  const problems = [
    ...compareCells(duck.cells.compiled, duck.cells.precomputed).map((p) => `DuckDB pre-computed ${p}`),
    ...compareCells(duck.cells.compiled, psp.cells).map((p) => `Perspective ${p}`),
  ];
  console.log(problems.length === 0
    ? `  agreement: our compiled SQL, DuckDB on the pre-computed table and Perspective give the same ${duck.cells.compiled.length} cells ` +
      '(counts exactly, median and mean within 1e-9 relative; the whole stack is disclosure-controlled, so not compared)'
    : `  agreement: ${problems.length} DIFFERENCES, e.g. ${problems.slice(0, 5).join('; ')}`);

  const row = (query: string, xs: readonly number[], extra: Partial<SummaryRow> = {}): SummaryRow =>
    ({ scale: label, query, compares: 'pivot A', p50Ms: percentile(xs, 50), p95Ms: percentile(xs, 95), ...extra });
  addSummaryRows(
    row('pivot A, raw DuckDB (compiled SQL on Parquet)', t.compiledParquet, { baseline: 'duckdb', rssBytes: duck.peakRssBytes, rssOf: 'DuckDB child' }),
    row('pivot A, DuckDB on pre-computed table, 2 threads', t.precomputed2),
    row('pivot A, DuckDB on pre-computed table, 1 thread', t.precomputed1),
    row('pivot A, Perspective 3.8.0, 4 views', psp.times, { baseline: 'perspective', rssBytes: psp.peakRssBytes, rssOf: 'Perspective child' }),
    row('pivot A, whole stack, cache miss', stack.misses, { ...(stack.peakRssBytes === undefined ? {} : { rssBytes: stack.peakRssBytes }), rssOf: 'server' }),
  );
}

export async function benchBaselines(scales: readonly BaselineScale[]): Promise<void> {
  for (const scale of scales) await benchOne(scale);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  benchBaselines(hasFlag(process.argv.slice(2), 'national') ? nationalBaselines() : demoBaselines())
    .catch((error: unknown) => { console.error(error); process.exit(1); });
}
