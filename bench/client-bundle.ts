// Builds the client with the repo's Vite config plus a manifest, and weighs what a first visit
// downloads: the entry chunk and its static imports (not lazy chunks), gzip -9 and brotli.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ROOT_DIR } from '../server/build-client';

/** The parts of Vite's `.vite/manifest.json` this bench reads. */
const ManifestSchema = z.record(z.string(), z.object({
  file: z.string(),
  isEntry: z.boolean().optional(),
  imports: z.array(z.string()).optional(),
  css: z.array(z.string()).optional(),
}));

export interface FileWeight {
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly brotliBytes: number;
}

export interface BundleWeights {
  readonly buildSeconds: number;
  /** Entry chunks plus everything they import statically, recursively. */
  readonly initialJs: readonly FileWeight[];
  /** Every JS file in the build, lazy chunks included. */
  readonly allJs: readonly FileWeight[];
  /** Stylesheets the initial chunks pull in. */
  readonly initialCss: readonly FileWeight[];
  readonly allCss: readonly FileWeight[];
}

export const sumOf = (files: readonly FileWeight[], key: 'rawBytes' | 'gzipBytes' | 'brotliBytes') =>
  files.reduce((n, f) => n + f[key], 0);

function weigh(outDir: string, file: string): FileWeight {
  const bytes = readFileSync(path.join(outDir, file));
  return {
    file,
    rawBytes: bytes.length,
    // Level 9 as a static-file server precompressing would use; brotli at its maximum, 11.
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    brotliBytes: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

function filesEndingIn(outDir: string, ext: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext) && statSync(path.join(outDir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
}

/** Manifest keys of the entries and their static imports; dynamic imports are not followed. */
function initialKeys(manifest: z.infer<typeof ManifestSchema>): Set<string> {
  const chunks = new Map(Object.entries(manifest));
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of chunks.get(key)?.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of chunks) if (chunk.isEntry) visit(key);
  if (seen.size === 0) throw new Error('The Vite manifest names no entry chunk.');
  return seen;
}

/** Builds into `outDir` (emptied first) and returns the weights of what it holds. */
export async function buildAndWeighClient(outDir: string): Promise<BundleWeights> {
  const started = performance.now();
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT_DIR, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  const buildSeconds = (performance.now() - started) / 1000;

  const manifestPath = path.join(outDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`Vite wrote no manifest at ${manifestPath}.`);
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  const chunks = new Map(Object.entries(manifest));
  const initial = [...initialKeys(manifest)].flatMap((key) => {
    const chunk = chunks.get(key);
    return chunk ? [chunk] : [];
  });
  const initialJsFiles = new Set(initial.map((c) => c.file).filter((f) => f.endsWith('.js')));
  const initialCssFiles = new Set(initial.flatMap((c) => c.css ?? []));
  const bySize = (a: FileWeight, b: FileWeight) => b.gzipBytes - a.gzipBytes;
  const allJs = filesEndingIn(outDir, '.js').map((f) => weigh(outDir, f)).sort(bySize);
  const allCss = filesEndingIn(outDir, '.css').map((f) => weigh(outDir, f)).sort(bySize);
  const initialJs = allJs.filter((f) => initialJsFiles.has(f.file));
  if (initialJs.length !== initialJsFiles.size) throw new Error(`The manifest names initial chunks missing from ${outDir}.`);
  return {
    buildSeconds,
    initialJs,
    allJs,
    initialCss: allCss.filter((f) => initialCssFiles.has(f.file)),
    allCss,
  };
}
