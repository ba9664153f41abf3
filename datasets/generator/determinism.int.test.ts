// Same seed, scale, years and generator version ⇒ byte-identical Parquet; files match the
// column contract of datasets/parquet-columns.ts; the manifest describes the files; ensureData
// reuses matching data; bad options fail with a typed error.

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARQUET_COLUMNS } from '../parquet-columns';
import { ensureData, generate, GeneratorOptionsError, partPath, type Manifest } from './generate';

const opts = { seed: 7, scale: 0.0005, years: ['2021', '2324'] } as const;
const dirs = [mkdtempSync(join(tmpdir(), 'hes-det-a-')), mkdtempSync(join(tmpdir(), 'hes-det-b-'))] as const;
let manifests: Manifest[] = [];

function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

beforeAll(async () => {
  manifests = [await generate({ dataDir: dirs[0], ...opts }), await generate({ dataDir: dirs[1], ...opts })];
}, 300_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generate', () => {
  it('writes byte-identical files for the same options', () => {
    const [a, b] = dirs.map(filesOf);
    expect(a).toEqual(b);
    expect(a?.filter((f) => f.endsWith('.parquet'))).toHaveLength(6);
    for (const f of a ?? []) expect(sha(join(dirs[1], f)), f).toBe(sha(join(dirs[0], f)));
    expect(manifests[0]).toEqual(manifests[1]);
  });

  it('writes exactly the contract columns, in order, with their DuckDB types, and the counts in the manifest', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    try {
      for (const dataset of ['apc', 'op', 'ae'] as const) {
        for (const fyear of opts.years) {
          const file = partPath(dirs[0], dataset, fyear).replaceAll("'", "''");
          const described = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}', hive_partitioning = false)`)).getRowObjectsJson();
          expect(described.map((r) => [r['column_name'], r['column_type']]), `${dataset} ${fyear}`)
            .toEqual(PARQUET_COLUMNS[dataset].map(([n, t]) => [n, t]));
          const counted = (await c.runAndReadAll(`SELECT count(*) AS n, count(DISTINCT fyear) AS y, min(fyear) AS f FROM read_parquet('${file}')`)).getRowObjectsJson()[0];
          expect(Number(counted?.['n'])).toBe(manifests[0]?.rowCounts[dataset]?.[fyear]);
          expect([Number(counted?.['y']), counted?.['f']]).toEqual([1, fyear]);
        }
      }
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });

  it('records the settings, a fixed as-of date and a data version', () => {
    expect(manifests[0]).toMatchObject({ seed: 7, scale: 0.0005, years: ['2021', '2324'], datasets: ['apc', 'op', 'ae'], asOf: '2024-06-30' });
    expect(manifests[0]?.dataVersion).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ensureData keeps matching data and regenerates when the options differ', async () => {
    const before = statSync(partPath(dirs[0], 'apc', '2324')).mtimeMs;
    const messages: string[] = [];
    const same = await ensureData({ dataDir: dirs[0], ...opts, onProgress: (m) => messages.push(m) });
    expect(same).toEqual(manifests[0]);
    expect(statSync(partPath(dirs[0], 'apc', '2324')).mtimeMs).toBe(before);
    expect(messages.join('\n')).toMatch(/current/);
    const other = await ensureData({ dataDir: dirs[1], ...opts, seed: 8, years: ['2324'], datasets: ['ae'] });
    expect(other.seed).toBe(8);
    expect(filesOf(dirs[1]).filter((f) => f.endsWith('.parquet'))).toEqual([join('ae', 'fyear=2324', 'part-0.parquet')]);
  }, 120_000);

  it('rejects bad options before writing anything', async () => {
    await expect(generate({ dataDir: dirs[0], scale: 3 })).rejects.toBeInstanceOf(GeneratorOptionsError);
    await expect(generate({ dataDir: dirs[0], years: ['1213'] })).rejects.toThrow(/not available/);
    expect(filesOf(dirs[0])).toContain('manifest.json');
  });
});
