// Builds the client with Vite when dist/client is missing or older than its sources, so
// `npm start` on a fresh clone needs no separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLIENT_DIST = path.join(ROOT_DIR, 'dist', 'client');
const SOURCE_DIRS = ['client', 'shared', 'datasets/catalogue'].map((d) => path.join(ROOT_DIR, d));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureClientBuilt(log: (line: string) => void): Promise<void> {
  const index = path.join(CLIENT_DIST, 'index.html');
  const sources = Math.max(...SOURCE_DIRS.filter(existsSync).map(newestMtime), statSync(path.join(ROOT_DIR, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log('Building the client (first start or sources changed)…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT_DIR, 'vite.config.ts'), logLevel: 'warn' });
  log(`Client built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
