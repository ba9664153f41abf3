// CASE expressions for the OP derived fields of hes-data.md §2.6.
import type { SqlExpr } from '../../shared/catalogue/catalogue-types';
import { caseSql, inList } from './derived-sql';

export const attendStatusSql: SqlExpr = caseSql([
  [inList('attended', ['5', '6']), 'attended'],
  [inList('attended', ['3', '7']), 'dna'],
  [`attended = '2'`, 'patient_cancelled'],
  [`attended = '4'`, 'hospital_cancelled'],
], 'not_known');

export const firstFollowupSql: SqlExpr = caseSql([
  [inList('firstatt', ['1', '3']), 'first'],
  [inList('firstatt', ['2', '4']), 'followup'],
], 'not_known');

export const mediumSql: SqlExpr = caseSql([
  [inList('firstatt', ['1', '2']), 'face_to_face'],
  [inList('firstatt', ['3', '4']), 'remote'],
], 'not_known');
