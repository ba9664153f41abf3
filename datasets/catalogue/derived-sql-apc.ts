// CASE expressions for the APC derived fields of hes-data.md §2.6 (admission groups, length of stay).
import type { SqlExpr } from '../../shared/catalogue/catalogue-types';
import { caseSql, inList } from './derived-sql';

const EMERGENCY_CODES = ['21', '22', '23', '24', '25', '28', '2A', '2B', '2C', '2D'];

export const admimethGroupSql: SqlExpr = caseSql([
  [inList('admimeth', EMERGENCY_CODES), 'emergency'],
  [inList('admimeth', ['11', '12']), 'elective_waiting_list'],
  [`admimeth = '13'`, 'elective_planned'],
  [inList('admimeth', ['31', '32']), 'maternity'],
], 'other');

/** Publication grouping: booked (12) goes with waiting list (unverified, §2.6). */
export const admimethPubSql: SqlExpr = caseSql([
  [inList('admimeth', EMERGENCY_CODES), 'emergency'],
  [inList('admimeth', ['11', '12']), 'waiting_list'],
  [`admimeth = '13'`, 'planned'],
], 'other');

export const emergencySql: SqlExpr = caseSql([[`admimeth LIKE '2%'`, '1']], '0');

export const losBandSql: SqlExpr = caseSql([
  ['speldur IS NULL', 'Unknown'],
  ['speldur = 0', '0'],
  ['speldur = 1', '1'],
  ['speldur BETWEEN 2 AND 3', '2-3'],
  ['speldur BETWEEN 4 AND 7', '4-7'],
  ['speldur BETWEEN 8 AND 14', '8-14'],
  ['speldur BETWEEN 15 AND 28', '15-28'],
  ['speldur >= 29', '29+'],
], 'Unknown');
