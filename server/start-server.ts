// Starts the whole workbench in this process: data (generated on first start), catalogue,
// app store with the demo login, DuckDB engine, HTTP server. Used by `npm start` and tests.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadCatalogue } from '../datasets/catalogue/load-catalogue';
import { ensureData, type GenerateOptions } from '../datasets/generator/generate';
import { Leaves } from '../shared/disclosure/overlap/population';
import { findPolicy } from '../shared/disclosure/policy';
import { OverlapGuard } from './pivot/overlap-guard';
import { createApp } from './app';
import { seedDemoUser } from './auth/seed-demo-users';
import type { Config } from './config';
import { openDuckDbEngine } from './engine/duckdb-engine';
import { warmEngineCache } from './engine/cache-warm';
import { dataKey } from './engine/engine-database';
import type { Engine } from './engine/engine';
import { PivotCache } from './pivot/pivot-cache';
import { DEFAULT_ROLLUP_BUDGET, RollupManager } from './engine/rollup-manager';
import { columnPriorities, workloadDemands } from './engine/rollup-seeds';
import type { Services } from './services';
import { openAppStore } from './store/app-store';

export interface RunningServer {
  readonly url: string;
  readonly services: Services;
  /** Resolves once the rollups start-up chose are built and the engine's cache is warm. */
  readonly warmed: Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly clientDir?: string;
  readonly log?: (line: string) => void;
  /** Which years and datasets the data must hold (default: the demo's five years, all three). */
  readonly data?: Pick<GenerateOptions, 'years' | 'datasets'>;
  /** Wraps the engine (tests observe what reaches it, e.g. that an aborted request interrupts it). */
  readonly decorateEngine?: (engine: Engine) => Engine;
  /** Build rollups for the audit log's most frequent shapes at start-up (default true). */
  readonly seedRollups?: boolean;
  /** Keep the engine's database between runs on the same data (`npm start`, the bench): the
   *  next start adopts its per-record tables and rollups instead of building them again. */
  readonly keepEngineFile?: boolean;
}

/** How many rollups start-up plans for the audit log's recent queries, per dataset. */
const STARTUP_ROLLUPS = 12;
/** Rows the broad rollup of each dataset may grow to (estimated before it is built). */
const COMMON_ROLLUP_ROWS = 800_000;

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  log(`Demo data in ${config.dataDir} (scale ${config.DEMO_SCALE}, seed ${config.DEMO_SEED}); generated on first start, about 30 s…`);
  const manifest = await ensureData({ ...options.data, dataDir: config.dataDir, seed: config.DEMO_SEED, scale: config.DEMO_SCALE, onProgress: log });
  // Serve only the datasets that were generated (a national benchmark may hold APC alone).
  const full = loadCatalogue(manifest.years);
  const catalogue = { ...full, datasets: new Map([...full.datasets].filter(([id]) => manifest.datasets.includes(id))) };

  mkdirSync(path.join(config.dataDir, 'app'), { recursive: true });
  const store = openAppStore(path.join(config.dataDir, 'app', 'app.sqlite'));
  await seedDemoUser(store, config.DEMO_EMAIL, config.DEMO_PASSWORD);
  const keepAs = options.keepEngineFile ? dataKey(config.dataDir, manifest.datasets, manifest.dataVersion) : undefined;
  const duckdb = await openDuckDbEngine({ dataDir: config.dataDir, datasets: manifest.datasets, memoryLimit: config.DUCKDB_MEMORY_LIMIT, ...(keepAs ? { keepAs } : {}) });
  const engine = options.decorateEngine ? options.decorateEngine(duckdb) : duckdb;

  const policy = findPolicy(config.DISCLOSURE_POLICY)!; // the config schema allows only known ids
  const services: Services = {
    catalogue, engine, store, policy, queryTimeoutMs: config.QUERY_TIMEOUT_MS,
    asOf: manifest.asOf, dataVersion: manifest.dataVersion, pivotCache: new PivotCache(),
    rollups: new RollupManager(engine, catalogue, DEFAULT_ROLLUP_BUDGET, log),
    overlap: new OverlapGuard(policy), leaves: new Leaves(catalogue),
  };
  // Rollups for the shapes analysts used most, built in the background after start-up.
  services.rollups.adoptKept();
  if (options.seedRollups !== false) {
    const recent = store.recentQueries(2_000);
    for (const id of catalogue.datasets.keys()) {
      services.rollups.buildRecordTable(id);
      const demands = workloadDemands(recent, catalogue, id);
      // A new server has no workload yet: one broad rollup of the small code fields instead.
      if (demands.length > 0) services.rollups.planWorkload(id, demands, STARTUP_ROLLUPS);
      else services.rollups.chooseCommon(id, columnPriorities(recent, catalogue, id), COMMON_ROLLUP_ROWS);
    }
  }
  const warmed = options.seedRollups === false ? Promise.resolve()
    : services.rollups.idle().then(() => warmEngineCache(engine, services.rollups.ready(), log));
  const app = createApp({ services, ...(options.clientDir ? { clientDir: options.clientDir } : {}) });
  const server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => { server.once('listening', resolve); server.once('error', reject); });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === '127.0.0.1' || config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;

  return {
    url: `http://${host}:${port}`,
    services,
    warmed,
    async close() {
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
      await services.rollups.stop();
      await engine.close();
      store.close();
    },
  };
}
