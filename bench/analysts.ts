// Concurrent analysts against the real server on loopback (issue 8): each signs in with its own
// session, then thinks 0.5–3 s and asks for a pivot from bench/analyst-mix.ts, until the time
// is up. The server runs in a child process whose RSS is sampled every second.
//   npx tsx bench/analysts.ts [--national|--national-5y] [--analysts=20] [--duration=30|--full] [--seed=n] [--warmup=s]
//   npm run bench [-- --national --full]          as a section of the whole bench
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { loadCatalogue } from '../datasets/catalogue/load-catalogue';
import { PivotQuerySchema } from '../shared/query/pivot-query';
import { ROOT_DIR } from '../server/build-client';
import { createAnalystMix, type LastTable, type RequestKind } from './analyst-mix';
import { hasFlag, loadArgs, type LoadArgs } from './bench-args';
import { percentile } from './percentile';
import { seededRandom } from './seeded-random';
import { procMemoryBytes } from './proc-memory';
import { requestPivot, signIn, startServerProcess } from './server-process';
import { addSummaryRows } from './summary-table';

const REQUEST_TIMEOUT_MS = 30_000; // the server's own default query timeout
const THINK_MS: readonly [number, number] = [500, 3000];
const P95_TARGET_MS = 1000;
const RSS_TARGET_BYTES = 2 * 2 ** 30;
/** "Flat": the last window's mean RSS at most this much above the first window's. */
const FLAT_GROWTH = 0.1;

export interface AnalystLoadOptions extends LoadArgs {
  /** Scale name for the report and summary table ('demo', 'national', 'national-5y'). */
  readonly label: string;
  readonly dataDir: string;
}

interface Sample {
  readonly kind: RequestKind;
  /** The same query (validated form) had already been answered: the server's cache should hit. */
  readonly expectedHit: boolean;
  readonly ms: number;
  /** It asks for a distinct count (patients, spells): no partial or rollup can answer those. */
  readonly distinct: boolean;
  /** Set on failure, with the query that failed (printed as an example). */
  readonly error?: { readonly message: string; readonly query: string };
}

interface RssSample { readonly atMs: number; readonly bytes: number }

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const spread = (xs: readonly number[]) => (xs.length === 0 ? 'none' :
  `p50 ${ms(percentile(xs, 50))} p95 ${ms(percentile(xs, 95))} p99 ${ms(percentile(xs, 99))} max ${ms(Math.max(...xs))}`);
/** A percentile that is NaN, not a crash, when nothing was measured. */
const pct = (xs: readonly number[], p: number) => (xs.length === 0 ? Number.NaN : percentile(xs, p));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export async function benchAnalysts(o: AnalystLoadOptions): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.join(o.dataDir, 'manifest.json'), 'utf8')) as { years: string[] };
  const catalogue = loadCatalogue(manifest.years);
  const distinctMeasures = new Set([...catalogue.datasets.values()].flatMap((d) => d.measures.filter((m) => m.kind === 'count' && m.distinctOf !== undefined).map((m) => `${d.id}:${m.id}`)));
  const server = await startServerProcess(o.dataDir, { QUERY_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), BENCH_WARM_ROLLUPS: '1' });
  try {
    const cookies = await Promise.all(Array.from({ length: o.analysts }, () => signIn(server.url)));
    // Measured from `started`, after the warm-up (if any) under the same load.
    const started = performance.now() + o.warmupS * 1000;
    const deadline = started + o.durationS * 1000;
    const rss: RssSample[] = [];
    const sampleRss = () => {
      const bytes = procMemoryBytes(server.pid, 'VmRSS');
      if (bytes !== undefined && performance.now() >= started) rss.push({ atMs: performance.now() - started, bytes });
    };
    const sampler = setInterval(sampleRss, 1000);
    const answered = new Set<string>();
    const samples: Sample[] = [];

    const runAnalyst = async (cookie: string, i: number) => {
      const rng = seededRandom(o.seed + i * 7919);
      const mix = createAnalystMix(catalogue, rng);
      let drillable: LastTable | undefined;
      for (;;) {
        await sleep(rng.between(...THINK_MS));
        if (performance.now() >= deadline) return; // a request already sent is waited for
        const { kind, query } = mix.next(drillable);
        const key = JSON.stringify(PivotQuerySchema.parse(query));
        const expectedHit = answered.has(key);
        const distinct = query.measures.some((m) => distinctMeasures.has(`${query.dataset}:${m}`));
        const t = performance.now();
        const outcome = await requestPivot(server.url, cookie, query, REQUEST_TIMEOUT_MS);
        const elapsed = performance.now() - t;
        const measured = t >= started;
        if (!outcome.ok) { if (measured) samples.push({ kind, expectedHit, distinct, ms: elapsed, error: { message: outcome.error, query: JSON.stringify(query) } }); continue; }
        if (measured) samples.push({ kind, expectedHit, distinct, ms: elapsed });
        answered.add(key);
        if (outcome.result.rowFields[0]?.drillable) drillable = { query, result: outcome.result };
      }
    };
    await Promise.all(cookies.map(runAnalyst));
    const wallS = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sampleRss();
    report(o, samples, rss, procMemoryBytes(server.pid, 'VmHWM'), wallS);
  } finally {
    await server.close();
  }
}

