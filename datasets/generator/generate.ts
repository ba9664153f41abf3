// Entry point of the synthetic HES generator: writes DATA_DIR/<dataset>/fyear=<yyyy>/part-0.parquet
// for each requested dataset and year, then DATA_DIR/manifest.json. Deterministic: the same seed,
// scale, years and generator version give byte-identical files (no clock, no Math.random).

import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAeYear } from './ae-write';
import { writeApcYear } from './apc-write';
import { loadLookupTable, openDuck, type Duck } from './duck';
import { yearLabel } from './fiscal-years';
import { buildLookups } from './lookup-lists';
import { buildManifest, dataVersionOf, MANIFEST_FILE, readManifest, writeManifest, type Manifest } from './manifest';
import { DATASETS, GENERATOR_VERSION, resolveOptions, type DatasetId, type GenerateOptions } from './options';
import { writeOpYear } from './op-write';

export type { Manifest } from './manifest';
export { GeneratorOptionsError, type GenerateOptions, type DatasetId } from './options';

type YearWriter = (duck: Duck, o: { fyear: string; seed: number; scale: number; path: string }) => Promise<number>;
const WRITERS: Record<DatasetId, YearWriter> = { apc: writeApcYear, op: writeOpYear, ae: writeAeYear };

export const partPath = (root: string, dataset: DatasetId, fyear: string) => join(root, dataset, `fyear=${fyear}`, 'part-0.parquet');

export async function generate(opts: GenerateOptions): Promise<Manifest> {
  const o = resolveOptions(opts);
  const progress = opts.onProgress ?? (() => undefined);
  await mkdir(o.dataDir, { recursive: true });
  // From here until the new manifest lands, the directory must not look complete.
  await rm(join(o.dataDir, MANIFEST_FILE), { force: true });
  const staging = join(o.dataDir, `.generating-${dataVersionOf(o)}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  const duck = await openDuck({ tempDirectory: join(staging, '.duckdb-tmp') });
  const rowCounts: Partial<Record<DatasetId, Record<string, number>>> = {};
  try {
    await loadLookupTable(duck.connection, buildLookups().columns);
    for (const dataset of o.datasets) {
      const counts: Record<string, number> = {};
      for (const fyear of o.years) {
        const path = partPath(staging, dataset, fyear);
        await mkdir(join(staging, dataset, `fyear=${fyear}`), { recursive: true });
        const t0 = performance.now();
        counts[fyear] = await WRITERS[dataset](duck, { fyear, seed: o.seed, scale: o.scale, path });
        const seconds = ((performance.now() - t0) / 1000).toFixed(1);
        progress(`${dataset} ${yearLabel(fyear)}: ${counts[fyear].toLocaleString('en-GB')} rows in ${seconds} s`);
      }
      rowCounts[dataset] = counts;
    }
  } finally {
    duck.close();
  }
  // Swap the finished folders in; datasets not generated now are removed so the directory holds
  // exactly what the manifest describes.
  for (const dataset of DATASETS) {
    await rm(join(o.dataDir, dataset), { recursive: true, force: true });
    if (o.datasets.includes(dataset)) await rename(join(staging, dataset), join(o.dataDir, dataset));
  }
  await rm(staging, { recursive: true, force: true });
  const manifest = buildManifest(o, rowCounts);
  await writeManifest(o.dataDir, manifest);
  return manifest;
}

/** The existing data if its manifest matches the options (and its files exist), else generate. */
export async function ensureData(opts: GenerateOptions): Promise<Manifest> {
  const o = resolveOptions(opts);
  const m = await readManifest(o.dataDir);
  const matches = m !== undefined
    && m.generatorVersion === GENERATOR_VERSION && m.seed === o.seed && m.scale === o.scale
    && m.years.join(',') === o.years.join(',')
    && o.datasets.every((d) => m.datasets.includes(d))
    && m.datasets.every((d) => m.years.every((y) => existsSync(partPath(o.dataDir, d, y))));
  if (matches) {
    opts.onProgress?.(`data in ${o.dataDir} is current (${m.dataVersion})`);
    return m;
  }
  return generate(opts);
}
