// The suite's own truth: DuckDB SQL over the generated Parquet, written from hes-data.md (§1.6,
// §1.7, §4) and the Parquet schema (DESCRIBE), never from the catalogue's or the compiler's SQL.
// The catalogue is used only for which codes exist and which code is whose parent.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Filter } from '../../shared/query/pivot-query';

export type DatasetId = 'apc' | 'op' | 'ae';
export const DATASETS: readonly DatasetId[] = ['apc', 'op', 'ae'];

/** Each dataset's count measure and the records it counts (hes-data.md §4: FCE; all rows). */
export const COUNTED: Readonly<Record<DatasetId, { readonly measure: string; readonly sql: string }>> = {
  apc: { measure: 'fce', sql: "epistat = '3' AND classpat NOT IN ('3','4')" },
  op: { measure: 'appointments', sql: 'TRUE' },
  ae: { measure: 'attendances', sql: 'TRUE' },
};

/** The age number field of each dataset (its range filter) and its Parquet column. */
export const AGE_FIELD: Readonly<Record<DatasetId, string>> = { apc: 'startage', op: 'apptage', ae: 'arrivalage' };

/** Age in whole years: HES infant codes 7001–7007 are under one year (§1.6, §2.2). */
export const ageSql = (dataset: DatasetId): string => {
  const c = AGE_FIELD[dataset];
  return `(CASE WHEN ${c} BETWEEN 7001 AND 7007 THEN 0 ELSE ${c} END)`;
};

/** Parquet columns of hierarchy levels (field/level); flat fields are their own column. */
const LEVEL_COLUMNS = new Map<string, string>([
  ['fyear/fyear', 'fyear'], ['fyear/fquarter', 'fquarter'], ['fyear/month', 'month'],
  ['diag_01/chapter', 'diag_01_chapter'], ['diag_01/block', 'diag_01_block'], ['diag_01/code3', 'diag_01_3'], ['diag_01/code4', 'diag_01'],
  ['procode3/provider_region', 'provider_region'], ['procode3/provider_icb', 'provider_icb'], ['procode3/procode3', 'procode3'],
]);
/** "Any position" levels: list columns, one entry per distinct code a record mentions. */
const LIST_COLUMNS = new Map<string, string>([
  ['diag_any/chapter', 'diag_all_chapter'], ['diag_any/block', 'diag_all_block'], ['diag_any/code3', 'diag_all_3'], ['diag_any/code4', 'diag_all_4'],
]);
const FLAT_COLUMNS = new Set([
  'sex', 'stafftyp', 'admimeth', 'classpat', 'mainspef', 'tretspef', 'attended', 'priority', 'firstatt', 'refsourc',
  'aedepttype', 'aearrivalmode', 'aeattenddisp', 'aerefsource', 'aeattendcat',
]);

/** The largest small count (hes-2018 suppresses 1–7), for SQL. */
export const SMALL_MAX_SQL = 7;

export const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
export const listSql = (codes: readonly string[]): string => codes.map(lit).join(', ');
export const yearsSql = (years: readonly string[]): string => `fyear IN (${listSql(years)})`;

/** The Parquet column behind a single-valued field at a level. */
export function columnSql(field: string, level?: string): string {
  const column = LEVEL_COLUMNS.get(`${field}/${level ?? ''}`) ?? ((level === undefined || level === field) && FLAT_COLUMNS.has(field) ? field : undefined);
  if (column === undefined) throw new Error(`truth: no column known for ${field}/${level ?? '(default)'}`);
  return column;
}

/** A dimension's code as the API shows it: NULL is the "Not recorded" member ''. */
export const codeSql = (field: string, level?: string): string => `coalesce(${columnSql(field, level)}, '')`;

/** The list column of an "any position" field at a level. */
export function listColumnSql(field: string, level: string): string {
  const column = LIST_COLUMNS.get(`${field}/${level}`);
  if (column === undefined) throw new Error(`truth: no list column known for ${field}/${level}`);
  return column;
}

/** A query filter as an independent SQL condition. */
export function filterSql(dataset: DatasetId, filter: Filter): string {
  switch (filter.kind) {
    case 'in':
      return LIST_COLUMNS.has(`${filter.field}/${filter.level ?? ''}`)
        ? `list_has_any(${listColumnSql(filter.field, filter.level!)}, [${listSql(filter.codes)}])`
        : `${columnSql(filter.field, filter.level)} IN (${listSql(filter.codes)})`;
    case 'not-in':
      return `coalesce(${columnSql(filter.field, filter.level)} NOT IN (${listSql(filter.codes)}), TRUE)`;
    case 'range':
      if (filter.field !== AGE_FIELD[dataset]) throw new Error(`truth: range filters only on ${AGE_FIELD[dataset]}`);
      return `${ageSql(dataset)} BETWEEN ${filter.low} AND ${filter.high}`;
    case 'code-prefix':
      throw new Error('truth: code-prefix filters are not used by the attackers');
    default: {
      const never: never = filter;
      throw new Error(`unhandled filter ${String(never)}`);
    }
  }
}

export type TruthRow = Record<string, string | number | null | readonly unknown[]>;

/** DuckDB over the Parquet the server generated, read without hive partitioning (fyear is the
 *  files' own VARCHAR column). */
export class Truth {
  private constructor(private readonly connection: DuckDBConnection, private readonly dataDir: string) {}

  static async open(dataDir: string): Promise<Truth> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    return new Truth(await instance.connect(), dataDir);
  }

  from(dataset: DatasetId): string {
    return `read_parquet('${this.dataDir.replaceAll("'", "''")}/${dataset}/fyear=*/*.parquet', hive_partitioning = false)`;
  }

  async rows(sql: string): Promise<TruthRow[]> {
    const rows = (await this.connection.runAndReadAll(sql)).getRowObjectsJS();
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : (v as TruthRow[string])])));
  }

  /** Records of `dataset` in `years` that its count measure counts and satisfy `where`. */
  async count(dataset: DatasetId, years: readonly string[], where: readonly string[]): Promise<number> {
    const [row] = await this.rows(`SELECT count(*) AS n FROM ${this.from(dataset)} WHERE ${[yearsSql(years), COUNTED[dataset].sql, ...where].map((w) => `(${w})`).join(' AND ')}`);
    return Number(row?.n ?? 0);
  }

  close(): void {
    this.connection.closeSync();
  }
}

/** The WHERE clause of the counted records of `dataset` in `years` under `where`. */
export const countedWhere = (dataset: DatasetId, years: readonly string[], where: readonly string[]): string =>
  [yearsSql(years), COUNTED[dataset].sql, ...where].map((w) => `(${w})`).join(' AND ');
