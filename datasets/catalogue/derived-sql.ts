// Builders for the CASE expressions behind derived fields (hes-data.md §2.6). Portable SQL only
// (CASE, IN, =, LIKE, BETWEEN, comparisons), so the same text runs on DuckDB and ClickHouse.
import type { SqlExpr } from '../../shared/catalogue/catalogue-types';

/** A string literal for catalogue-written SQL (the values are ours, never user input). */
export const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export const inList = (column: string, codes: readonly string[]): string => `${column} IN (${codes.map(lit).join(', ')})`;

/** CASE WHEN cond THEN 'code' … ELSE 'elseCode' END. */
export function caseSql(branches: readonly (readonly [condition: string, code: string])[], elseCode: string): SqlExpr {
  const whens = branches.map(([cond, code]) => `WHEN ${cond} THEN ${lit(code)}`).join(' ');
  return `CASE ${whens} ELSE ${lit(elseCode)} END`;
}

/** Five-year age bands from 1 to the top band; the top is '90+' (age_band) or '85+' (age_band_85). */
export function ageBandCodes(top: 85 | 90): string[] {
  const bands = ['<1', '1-4'];
  for (let lo = 5; lo < top; lo += 5) bands.push(`${lo}-${lo + 4}`);
  return [...bands, `${top}+`, 'Unknown'];
}

/** Age in HES coding (0–120, infant codes 7001–7007) to a band; NULL and anything else → 'Unknown'. */
export function ageBandSql(column: string, top: 85 | 90): SqlExpr {
  const branches: [string, string][] = [
    [`${column} IS NULL`, 'Unknown'],
    [`${column} = 0 OR ${column} BETWEEN 7001 AND 7007`, '<1'],
    [`${column} BETWEEN 1 AND 4`, '1-4'],
  ];
  for (let lo = 5; lo < top; lo += 5) branches.push([`${column} BETWEEN ${lo} AND ${lo + 4}`, `${lo}-${lo + 4}`]);
  branches.push([`${column} BETWEEN ${top} AND 120`, `${top}+`]);
  return caseSql(branches, 'Unknown');
}

/** HES age with infant codes folded to 0, for range filters in whole years. */
export const ageYearsSql = (column: string): SqlExpr => `CASE WHEN ${column} BETWEEN 7001 AND 7007 THEN 0 ELSE ${column} END`;

export const ethnosGroupSql: SqlExpr = caseSql([
  [inList('ethnos', ['A', 'B', 'C']), 'white'],
  [inList('ethnos', ['D', 'E', 'F', 'G']), 'mixed'],
  [inList('ethnos', ['H', 'J', 'K', 'L']), 'asian'],
  [inList('ethnos', ['M', 'N', 'P']), 'black'],
  [inList('ethnos', ['R', 'S']), 'chinese_other'],
], 'not_known');

/** Specialty groups by code range (§3.4). Codes are 3-digit strings, so string BETWEEN orders
 *  them as numbers; anything not 3 characters ('&', NULL) is not known. 610/620 (retired GP
 *  codes) sit between the primary-care codes and the first allied-health code. */
export const specialtyGroupSql = (column: string): SqlExpr => caseSql([
  [`${column} IS NULL OR ${column} NOT LIKE '___'`, 'not_known'],
  [inList(column, ['199', '499']), 'non_uk'],
  [`${column} BETWEEN '100' AND '171'`, 'surgical'],
  [`${column} BETWEEN '180' AND '200'`, 'emergency_critical'],
  [`${column} BETWEEN '211' AND '291'`, 'paediatric'],
  [`${column} BETWEEN '300' AND '460'`, 'medical'],
  [`${column} BETWEEN '501' AND '560'`, 'womens_health'],
  [`${column} BETWEEN '600' AND '620'`, 'primary_care'],
  [`${column} BETWEEN '650' AND '663' OR ${column} = '960'`, 'allied_health'],
  [`${column} BETWEEN '700' AND '727'`, 'mental_health'],
  [`${column} BETWEEN '800' AND '950'`, 'diagnostic_other'],
], 'not_known');
