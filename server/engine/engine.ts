// The engine interface the pivot path runs on: a compiled statement in, raw aggregates out.
// DuckDB is the embedded default; a ClickHouse adapter implements the same interface.
import type { RawAggregates } from '../../shared/result/raw-aggregates';
import type { CompiledQuery } from '../../shared/sql/pivot-plan';
import type { Dialect } from '../../shared/sql/dialect';
import type { KeyRanges, RollupSpec } from '../../shared/sql/rollup';

export interface RunOptions {
  readonly timeoutMs: number;
  /** Aborting cancels the running statement (engine interrupt). */
  readonly signal?: AbortSignal;
}

export interface Engine {
  readonly dialect: Dialect;
  run(query: CompiledQuery, options: RunOptions): Promise<RawAggregates>;
  /** Statements running or waiting for a connection (background work yields while any are). */
  pending(): number;
  /** Materialises a pre-aggregated rollup table; resolves with its row count and, for a
   *  per-record table keying distinct counts, each key's largest number (RollupSpec.keyRanges,
   *  and pairKeyRanges over pairs of years). */
  buildRollup(spec: RollupSpec, options: RunOptions): Promise<{ readonly rows: number } & KeyRanges>;
  dropRollup(table: string): Promise<void>;
  /** About how many distinct combinations of `columns` a table holds (a rollup's row count),
   *  and how many rows it holds (of those `where` admits): from a scan (distinct hashes, exact
   *  but for collisions), or with `quick` from a fixed random sample (milliseconds, but it can
   *  be low by ×2 when most combinations are rare). */
  estimateDistinct(table: string, columns: readonly string[], options: RunOptions & EstimateOptions): Promise<{ readonly distinct: number; readonly rows: number }>;
  /** What a database kept between runs holds from earlier runs on the same data: the tables
   *  built (each still as the current code would build it) and the row estimates remembered. */
  kept(): KeptState;
  /** Bytes the engine accounts for (DuckDB: its buffer manager's, within its memory limit), and
   *  statements running of any kind (pending() counts analysts' queries only): for telling the
   *  engine's share of the process's memory from the rest. */
  memoryInUse(): Promise<{ readonly bytes: number; readonly statements: number }>;
  /** Reads these tables' columns (of the rows `where` admits) into the engine's cache, as far as
   *  its memory limit holds them: a server on a kept database starts with an empty cache, which
   *  the first minutes of queries would otherwise fill. */
  warmCache(reads: readonly CacheRead[], options: RunOptions): Promise<void>;
  /** Remembers a row estimate (see kept); it is lost with a database not kept. */
  rememberEstimate(key: string, distinct: number): Promise<void>;
  close(): Promise<void>;
}

export interface CacheRead {
  readonly table: string;
  /** A catalogue-made condition (one year of several), or none for every row. */
  readonly where?: string;
}

export interface KeptState {
  readonly tables: readonly { readonly spec: RollupSpec; readonly rows: number }[];
  readonly estimates: ReadonlyMap<string, number>;
}

export interface EstimateOptions {
  readonly quick?: boolean;
  /** Scan only the rows this catalogue-made condition admits (one year of several: see
   *  yearSlice); ignored with `quick`. */
  readonly where?: string;
}
