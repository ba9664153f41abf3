// Entry point of the synthetic HES generator: writes DATA_DIR/<dataset>/fyear=<yyyy>/part-0.parquet
// for each requested dataset and year, then DATA_DIR/manifest.json. Deterministic: the same seed,
// scale, years and generator version give byte-identical files (no clock, no Math.random).

import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
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

/** Dataset-years written at once (one single-threaded DuckDB each): the box has two cores. */
const WORKERS = Math.max(1, Math.min(2, availableParallelism()));
const JOB_WEIGHT: ReadonlyMap<DatasetId, number> = new Map([['op', 3], ['apc', 2], ['ae', 1]]);

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

  // Longest jobs first (OP years are the biggest), so the two workers finish together.
  const jobs = o.datasets.flatMap((dataset) => o.years.map((fyear) => ({ dataset, fyear })))
    .sort((a, b) => (JOB_WEIGHT.get(b.dataset) ?? 0) - (JOB_WEIGHT.get(a.dataset) ?? 0));
  const counts = new Map<string, number>();
  let next = 0;
  let failed = false;
  // Each worker owns a single-threaded DuckDB instance and takes the next dataset-year; every
  // file comes from one thread, so its bytes do not depend on which worker wrote it.
  const worker = async (w: number) => {
    const duck = await openDuck({ scratchDir: join(staging, `.scratch-${w}`) });
    try {
      await loadLookupTable(duck.connection, buildLookups().columns);
      for (let job = jobs[next++]; job !== undefined && !failed; job = jobs[next++]) {
        const { dataset, fyear } = job;
        await mkdir(join(staging, dataset, `fyear=${fyear}`), { recursive: true });
        progress(`${dataset} ${yearLabel(fyear)}: writing…`);
        const t0 = performance.now();
        const rows = await WRITERS[dataset](duck, { fyear, seed: o.seed, scale: o.scale, path: partPath(staging, dataset, fyear) });
        counts.set(`${dataset}/${fyear}`, rows);
        progress(`${dataset} ${yearLabel(fyear)}: ${rows.toLocaleString('en-GB')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      duck.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(WORKERS, jobs.length) }, (_, w) => worker(w)));
  const rowCounts: Partial<Record<DatasetId, Record<string, number>>> = {};
  for (const d of o.datasets) rowCounts[d] = Object.fromEntries(o.years.map((y) => [y, counts.get(`${d}/${y}`) ?? 0]));

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
