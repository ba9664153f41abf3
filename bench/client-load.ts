// Client load figures for the issue's targets: initial JS under 600 kB gzip, and the first
// meaningful paint (a pivot grid with data) under 1.5 s on the demo data from a warm server.
//   npx tsx bench/client-load.ts [--runs=10]     alone (generates the demo data if missing)
//   npm run bench                                 as the last section of the whole bench
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromiumPath, DEMO, launchChromium, loopbackUrl } from '../e2e/harness';
import { ensureSystemPackages } from '../e2e/system-packages';
import { ROOT_DIR } from '../server/build-client';
import { readConfig } from '../server/config';
import { startServer, type RunningServer } from '../server/start-server';
import { buildAndWeighClient, sumOf, type BundleWeights, type FileWeight } from './client-bundle';
import { signedInState, timeVisits, type VisitTiming } from './client-paint';
import { percentile } from './percentile';

const OUT = path.join(ROOT_DIR, 'bench-output');
/** Built apart from dist/client, which `npm start` and `npm test` rebuild whenever sources change. */
const CLIENT_BUILD_DIR = path.join(OUT, 'client-build');
const INITIAL_JS_TARGET_KB = 600;
const GRID_TARGET_MS = 1500;

export interface ClientLoadOptions {
  /** Demo data folder (generated with the demo defaults if missing). */
  readonly dataDir: string;
  readonly runs: number;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const spread = (xs: readonly number[]) => `p50 ${ms(percentile(xs, 50))} p95 ${ms(percentile(xs, 95))} max ${ms(Math.max(...xs))}`;
const sizes = (files: readonly FileWeight[]) =>
  `gzip ${kB(sumOf(files, 'gzipBytes'))}, brotli ${kB(sumOf(files, 'brotliBytes'))}, raw ${kB(sumOf(files, 'rawBytes'))}`;

function printBundle(w: BundleWeights): void {
  const initialGzip = sumOf(w.initialJs, 'gzipBytes');
  console.log(`\n[client bundle] vite build ${w.buildSeconds.toFixed(1)} s into ${path.relative(ROOT_DIR, CLIENT_BUILD_DIR)} (1 kB = 1000 bytes; gzip -9, brotli 11)`);
  console.log(`  initial JS (entry + static imports, ${w.initialJs.length} ${w.initialJs.length === 1 ? 'file' : 'files'}): ${sizes(w.initialJs)} | ` +
    `target < ${INITIAL_JS_TARGET_KB} kB gzip: ${verdict(initialGzip < INITIAL_JS_TARGET_KB * 1000)}`);
  console.log(`  all JS (lazy chunks too, ${w.allJs.length} ${w.allJs.length === 1 ? 'file' : 'files'}): ${sizes(w.allJs)}`);
  console.log(`  initial CSS: ${sizes(w.initialCss)}${w.allCss.length > w.initialCss.length ? ` | all CSS: ${sizes(w.allCss)}` : ''}`);
  const list = (files: readonly FileWeight[]) => files.slice(0, 5).map((f) => `${f.file} ${kB(f.gzipBytes)} gzip (${kB(f.rawBytes)} raw)`).join(', ');
  console.log(`  biggest initial chunks: ${list(w.initialJs)}`);
  const lazy = w.allJs.filter((f) => !w.initialJs.includes(f));
  if (lazy.length > 0) console.log(`  biggest lazy chunks: ${list(lazy)}`);
}

/** Median finish time of each phase seen in most runs, in order of finishing. */
function phaseLine(timings: readonly VisitTiming[]): string {
  const names = new Set(timings.flatMap((t) => [...t.phases.keys()]));
  const medians = [...names].flatMap((name) => {
    const xs = timings.flatMap((t) => { const x = t.phases.get(name); return x === undefined || Number.isNaN(x) ? [] : [x]; });
    return xs.length * 2 > timings.length ? [{ name, p50: percentile(xs, 50) }] : [];
  });
  return medians.sort((a, b) => a.p50 - b.p50).map((m) => `${m.name} ${ms(m.p50)}`).join(', ');
}

function printVisits(title: string, timings: readonly VisitTiming[], readyName: string, targetMs?: number): void {
  const ready = timings.map((t) => t.readyMs);
  const target = targetMs === undefined ? '' : ` | target < ${targetMs} ms: ${verdict(percentile(ready, 95) < targetMs)} at p95`;
  console.log(`  ${title}\n    ${readyName} ${spread(ready)} | FCP ${spread(timings.map((t) => t.fcpMs))}${target}`);
  console.log(`    finished by (p50 from navigation start): ${phaseLine(timings)}`);
}

async function measurePaint(server: RunningServer, browser: Browser, runs: number): Promise<void> {
  const base = loopbackUrl(server);
  const apc = server.services.catalogue.datasets.get('apc');
  const latest = apc?.years.at(-1);
  if (latest === undefined) throw new Error('The demo data holds no APC year.');
  // A ready draft in the `?q=` form of client/url/draft-url.ts: the workbench runs it on load.
  const draft = { dataset: 'apc', years: [latest], rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }], measures: ['fce'], filters: [], totals: true };
  const gridUrl = `${base}/?q=${encodeURIComponent(JSON.stringify(draft))}`;

  console.log(`\n[client first load] ${runs} runs after 1 warm-up each; a fresh Chromium context per run (empty cache), ` +
    `server warm, loopback, gzip on, times from navigation start`);
  const anonymous = await timeVisits(browser, { url: `${base}/`, selector: '[data-testid="login-email"]', needsText: false }, runs);
  printVisits('anonymous visitor → login form', anonymous, 'form shown');
  const state = await signedInState(browser, base);
  const grid = await timeVisits(browser, { url: gridUrl, selector: '[data-testid="grid-cell-0-0-0"]', needsText: true }, runs, state);
  printVisits(`signed in, link to APC ${latest} admission method group × sex, FCEs → grid with data`, grid, 'time to grid', GRID_TARGET_MS);
}

/** The whole section: weigh the bundle, then serve that same build and time first visits. */
export async function benchClientLoad({ dataDir, runs }: ClientLoadOptions): Promise<void> {
  const log = (line: string) => console.log(line);
  // Fail before the build if the browser is missing (installs it as root on Debian, as `npm test` does).
  if (!process.env.CHROMIUM_PATH) ensureSystemPackages([{ name: 'chromium', binary: chromiumPath() }], log);
  else if (!existsSync(chromiumPath())) throw new Error(`CHROMIUM_PATH is ${chromiumPath()}, which does not exist.`);

  printBundle(await buildAndWeighClient(CLIENT_BUILD_DIR));

  const config = readConfig({
    DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_EMAIL: DEMO.email, DEMO_PASSWORD: DEMO.password,
  });
  if (!existsSync(path.join(dataDir, 'manifest.json'))) console.log(`  generating the demo data into ${path.relative(ROOT_DIR, dataDir)} first (about a minute)…`);
  const server = await startServer(config, { clientDir: CLIENT_BUILD_DIR, log: () => {} });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    console.log(`  browser: Chromium ${browser.version()} (${chromiumPath()}), headless, 1366×768`);
    await measurePaint(server, browser, runs);
  } finally {
    await browser?.close();
    await server.close();
  }
}

function runsArg(argv: readonly string[]): number {
  const raw = argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length);
  const runs = raw === undefined ? 10 : Number(raw);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new Error(`--runs must be a whole number from 1 to 100; got ${raw}.`);
  return runs;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  benchClientLoad({ dataDir: path.join(OUT, 'demo'), runs: runsArg(process.argv.slice(2)) })
    .catch((error: unknown) => { console.error(error); process.exit(1); });
}
