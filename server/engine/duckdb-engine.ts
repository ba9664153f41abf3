// DuckDB engine over the generated Parquet: one in-process database, views per dataset, a small
// pool of connections (one per core), timeouts and cancellation via connection.interrupt().
// The database is a file rather than ':memory:' (engine-database.ts: private and deleted on
// close, or kept for the next server on the same data): rollup tables written to a file are
// compressed at checkpoint and paged by DuckDB's buffer manager — measured on a 798,259-row APC
// rollup: 24 MB of buffer instead of 321 MB in memory, and pivots on it 34 ms instead of 41 ms.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { parquetGlob } from '../../datasets/parquet-columns';
import { QueryCancelledError, QueryTimeoutError } from '../../shared/errors/domain-error';
import type { RawAggregates, RawRow } from '../../shared/result/raw-aggregates';
import { duckdbDialect } from '../../shared/sql/dialects/duckdb';
import type { CompiledQuery } from '../../shared/sql/pivot-plan';
import { renderRollupBuild } from '../../shared/sql/rollup';
import { estimateFromSample } from '../../shared/sql/rollup-plan';
import { twoStepBlocker } from '../../shared/sql/render-two-step';
import { GROUPING_ALIAS } from '../../shared/sql/render-sql';
import type { Engine, RunOptions } from './engine';
import { adoptKept, measureKeyRanges, openEngineDatabase, recordBuilt, recordDropped, recordEstimate } from './engine-database';

export interface DuckDbEngineOptions {
  readonly dataDir: string;
  /** Datasets with Parquet on disk; each gets a view of the same name. */
  readonly datasets: readonly ('apc' | 'op' | 'ae')[];
  readonly threads?: number;
  readonly connections?: number;
  /** DuckDB's buffer memory (e.g. '1GB'): bounds the server's RSS; larger work spills to disk. */
  readonly memoryLimit?: string;
  /** Keep the database file between runs under this name (engine-database.ts: dataKey): the
   *  next engine on the same data adopts the tables built before (kept()). */
  readonly keepAs?: string;
}

