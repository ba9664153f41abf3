// DuckDB engine over the generated Parquet: one in-process database, views per dataset, a small
// pool of connections (one per core), timeouts and cancellation via connection.interrupt().
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetGlob } from '../../datasets/parquet-columns';
import { QueryCancelledError, QueryTimeoutError } from '../../shared/errors/domain-error';
import type { RawAggregates, RawRow } from '../../shared/result/raw-aggregates';
import { duckdbDialect } from '../../shared/sql/dialects/duckdb';
import type { CompiledQuery } from '../../shared/sql/pivot-plan';
import { renderRollupBuild } from '../../shared/sql/rollup';
import { GROUPING_ALIAS } from '../../shared/sql/render-sql';
import type { Engine, RunOptions } from './engine';

export interface DuckDbEngineOptions {
  readonly dataDir: string;
  /** Datasets with Parquet on disk; each gets a view of the same name. */
  readonly datasets: readonly ('apc' | 'op' | 'ae')[];
  readonly threads?: number;
  readonly connections?: number;
  /** DuckDB's buffer memory (e.g. '1GB'): bounds the server's RSS; larger work spills to disk. */
  readonly memoryLimit?: string;
}

export async function openDuckDbEngine(options: DuckDbEngineOptions): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? availableParallelism()),
    memory_limit: options.memoryLimit ?? '1GB',
    temp_directory: path.join(options.dataDir, 'app', 'duckdb-spill'),
  });
  const setup = await instance.connect();
  for (const dataset of options.datasets) {
    const glob = parquetGlob(options.dataDir, dataset).replaceAll("'", "''");
    await setup.run(`CREATE VIEW ${dataset} AS SELECT * FROM read_parquet('${glob}', hive_partitioning = false)`);
  }
  // Defence in depth (no endpoint accepts SQL): queries may read DATA_DIR and nothing else,
  // and the setting cannot be changed back.
  await setup.run(`SET allowed_directories = ['${options.dataDir.replaceAll("'", "''")}/']`);
  await setup.run('SET enable_external_access = false');
  await setup.run('SET lock_configuration = true');
  setup.closeSync();

  const pool: DuckDBConnection[] = [];
  for (let i = 0; i < (options.connections ?? availableParallelism()); i++) pool.push(await instance.connect());
  const waiting: ((c: DuckDBConnection) => void)[] = [];
  const acquire = () => new Promise<DuckDBConnection>((resolve) => {
    const c = pool.pop();
    if (c) resolve(c); else waiting.push(resolve);
  });
  const release = (c: DuckDBConnection) => {
    const next = waiting.shift();
    if (next) next(c); else pool.push(c);
  };

  let queries = 0;
  /** Runs `work` on a pooled connection, interrupting it on timeout or abort. */
  async function withConnection<T>({ timeoutMs, signal }: RunOptions, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    if (signal?.aborted) throw new QueryCancelledError();
    const connection = await acquire();
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
      release(connection);
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
        });
      } finally {
        queries--;
      }
    },
    pending: () => queries,
    buildRollup: (spec, options) => withConnection(options, async (connection) => {
      await connection.run(renderRollupBuild(spec, duckdbDialect));
      const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${duckdbDialect.quoteIdentifier(spec.table)}`);
      return { rows: toNumber(counted.getRowObjectsJS()[0]?.['n']) ?? 0 };
    }),
    estimateDistinct: (table, columns, options) => withConnection(options, async (connection) => {
      const q = duckdbDialect.quoteIdentifier;
      const reader = await connection.runAndReadAll(`SELECT approx_count_distinct(hash(${columns.map(q).join(', ')})) AS n, count(*) AS total FROM ${q(table)}`);
      const row = reader.getRowObjectsJS()[0];
      return { distinct: toNumber(row?.['n']) ?? 0, rows: toNumber(row?.['total']) ?? 0 };
    }),
    dropRollup: (table) => withConnection({ timeoutMs: 60_000 }, async (connection) => {
      await connection.run(`DROP TABLE IF EXISTS ${duckdbDialect.quoteIdentifier(table)}`);
    }),
    async close() {
      for (const c of pool) c.closeSync();
      instance.closeSync();
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
