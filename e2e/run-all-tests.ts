// `npm test`: every test, in order — typecheck, unit + integration (vitest), then e2e in
// Debian's Chromium against the built app. Installs missing system packages first (as root on
// Debian) and generates the demo data once into .tmp/test-data for the suites that read it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureData } from '../datasets/generator/generate';
import { ensureClientBuilt, ROOT_DIR } from '../server/build-client';
import { ensureSystemPackages } from './system-packages';

const log = (line: string) => console.log(line);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function step(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  log(`\n━━ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT_DIR, env });
  log(`━━ ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  if (!process.env.CHROMIUM_PATH) ensureSystemPackages([{ name: 'chromium', binary: chromium }], log);
  step('Typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);

  const testDataDir = path.join(ROOT_DIR, '.tmp', 'test-data');
  log('\n━━ Demo data for the test suites');
  const started = Date.now();
  await ensureData({ dataDir: testDataDir, onProgress: log });
  log(`━━ Demo data ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const env = { ...process.env, TEST_DATA_DIR: testDataDir };

  step('Unit and integration tests', 'npx', ['vitest', 'run'], env);
  await ensureClientBuilt(log);
  step('End-to-end tests (Chromium)', 'npx', ['vitest', 'run', '--config', 'e2e/vitest.e2e.config.ts'], { ...env, CHROMIUM_PATH: chromium });
  log('\nAll test suites passed.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