const clipped = (json: string) => (json.length > 400 ? `${json.slice(0, 400)}…` : json);

function report(o: AnalystLoadOptions, samples: readonly Sample[], rss: readonly RssSample[], peakBytes: number | undefined, wallS: number): void {
  const all = samples.map((s) => s.ms);
  const errors = samples.flatMap((s) => (s.error ? [s.error] : []));
  const p95 = pct(all, 95);
  console.log(`\n[${o.analysts} concurrent analysts, ${o.label} data] ${o.durationS} s of think 0.5–3 s + pivot (seed ${o.seed}), ` +
    `${o.warmupS > 0 ? `measured after ${o.warmupS} s of the same load, ` : ''}` +
    `requests sent until the time is up and waited for (${wallS.toFixed(0)} s in all); server in a child process, loopback, request timeout ${REQUEST_TIMEOUT_MS / 1000} s`);
  console.log(`  requests ${samples.length} (${(samples.length / wallS).toFixed(1)}/s), errors ${errors.length} | latency ${spread(all)} | ` +
    `target p95 ≤ ${P95_TARGET_MS} ms and no errors: ${p95 <= P95_TARGET_MS && errors.length === 0 ? 'ok' : 'MISSED'}`);
  const kinds: RequestKind[] = ['variation', 'drill', 'repeat'];
  console.log(`  by kind: ${kinds.map((k) => { const xs = samples.filter((s) => s.kind === k).map((s) => s.ms); return `${k} ${xs.length} (${spread(xs)})`; }).join(' | ')}`);
  const hits = samples.filter((s) => s.expectedHit).map((s) => s.ms);
  const misses = samples.filter((s) => !s.expectedHit).map((s) => s.ms);
  console.log(`  result cache (inferred: the same query had already been answered): ${(100 * hits.length / Math.max(1, samples.length)).toFixed(0)}% hits ` +
    `(${spread(hits)}) | misses ${spread(misses)}`);
  const distinct = samples.filter((s) => s.distinct && !s.expectedHit).map((s) => s.ms);
  const others = samples.filter((s) => !s.distinct).map((s) => s.ms);
  console.log(`  distinct counts answered by the engine ${distinct.length} (${spread(distinct)}) | every request without a distinct count ${others.length} (${spread(others)})`);
  const examples = new Map(errors.map((e) => [e.message.slice(0, 160), e.query]));
  for (const [message, query] of [...examples].slice(0, 3)) console.log(`  error: ${message}…\n    e.g. ${clipped(query)}`);

  // Mean VmRSS over the first, middle and last 30 s (thirds of a shorter run): a leak keeps
  // climbing through all three; a cache filling up rises early and levels off.
  const runMs = o.durationS * 1000;
  const windowMs = Math.min(30_000, runMs / 3);
  const meanFrom = (fromMs: number) => mean(rss.filter((r) => r.atMs >= fromMs && r.atMs <= fromMs + windowMs).map((r) => r.bytes));
  const [firstMean, middleMean, lastMean] = [meanFrom(0), meanFrom((runMs - windowMs) / 2), meanFrom(runMs - windowMs)];
  const maxRss = Math.max(...rss.map((r) => r.bytes));
  const growth = lastMean / firstMean - 1;
  const ok = maxRss <= RSS_TARGET_BYTES && growth <= FLAT_GROWTH;
  const w = `${(windowMs / 1000).toFixed(0)} s`;
  console.log(`  server RSS (VmRSS every 1 s, ${rss.length} samples): at start ${mib(rss[0]?.bytes ?? 0)}, max ${mib(maxRss)}` +
    `${peakBytes === undefined ? '' : ` (peak VmHWM ${mib(peakBytes)})`}; mean of first ${w} ${mib(firstMean)} → middle ${w} ${mib(middleMean)} → ` +
    `last ${w} ${mib(lastMean)} (${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(1)}% first to last) | ` +
    `target ≤ ${mib(RSS_TARGET_BYTES)} and flat (≤ +${FLAT_GROWTH * 100}%): ${ok ? 'ok' : 'MISSED'}`);

  const query = `${o.analysts} analysts × ${o.durationS} s, mix`;
  addSummaryRows(
    { scale: o.label, query: `${query}: all requests (${errors.length} errors)`, p50Ms: pct(all, 50), p95Ms: p95, rssBytes: maxRss, rssOf: 'server' },
    ...(misses.length > 0 ? [{ scale: o.label, query: `${query}: cache misses only`, p50Ms: percentile(misses, 50), p95Ms: percentile(misses, 95) }] : []),
    ...(others.length > 0 ? [{ scale: o.label, query: `${query}: requests without a distinct count`, p50Ms: percentile(others, 50), p95Ms: percentile(others, 95) }] : []),
  );
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const argv = process.argv.slice(2);
  const label = hasFlag(argv, 'national-5y') ? 'national-5y' : hasFlag(argv, 'national') ? 'national' : 'demo';
  benchAnalysts({ ...loadArgs(argv), label, dataDir: path.join(ROOT_DIR, 'bench-output', label) })
    .catch((error: unknown) => { console.error(error); process.exit(1); });
}
