// CASE expressions for the A&E derived fields of hes-data.md §2.6 (time bands, arrival hour/day).
import type { SqlExpr } from '../../shared/catalogue/catalogue-types';
import { caseSql } from './derived-sql';

/** [code, inclusive upper bound in minutes (null = open), label]. */
export const DEPDUR_BANDS: readonly (readonly [code: string, upperMin: number | null, label: string])[] = [
  ['0-1h', 60, 'Up to 1 hour'],
  ['1-2h', 120, 'Over 1 hour, up to 2 hours'],
  ['2-3h', 180, 'Over 2 hours, up to 3 hours'],
  ['3-4h', 240, 'Over 3 hours, up to 4 hours'],
  ['4-12h', 720, 'Over 4 hours, up to 12 hours'],
  ['>12h', null, 'Over 12 hours'],
];

export const depdurBandSql: SqlExpr = caseSql([
  ['depdur IS NULL', 'Unknown'],
  ...DEPDUR_BANDS.map(([code, upper]) => [upper === null ? 'depdur > 720' : `depdur <= ${upper}`, code] as const),
], 'Unknown');

/** arrivaltime is 'HH:MM' text; LIKE keeps this free of engine-specific string functions. */
export const arrivalHourSql: SqlExpr = caseSql(
  Array.from({ length: 24 }, (_, h) => {
    const hh = String(h).padStart(2, '0');
    return [`arrivaltime LIKE '${hh}:%'`, hh] as const;
  }),
  'Unknown',
);

/** Days since Monday 1 January 1900, modulo 7: 0 = Monday. DATE − DATE gives whole days in
 *  DuckDB, PostgreSQL and ClickHouse, so no weekday function (which differ by engine) is needed. */
const DAYS_FROM_MONDAY = `(arrivaldate - DATE '1900-01-01') % 7`;
export const arrivalWeekdaySql: SqlExpr = caseSql([
  ['arrivaldate IS NULL', 'Unknown'],
  ...Array.from({ length: 7 }, (_, d) => [`${DAYS_FROM_MONDAY} = ${d}`, String(d + 1)] as const),
], 'Unknown');

export const unplannedSql: SqlExpr = caseSql([[`aeattendcat = '2'`, '0']], '1');
