// A DuckDB connection over a generated data directory for tests: views apc, op and ae read the
// Parquet files (hive partitioning off: fyear is a column), and small helpers return plain rows.

import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetGlob } from '../../parquet-columns';

export interface ParquetSql {
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** The single numeric value of a one-row, one-column query. */
  value(sql: string): Promise<number>;
  readonly connection: DuckDBConnection;
  close(): void;
}

export async function openParquetSql(dataDir: string, datasets: readonly ('apc' | 'op' | 'ae')[] = ['apc', 'op', 'ae']): Promise<ParquetSql> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  for (const d of datasets) {
    const glob = parquetGlob(dataDir, d).replaceAll("'", "''");
    await connection.run(`CREATE VIEW ${d} AS SELECT * FROM read_parquet('${glob}', hive_partitioning = false)`);
  }
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  return {
    connection,
    rows,
    value: async (sql) => {
      const r = await rows(sql);
      const first = r[0];
      const v = first === undefined ? undefined : Object.values(first)[0];
      return v === null || v === undefined ? Number.NaN : Number(v);
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
