// DATA_DIR/manifest.json: what was generated and with which settings. Written last, via a
// temporary file and a rename, so its presence means the data is complete.

import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { dayNumber, isoDate, startCalendarYear } from './fiscal-years';
import { DATASETS, GENERATOR_VERSION, type DatasetId, type ResolvedOptions } from './options';

const ManifestSchema = z.object({
  generatorVersion: z.string(),
  seed: z.number().int(),
  scale: z.number().positive(),
  years: z.array(z.string()),
  datasets: z.array(z.enum(DATASETS)),
  /** Data "as at": 30 June after the last year ends (derived from the data, never the clock). */
  asOf: z.string(),
  dataVersion: z.string(),
  rowCounts: z.partialRecord(z.enum(DATASETS), z.record(z.string(), z.number().int().nonnegative())),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';

export function dataVersionOf(o: Pick<ResolvedOptions, 'seed' | 'scale' | 'years' | 'datasets'>): string {
  const key = JSON.stringify({ generatorVersion: GENERATOR_VERSION, seed: o.seed, scale: o.scale, years: o.years, datasets: o.datasets });
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function asOfFor(years: readonly string[]): string {
  const last = years.at(-1);
  if (last === undefined) throw new RangeError('asOfFor: no years');
  return isoDate(dayNumber(startCalendarYear(last) + 1, 6, 30));
}

export function buildManifest(o: ResolvedOptions, rowCounts: Partial<Record<DatasetId, Record<string, number>>>): Manifest {
  return {
    generatorVersion: GENERATOR_VERSION, seed: o.seed, scale: o.scale, years: [...o.years], datasets: [...o.datasets],
    asOf: asOfFor(o.years), dataVersion: dataVersionOf(o), rowCounts,
  };
}

export async function writeManifest(dataDir: string, manifest: Manifest): Promise<void> {
  const path = join(dataDir, MANIFEST_FILE);
  await writeFile(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  await rename(`${path}.tmp`, path);
}

/** The manifest in dataDir, or undefined if there is none or it does not parse. */
export async function readManifest(dataDir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
