// Shared set-up for the e2e suite: the real server (built client, demo data) on 127.0.0.1 and
// Debian's Chromium driven by playwright-core. Never a downloaded browser.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CLIENT_DIST, ROOT_DIR } from '../server/build-client';
import { readConfig } from '../server/config';
import { startServer, type RunningServer } from '../server/start-server';

export const E2E_OUTPUT = path.join(ROOT_DIR, 'e2e-output');
export const DEMO = { email: 'analyst@demo.hes', password: 'demo-analyst-2024' } as const;

/** The test runner generates the demo data once and passes its folder in TEST_DATA_DIR. */
export async function startWorkbench(): Promise<RunningServer> {
  const dataDir = process.env.TEST_DATA_DIR;
  if (!dataDir) throw new Error('TEST_DATA_DIR is not set: run the e2e suite through `npm test`.');
  // E2E_CLIENT_DIR serves another build (e.g. one made while working on the client).
  const clientDir = process.env.E2E_CLIENT_DIR ? path.resolve(process.env.E2E_CLIENT_DIR) : CLIENT_DIST;
  if (!existsSync(path.join(clientDir, 'index.html'))) throw new Error(`The client is not built in ${clientDir}: run through \`npm test\`.`);
  // Serve the data as generated (its scale and seed), never regenerate it here.
  const manifest = JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as
    { scale: number; seed: number; years: string[]; datasets: ('apc' | 'op' | 'ae')[] };
  const config = readConfig({
    ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_EMAIL: DEMO.email, DEMO_PASSWORD: DEMO.password,
    DEMO_SCALE: String(manifest.scale), DEMO_SEED: String(manifest.seed),
  });
  // A server plans and builds its rollups in the background at start; on CI's two cores that
  // work slowed the first test's drags past their timeouts. Here only the per-record tables are
  // built, before the tests start (tables are answered from them, as nationally); rollups come
  // as misses ask for them.
  const server = await startServer(config, { clientDir, log: () => {}, data: { years: manifest.years, datasets: manifest.datasets }, seedRollups: false });
  for (const dataset of manifest.datasets) server.services.rollups.buildRecordTable(dataset);
  await server.services.rollups.idle();
  return server;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(E2E_OUTPUT, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Root in CI needs --no-sandbox; the rest keep Chromium off the (closed) network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** The server URL with 127.0.0.1 (the browser must not depend on how localhost resolves). */
export const loopbackUrl = (server: RunningServer) => server.url.replace('localhost', '127.0.0.1');

export interface WorkbenchSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The server's URL on 127.0.0.1. */
  readonly baseUrl: string;
}

/** One server and one Chromium for a test file: started before its tests, closed after. */
export function useWorkbenchSuite(): WorkbenchSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startWorkbench();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use the suite inside a test`);
    return value;
  };
  return {
    get server() { return started(server, 'server'); },
    get browser() { return started(browser, 'browser'); },
    get baseUrl() { return loopbackUrl(started(server, 'server')); },
  };
}
