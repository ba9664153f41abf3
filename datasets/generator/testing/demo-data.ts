// Test data for the generator's integration tests: TEST_DATA_DIR if the runner set it (the lead
// generates demo data once), otherwise demo scale generated once into a temp folder keyed by a
// hash of the generator's sources, shared between test files through a mkdir lock.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureData } from '../generate';
import { MANIFEST_FILE } from '../manifest';
import { DEFAULT_YEARS } from '../options';

const here = dirname(fileURLToPath(import.meta.url));

/** Hash of every source file the data depends on, so edited code never reuses old data. */
function sourceHash(): string {
  const h = createHash('sha256');
  for (const dir of [join(here, '..'), join(here, '..', '..', 'reference')]) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.(ts|tsv)$/.test(name) && !name.endsWith('.test.ts')) h.update(name).update(readFileSync(join(dir, name)));
    }
  }
  h.update(readFileSync(join(here, '..', '..', 'parquet-columns.ts')));
  return h.digest('hex').slice(0, 12);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function demoDataDir(): Promise<string> {
  const fromEnv = process.env['TEST_DATA_DIR'];
  if (fromEnv) {
    if (!existsSync(join(fromEnv, MANIFEST_FILE))) throw new Error(`TEST_DATA_DIR=${fromEnv} has no ${MANIFEST_FILE}`);
    return fromEnv;
  }
  const dir = join(tmpdir(), `hes-generator-demo-${sourceHash()}`);
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is generating; a lock older than 10 minutes is left from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    await ensureData({ dataDir: dir, scale: 0.01, years: DEFAULT_YEARS });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return dir;
}
