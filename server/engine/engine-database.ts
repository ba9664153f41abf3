// The engine's database file. By default it is private to one engine and deleted on close.
// Kept (`keepAs`), it is named after the data (version and files), left in place on close and
// opened again by the next server on the same data, which adopts the per-record table and the
// rollups built before instead of spending minutes building them again (23.5 over five national
// years, measured). A table is adopted only if the current code would build it with the very same
// statements; anything else in the file (an older build, a build cut short, a sample) is dropped.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { numbersPairs } from '../../shared/sql/record-table-build';
import type { KeyRanges, RollupSpec } from '../../shared/sql/rollup';
import type { KeptState } from './engine';

/** Metadata tables: what was built (spec and statements) and the row estimates remembered. */
const TABLES = '__kept_tables';
const ESTIMATES = '__kept_estimates';

export interface EngineDatabase {
  readonly instance: DuckDBInstance;
  readonly file: string;
  /** The file outlives the engine (it was asked for and no other engine holds it). */
  readonly kept: boolean;
  /** Closes the database; deletes the file unless kept. */
  close(): void;
}

/** Kept files open in this process: DuckDB's file lock keeps other processes out, not a second
 *  instance of this one. */
const openHere = new Set<string>();

/** A name for the data in `dataDir`: its version and every data file's path, size and time. */
export function dataKey(dataDir: string, datasets: readonly string[], dataVersion: string): string {
  const hash = createHash('sha256').update(dataVersion);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else { const s = statSync(full); hash.update(`\n${path.relative(dataDir, full)} ${s.size} ${s.mtimeMs}`); }
    }
  };
  for (const dataset of [...datasets].sort()) walk(path.join(dataDir, dataset));
  return hash.digest('hex').slice(0, 16);
}

/** Opens the kept file for `keepAs` if given and free, else a private file. */
export async function openEngineDatabase(dir: string, keepAs: string | undefined, config: Record<string, string>): Promise<EngineDatabase> {
  mkdirSync(dir, { recursive: true });
  removeAbandoned(dir, keepAs);
  if (keepAs !== undefined) {
    if (!/^[0-9a-z-]+$/i.test(keepAs)) throw new Error(`keepAs must be letters, digits and dashes: ${keepAs}`);
    const file = path.join(dir, `kept-${keepAs}.duckdb`);
    // Another server on the same data holds it: this one works in a file of its own.
    if (!openHere.has(file)) {
      const kept = (instance: DuckDBInstance): EngineDatabase => {
        openHere.add(file);
        return { instance, file, kept: true, close: () => { instance.closeSync(); openHere.delete(file); } };
      };
      try {
        return kept(await DuckDBInstance.create(file, config));
      } catch (error) {
        // Unreadable (damaged, or another DuckDB version's format): it only saves time, start afresh.
        if (!/lock/i.test(error instanceof Error ? error.message : String(error))) {
          removeDatabaseFile(file);
          return kept(await DuckDBInstance.create(file, config));
        }
      }
    }
  }
  const file = path.join(dir, `engine-${process.pid}-${randomBytes(4).toString('hex')}.duckdb`);
  const instance = await DuckDBInstance.create(file, config);
  return { instance, file, kept: false, close: () => { instance.closeSync(); removeDatabaseFile(file); } };
}

export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '.wal']) rmSync(file + suffix, { force: true });
}

/** Creates the metadata tables, drops whatever the current code would not build the same way,
 *  and returns what is left. `render` gives a spec's build statements. */
