// DuckDB plumbing for the generator: one in-memory instance per run, tables loaded with the
// appender (fast, no SQL text), and the one-row lookup table `lk` that SQL indexes into.

import { mkdir } from 'node:fs/promises';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { ListColumn } from './slot-list';

export type SqlColumnType = 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'VARCHAR';
export type Row = readonly (number | string | null)[];

export interface Duck {
  readonly connection: DuckDBConnection;
  /** Folder for DuckDB spill files. */
  readonly scratchDir: string;
  close(): void;
}

/**
 * One thread per instance: a parallel, order-preserving COPY buffers out-of-order batches and
 * was slower and far hungrier at national scale, so generate.ts runs two instances side by side
 * instead. The SQL still uses only order-preserving operators (query-plan.int.test.ts); the
 * IN-clause rewrite is off because it turns `x IN (…)` into a hash join.
 */
export async function openDuck(opts: { scratchDir: string; threads?: number; memoryLimit?: string }): Promise<Duck> {
  await mkdir(opts.scratchDir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(opts.threads ?? 1),
    memory_limit: opts.memoryLimit ?? '2GB',
    preserve_insertion_order: 'true',
    temp_directory: opts.scratchDir,
    disabled_optimizers: 'in_clause',
  });
  const connection = await instance.connect();
  return {
    connection,
    scratchDir: opts.scratchDir,
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

/** Loads strata as table `name`: the given columns plus `n`, the units (spells, courses, …) in each. */
export async function loadStrata(
  duck: Duck, name: string, columns: readonly (readonly [string, SqlColumnType])[], rows: readonly (readonly [Row, number])[],
): Promise<void> {
  await loadRows(duck.connection, name, [...columns, ['n', 'BIGINT']], rows.map(([row, n]) => [...row, n]));
}