/** The (quoted) tables a build's statements create. */
function createdTables(statements: readonly string[]): string[] {
  return [...new Set(statements.flatMap((s) => /^CREATE TABLE ("(?:[^"]|"")+")/.exec(s)?.[1] ?? []))];
}

/** Rows, about, of the random sample row estimates are made from (see estimateFromSample). */
const SAMPLE_ROWS = 500_000;

export async function openDuckDbEngine(options: DuckDbEngineOptions): Promise<Engine> {
  const database = await openEngineDatabase(path.join(options.dataDir, 'app', 'duckdb'), options.keepAs, {
    threads: String(options.threads ?? availableParallelism()),
    memory_limit: options.memoryLimit ?? '1GB',
    // DuckDB's allocator (jemalloc) keeps freed memory for reuse: after the per-record build and
    // the planner's scans the server's RSS reached 2.2 GB with a 1 GB limit. Purging it in the
    // background and after any task that peaked over 32 MB gives it back.
    allocator_background_threads: 'true',
    allocator_flush_threshold: '32MB',
    temp_directory: path.join(options.dataDir, 'app', 'duckdb-spill'),
  });
  const { instance } = database;
  const setup = await instance.connect();
  for (const dataset of options.datasets) {
    const glob = parquetGlob(options.dataDir, dataset).replaceAll("'", "''");
    await setup.run(`CREATE OR REPLACE VIEW ${dataset} AS SELECT * FROM read_parquet('${glob}', hive_partitioning = false)`);
  }
  // Defence in depth (no endpoint accepts SQL): queries may read DATA_DIR and nothing else,
  // and the setting cannot be changed back.
  const kept = await adoptKept(setup, (spec) => renderRollupBuild(spec, duckdbDialect));
  await setup.run(`SET allowed_directories = ['${options.dataDir.replaceAll("'", "''")}/']`);
  await setup.run('SET enable_external_access = false');
  await setup.run('SET lock_configuration = true');
  setup.closeSync();

  // Lanes of connections by cost: answers from a (grouped) rollup take tens of milliseconds,
  // scans of every record about a second, distinct counts over every record (which cannot use
  // partials) ten times that nationally. DuckDB's threads are shared, so a query on its own lane
  // runs alongside slower ones instead of queueing behind them. Distinct counts run one at a
  // time, so they cannot take every core from everyone else. (A lane of their own for those over
  // several years, 16 s over two national years, halved the 5-year bench's timeouts but doubled
  // everyone else's p95: two at once took both cores.)
  const size = options.connections ?? availableParallelism();
  const lanes = { rollups: await connectionLane(instance, size), records: await connectionLane(instance, size), distinct: await connectionLane(instance, 1) };
  const laneOf = (query: CompiledQuery): Lane => {
    if (twoStepBlocker(query.plan) !== null) return lanes.distinct; // distinct counts: no partials
    return query.rollup === undefined || query.perRecord ? lanes.records : lanes.rollups;
  };

  let queries = 0;
  let statements = 0; // on a connection now, of any kind
  // The rollup planner asks for hundreds of row estimates; each scans every record (0.35 s
  // nationally, half of the start-up). A fixed random sample of each table, taken once, answers
  // a quick one in milliseconds (estimateFromSample), good enough to rule out what is far too big.
  const samples = new Map<string, Promise<{ table: string; sampled: number; total: number }>>();
  function sampleOf(connection: DuckDBConnection, table: string): Promise<{ table: string; sampled: number; total: number }> {
    let sample = samples.get(table);
    if (!sample) {
      const q = duckdbDialect.quoteIdentifier;
      const name = `${table}__sample`;
      sample = (async () => {
        // Each row kept with the same chance (about SAMPLE_ROWS in all), of the records' own
        // columns only (not a per-record table's partials and keys): a reservoir of every column
        // took 27 s and 1.9 GB of RSS (0.95 GB accounted) over a national year, this 4 s and 0.9.
        const rows = toNumber((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${q(table)}`)).getRowObjectsJS()[0]?.['n']) ?? 0;
        const percent = Math.min(100, (100 * SAMPLE_ROWS) / Math.max(1, rows));
        await connection.run(`CREATE OR REPLACE TABLE ${q(name)} AS SELECT COLUMNS('^[^_]') FROM ${q(table)} USING SAMPLE ${percent.toFixed(6)}% (bernoulli, 1)`);
        const counted = await connection.runAndReadAll(`SELECT (SELECT count(*) FROM ${q(table)}) AS total, (SELECT count(*) FROM ${q(name)}) AS sampled`);
        const row = counted.getRowObjectsJS()[0];
        return { table: name, sampled: toNumber(row?.['sampled']) ?? 0, total: toNumber(row?.['total']) ?? 0 };
      })();
      sample.catch(() => samples.delete(table));
      samples.set(table, sample);
    }
    return sample;
  }

  /** Runs `work` on a pooled connection, interrupting it on timeout or abort. */
  async function withConnection<T>({ timeoutMs, signal }: RunOptions, work: (c: DuckDBConnection) => Promise<T>, lane = lanes.records): Promise<T> {
    if (signal?.aborted) throw new QueryCancelledError();
    const connection = await lane.acquire();
    statements++;
    let reason: 'timeout' | 'cancelled' | undefined;
    const interrupt = (why: 'timeout' | 'cancelled') => { reason ??= why; connection.interrupt(); };
    const timer = setTimeout(() => interrupt('timeout'), timeoutMs);
    const onAbort = () => interrupt('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await work(connection);
    } catch (error) {
      if (reason === 'timeout') throw new QueryTimeoutError(timeoutMs);
      if (reason === 'cancelled') throw new QueryCancelledError();
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      statements--;
      lane.release(connection);
    }
  }

  return {
    dialect: duckdbDialect,
    run: async (query, options) => {
      queries++;
      try {
        return await withConnection(options, async (connection) => {
          const reader = await connection.runAndReadAll(query.sql, [...query.params]);
          return { plan: query.plan, rows: toRawRows(query, reader.getRowObjectsJS()) };
        }, laneOf(query));
      } finally {
        queries--;
      }
    },
    pending: () => queries,
    buildRollup: (spec, options) => withConnection(options, async (connection) => {
      const statements = renderRollupBuild(spec, duckdbDialect);
      try {
        for (const statement of statements) await connection.run(statement);
      } catch (error) {
        // A build of several statements (a per-record table) may stop half-way: leave nothing.
        for (const table of createdTables(statements)) await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
        throw error;
      }
      const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${duckdbDialect.quoteIdentifier(spec.table)}`);
      const rows = toNumber(counted.getRowObjectsJS()[0]?.['n']) ?? 0;
      const ranges = await measureKeyRanges(connection, spec);
      await recordBuilt(connection, { ...spec, ...ranges }, statements, rows);
      // Compress it now; a plain CHECKPOINT refuses while queries run (then DuckDB's automatic
      // checkpoint does it later), it never makes analysts wait as FORCE would.
      await connection.run('CHECKPOINT').catch(() => {});
      return { rows, ...ranges };
    }),
    estimateDistinct: (table, columns, options) => withConnection(options, async (connection) => {
      const q = duckdbDialect.quoteIdentifier;
      if (!options.quick) {
        const where = options.where === undefined ? '' : ` WHERE ${options.where}`;
        // Exact (up to 64-bit hash collisions): DuckDB's approx_count_distinct was 9 % high over
        // OP's five demo years and 23 % low over one of them, which made budgets a lottery.
        const reader = await connection.runAndReadAll(`SELECT count(DISTINCT hash(${columns.map(q).join(', ') || '0'})) AS n, count(*) AS total FROM ${q(table)}${where}`);
        const row = reader.getRowObjectsJS()[0];
        return { distinct: toNumber(row?.['n']) ?? 0, rows: toNumber(row?.['total']) ?? 0 };
      }
      const sample = await sampleOf(connection, table);
      if (columns.length === 0) return { distinct: sample.total > 0 ? 1 : 0, rows: sample.total };
      const reader = await connection.runAndReadAll(`SELECT count(*) AS d, count(*) FILTER (WHERE c = 1) AS f1, count(*) FILTER (WHERE c = 2) AS f2 FROM (SELECT count(*) AS c FROM ${q(sample.table)} GROUP BY ${columns.map(q).join(', ')}) AS ${q('groups')}`);
      const row = reader.getRowObjectsJS()[0];
      const distinct = estimateFromSample({ distinct: toNumber(row?.['d']) ?? 0, seenOnce: toNumber(row?.['f1']) ?? 0, seenTwice: toNumber(row?.['f2']) ?? 0, sampled: sample.sampled, total: sample.total });
      return { distinct, rows: sample.total };
    }),
    dropRollup: (table) => withConnection({ timeoutMs: 60_000 }, async (connection) => {
      samples.delete(table);
      await recordDropped(connection, table);
      await connection.run(`DROP TABLE IF EXISTS ${duckdbDialect.quoteIdentifier(table)}`);
      await connection.run(`DROP TABLE IF EXISTS ${duckdbDialect.quoteIdentifier(`${table}__sample`)}`);
    }),
    kept: () => kept,
    memoryInUse: () => withConnection({ timeoutMs: 10_000 }, async (connection) => ({
      bytes: toNumber((await connection.runAndReadAll('SELECT sum(memory_usage_bytes) AS b FROM duckdb_memory()')).getRowObjectsJS()[0]?.['b']) ?? 0,
      statements: statements - 1, // not this one
    }), lanes.rollups),
    warmCache: (reads, options) => withConnection(options, async (connection) => {
      const q = duckdbDialect.quoteIdentifier;
      for (const { table, where } of reads) {
        const columns = (await connection.runAndReadAll('SELECT column_name FROM duckdb_columns() WHERE table_name = $1', [table])).getRowObjectsJS().map((r) => String(r['column_name']));
        // An aggregate per column reads every block of it (a filter keeps statistics from
        // answering it); the blocks stay cached until memory is wanted.
        if (columns.length > 0) await connection.run(`SELECT ${columns.map((c) => `max(${q(c)})`).join(', ')} FROM ${q(table)}${where === undefined ? '' : ` WHERE ${where}`}`);
      }
    }),
    rememberEstimate: (key, distinct) => withConnection({ timeoutMs: 60_000 }, (connection) => recordEstimate(connection, key, distinct)),
    async close() {
      // A statement still running (a build, an abandoned scan) would keep the database open
      // past close, and the process from exiting: interrupt everything first.
      for (const lane of Object.values(lanes)) for (const c of lane.all) c.interrupt();
      for (const lane of Object.values(lanes)) for (const c of lane.all) c.closeSync();
      database.close();
    },
  };
}

interface Lane {
  readonly all: readonly DuckDBConnection[];
  acquire(): Promise<DuckDBConnection>;
  release(c: DuckDBConnection): void;
}

/** `size` connections handed out first come, first served. */
async function connectionLane(instance: DuckDBInstance, size: number): Promise<Lane> {
  const all: DuckDBConnection[] = [];
  for (let i = 0; i < size; i++) all.push(await instance.connect());
  const idle = [...all];
  const waiting: ((c: DuckDBConnection) => void)[] = [];
  return {
    all,
    acquire: () => new Promise<DuckDBConnection>((resolve) => {
      const c = idle.pop();
      if (c) resolve(c); else waiting.push(resolve);
    }),
    release: (c) => {
      const next = waiting.shift();
      if (next) next(c); else idle.push(c);
    },
  };
}

function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function toRawRows(query: CompiledQuery, objects: readonly Record<string, unknown>[]): RawRow[] {
  const { dimensions, aggregates } = query.plan;
  return objects.map((o) => ({
    dims: dimensions.map((d) => { const v = o[d.alias]; return v === null || v === undefined ? null : String(v); }),
    groupingId: toNumber(o[GROUPING_ALIAS]) ?? 0,
    aggregates: new Map(aggregates.map((a) => [a.alias, toNumber(o[a.alias])])),
  }));
}
