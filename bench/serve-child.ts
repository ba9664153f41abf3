// Child-process entry for the bench: the real server over one data folder, served as generated
// (its own scale, seed, years and datasets), in a process of its own so the parent can sample
// the server's memory alone. Sends its URL to the parent over IPC; stops on SIGTERM. Its engine
// file is kept between runs, as `npm start`'s is (BENCH_FRESH_ENGINE=1: built afresh).
import '../server/allocator-env'; // first: before anything loads DuckDB
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../server/config';
import { startServer } from '../server/start-server';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('serve-child: DATA_DIR is not set.');
const manifest = JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as
  { scale: number; seed: number; years: string[]; datasets: ('apc' | 'op' | 'ae')[] };
const config = readConfig({
  ...process.env, PORT: '0', HOST: '127.0.0.1', DEMO_SCALE: String(manifest.scale), DEMO_SEED: String(manifest.seed),
});
const server = await startServer(config, { log: (line) => { if (line.startsWith('[rollups]')) console.log(`  ${line}`); }, data: { years: manifest.years, datasets: manifest.datasets }, keepEngineFile: process.env.BENCH_FRESH_ENGINE !== '1' });
// A warm server: the rollups start-up chose (from the audit log) are built and the engine's
// cache warmed before the load.
const warmStarted = performance.now();
if (process.env.BENCH_WARM_ROLLUPS === '1') await server.warmed;
process.send?.({ url: server.url.replace('localhost', '127.0.0.1'), warmMs: performance.now() - warmStarted, rollups: server.services.rollups.stats() });

// BENCH_MEMORY_LOG=1: what the server's memory is made of, every 5 s (MiB).
if (process.env.BENCH_MEMORY_LOG === '1') {
  const mib = (b: number) => Math.round(b / 2 ** 20);
  setInterval(() => {
    void server.services.engine.memoryInUse().then(({ bytes, statements }) => {
      const m = process.memoryUsage();
      console.log(`  [memory] rss ${mib(m.rss)}, duckdb accounts ${mib(bytes)}, node heap ${mib(m.heapUsed)} of ${mib(m.heapTotal)}, external ${mib(m.external)}, ` +
        `analysts' queries ${server.services.engine.pending()}, statements running ${statements}`);
    }).catch(() => {});
  }, 5000).unref();
}

process.once('SIGTERM', () => {
  console.log(`  [rollups] at the end: ${JSON.stringify(server.services.rollups.stats())}`);
  void server.close().finally(() => process.exit(0));
});
