// COPY a query to one Parquet file (zstd). Writes to `<path>.tmp` and renames, so a crash never
// leaves a file that looks complete.

import { rename, rm } from 'node:fs/promises';
import type { Duck } from './duck';

const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function copyToParquet(duck: Duck, selectSql: string, path: string): Promise<number> {
  const tmp = `${path}.tmp`;
  await rm(tmp, { force: true });
  const result = await duck.connection.run(
    `COPY (${selectSql}) TO ${quoteLiteral(tmp)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
  );
  const rows = Number(result.rowsChanged);
  await rename(tmp, path);
  return rows;
}