export async function adoptKept(c: DuckDBConnection, render: (spec: RollupSpec) => readonly string[]): Promise<KeptState> {
  await c.run(`CREATE TABLE IF NOT EXISTS ${TABLES} (name VARCHAR PRIMARY KEY, spec VARCHAR NOT NULL, build VARCHAR NOT NULL, rows BIGINT NOT NULL)`);
  await c.run(`CREATE TABLE IF NOT EXISTS ${ESTIMATES} (key VARCHAR PRIMARY KEY, distinct_rows BIGINT NOT NULL)`);
  const listed = (await c.runAndReadAll(`SELECT name, spec, build, rows FROM ${TABLES}`)).getRowObjectsJS();
  const existing = new Set((await c.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'`)).getRowObjectsJS().map((r) => String(r['table_name'])));
  const tables: { spec: RollupSpec; rows: number }[] = [];
  for (const row of listed) {
    const name = String(row['name']);
    const spec = parseSpec(String(row['spec']));
    const same = spec !== null && spec.table === name && existing.has(name) && JSON.stringify(render(spec)) === String(row['build']);
    if (same) tables.push({ spec: await withKeyRanges(c, spec), rows: Number(row['rows']) });
    else await c.run(`DELETE FROM ${TABLES} WHERE name = $1`, [name]);
  }
  const adopted = new Set(tables.map((t) => t.spec.table));
  for (const name of existing) {
    if (name !== TABLES && name !== ESTIMATES && !adopted.has(name)) await c.run(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
  }
  const estimates = new Map((await c.runAndReadAll(`SELECT key, distinct_rows FROM ${ESTIMATES}`)).getRowObjectsJS().map((r) => [String(r['key']), Number(r['distinct_rows'])] as const));
  return { tables, estimates };
}

/** A per-record table kept by a version that did not store its keys' ranges, with them. */
async function withKeyRanges(c: DuckDBConnection, spec: RollupSpec): Promise<RollupSpec> {
  if (spec.keyRanges !== undefined) return spec;
  return { ...spec, ...await measureKeyRanges(c, spec) };
}

/** A per-record table's keys' ranges (RollupSpec.keyRanges, pairKeyRanges): the largest number
 *  each key got, in its year columns and in its pair columns of each parity. */
export async function measureKeyRanges(c: DuckDBConnection, spec: RollupSpec): Promise<KeyRanges> {
  const keys = spec.perRecord ? spec.distinctKeys ?? [] : [];
  if (keys.length === 0) return {};
  const paired = numbersPairs(spec);
  const columns = keys.flatMap((_, i) => [`__k${i}`, ...(paired ? [`__y0x${i}`, `__y1x${i}`] : [])]);
  const row = (await c.runAndReadAll(`SELECT ${columns.map((k) => `max("${k}") AS "${k}"`).join(', ')} FROM "${spec.table.replaceAll('"', '""')}"`)).getRowObjectsJS()[0];
  const max = (column: string) => Number(row?.[column] ?? 0);
  return {
    keyRanges: keys.map((_, i) => max(`__k${i}`)),
    ...(paired ? { pairKeyRanges: keys.map((_, i) => [max(`__y0x${i}`), max(`__y1x${i}`)] as const) } : {}),
  };
}

/** Records a table just built, with the statements that built it. */
export async function recordBuilt(c: DuckDBConnection, spec: RollupSpec, statements: readonly string[], rows: number): Promise<void> {
  await c.run(`INSERT OR REPLACE INTO ${TABLES} VALUES ($1, $2, $3, $4)`, [spec.table, JSON.stringify(spec), JSON.stringify(statements), rows]);
}

export async function recordDropped(c: DuckDBConnection, table: string): Promise<void> {
  await c.run(`DELETE FROM ${TABLES} WHERE name = $1`, [table]);
}

export async function recordEstimate(c: DuckDBConnection, key: string, distinct: number): Promise<void> {
  if (Number.isFinite(distinct)) await c.run(`INSERT OR REPLACE INTO ${ESTIMATES} VALUES ($1, $2)`, [key, Math.round(distinct)]);
}

function parseSpec(json: string): RollupSpec | null {
  try {
    const spec = JSON.parse(json) as RollupSpec;
    return typeof spec === 'object' && spec !== null && typeof spec.table === 'string' ? spec : null;
  } catch {
    return null;
  }
}

/** Deletes files left by processes that died without closing theirs (names carry the owner's
 *  pid) and, when a file is to be kept for other data, the one kept for the data before. */
function removeAbandoned(dir: string, keepAs: string | undefined): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(/^engine-(\d+)-/.exec(name)?.[1]);
    const abandoned = Number.isInteger(pid) && pid !== process.pid && !isAlive(pid);
    const stale = keepAs !== undefined && /^kept-/.test(name) && !name.startsWith(`kept-${keepAs}.`);
    if (abandoned || stale) rmSync(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
