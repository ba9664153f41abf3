// DuckDB plumbing for the generator: one in-memory instance per run, tables loaded with the
// appender (fast, no SQL text), and the one-row lookup table `lk` that SQL indexes into.

import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { ListColumn } from './slot-list';

export type SqlColumnType = 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'VARCHAR';
export type Row = readonly (number | string | null)[];

export interface Duck {
  readonly connection: DuckDBConnection;
  close(): void;
}

/**
 * Two threads keep generation fast on a 2-core box; the SQL uses only order-preserving
 * operators (no joins, aggregates or windows), so row order and bytes stay deterministic.
 */
export async function openDuck(opts: { threads?: number; memoryLimit?: string; tempDirectory?: string } = {}): Promise<Duck> {
  const config: Record<string, string> = {
    threads: String(opts.threads ?? 2),
    memory_limit: opts.memoryLimit ?? '3GB',
    preserve_insertion_order: 'true',
  };
  if (opts.tempDirectory) config['temp_directory'] = opts.tempDirectory;
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates `table` with the given columns and appends the rows in order. */
export async function loadRows(
  connection: DuckDBConnection, table: string, columns: readonly (readonly [string, SqlColumnType])[], rows: readonly Row[],
): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${quote(table)} (${columns.map(([n, t]) => `${quote(n)} ${t}`).join(', ')})`);
  const appender = await connection.createAppender(table);
  for (const row of rows) {
    columns.forEach(([name, type], i) => {
      const v = row[i];
      if (v === null || v === undefined) appender.appendNull();
      else if (type === 'VARCHAR') appender.appendVarchar(String(v));
      else if (typeof v !== 'number') throw new TypeError(`loadRows: ${table}.${name} expects a number, got ${v}`);
      else if (type === 'INTEGER') appender.appendInteger(v);
      else if (type === 'BIGINT') appender.appendBigInt(BigInt(v));
      else appender.appendDouble(v);
    });
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

/** Loads every list as one column of the one-row table `lk` (lists keep their order). */
export async function loadLookupTable(connection: DuckDBConnection, columns: readonly ListColumn[]): Promise<void> {
  for (const col of columns) {
    await loadRows(connection, `lk_${col.name}`, [['i', 'INTEGER'], ['v', col.type]], col.values.map((v, i) => [i, v]));
  }
  const selects = columns.map((c) => `(SELECT list(v ORDER BY i) FROM ${quote(`lk_${c.name}`)}) AS ${quote(c.name)}`);
  await connection.run(`CREATE OR REPLACE TABLE lk AS SELECT ${selects.join(', ')}`);
  for (const col of columns) await connection.run(`DROP TABLE ${quote(`lk_${col.name}`)}`);
}
