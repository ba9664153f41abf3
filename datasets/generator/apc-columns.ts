// Final APC columns (datasets/parquet-columns.ts order) from the episode rows of apc-sql.ts:
// the HES derived flags and spell fields follow hes-data.md §1.2, §2.2 and §4.1.

import { APC_COLUMNS } from '../parquet-columns';
import { contractSelect, positionalColumns } from './contract-select';
import { ageCalcSql, ageCodeSql, periodColumns, personColumns, personIdSql, providerColumns } from './sql-common';

export function apcSelectList(fyear: string, label: string): string {
  const epistart = 'admidate + cut_a';
  const epiend = 'CASE WHEN kind = 3 THEN NULL ELSE admidate + cut_b END';
  const finished = 'kind <> 3 AND is_last';
  const startage = ageCodeSql('dob', epistart);
  const speldur = `CASE WHEN kind = 3 THEN year_end - admidate WHEN is_last THEN los END`;
  const dch = 'list_transform(dids, lambda x: lk.icdch[x])';
  const pch = 'list_transform(pids, lambda x: lk.opcsch[x])';
  const exprs = new Map<string, string>([
    ['epikey', `'E${fyear}' || lpad(CAST(sno AS VARCHAR), 9, '0') || lpad(CAST(k AS VARCHAR), 2, '0')`],
    ['spell_id', `'S${fyear}' || lpad(CAST(sno AS VARCHAR), 9, '0')`],
    ['person_id', personIdSql('ph')],
    ['fyear', `'${fyear}'`],
    ...Object.entries(periodColumns(`coalesce(${epiend}, year_end)`, label)),
    ['sex', 'sex'],
    ...Object.entries(personColumns('ph', 'res')),
    ...Object.entries(providerColumns('trust', 'u_site')),
    ['epistat', `CASE WHEN kind = 3 THEN '9' ELSE '3' END`],
    ['epitype', `CASE WHEN k = 1 AND delivery THEN '2' WHEN k = 1 AND is_birth = 1 THEN '3' ELSE '1' END`],
    ['classpat', 'classpat'],
    ['intmanig', 'intmanig'],
    ['epiorder', `lpad(CAST(k AS VARCHAR), 2, '0')`],
    ['spelbgin', `CASE WHEN k > 1 THEN '0' WHEN admidate < year_start THEN '1' ELSE '2' END`],
    ['spelend', `CASE WHEN ${finished} THEN 'Y' ELSE 'N' END`],
    ['fce', 'CASE WHEN kind = 0 THEN 1 ELSE 0 END'],
    ['fae', 'CASE WHEN kind = 0 AND k = 1 THEN 1 ELSE 0 END'],
    ['fae_emergency', `CASE WHEN kind = 0 AND k = 1 AND admimeth LIKE '2%' THEN 1 ELSE 0 END`],
    ['fde', `CASE WHEN kind = 0 AND is_last AND dismeth_last IN ('1', '2', '3', '4', '5') THEN 1 ELSE 0 END`],
    ['admimeth', 'admimeth'],
    ['admisorc', 'admisorc'],
    ['dismeth', `CASE WHEN ${finished} THEN dismeth_last ELSE '8' END`],
    ['disdest', `CASE WHEN ${finished} THEN disdest_last ELSE '98' END`],
    ['admincat', 'admincat'],
    ['admidate', 'admidate'],
    ['epistart', epistart],
    ['epiend', epiend],
    ['disdate', `CASE WHEN ${finished} THEN admidate + los END`],
    ['elecdate', 'admidate - wait_days'],
    ['epidur', 'CASE WHEN kind = 3 THEN NULL ELSE cut_b - cut_a END'],
    ['speldur', speldur],
    ['speldur_calc', `CASE WHEN classpat IN ('2', '3', '4') THEN NULL ELSE ${speldur} END`],
    ['bedyear', `coalesce(${epiend}, year_end) - greatest(${epistart}, year_start)`],
    ['elecdur', 'wait_days'],
    ['startage', startage],
    ['startage_calc', ageCalcSql(startage)],
    ['endage', ageCodeSql('dob', epiend)],
    ['mainspef', 'lk.spec_main[spec]'],
    ['tretspef', 'lk.spec_code[spec]'],
    ...positionalColumns('diag', 20, 'dl'),
    ['diag_count', 'len(dids)'],
    ['diag_4_concat', `CASE WHEN len(dl) > 0 THEN array_to_string(dl, ',') END`],
    ['cause', 'CASE WHEN dcause IS NOT NULL THEN lk.icd4[dcause] END'],
    ['diag_01_chapter', 'lk.icdch[dids[1]]'],
    ['diag_01_block', 'lk.icdblk[dids[1]]'],
    ['diag_01_3', 'lk.icd3[dids[1]]'],
    ['diag_all_chapter', `list_sort(list_distinct(${dch}))`],
    ['diag_all_block', 'list_sort(list_distinct(list_transform(dids, lambda x: lk.icdblk[x])))'],
    ['diag_all_3', 'list_sort(list_distinct(list_transform(dids, lambda x: lk.icd3[x])))'],
    ['diag_all_4', 'list_sort(dl)'],
    ['opertn_01', `CASE WHEN kind = 3 THEN NULL WHEN len(pl) = 0 THEN '-' ELSE pl[1] END`],
    ...positionalColumns('opertn', 24, 'pl').slice(1),
    ['opertn_count', 'len(pids)'],
    ['opertn_4_concat', `CASE WHEN kind = 3 THEN NULL WHEN len(pl) = 0 THEN '-' ELSE array_to_string(pl, ',') END`],
    ['operstat', `CASE WHEN kind = 3 THEN NULL WHEN len(pl) > 0 THEN '1' ELSE '8' END`],
    ['opertn_01_chapter', 'lk.opcsch[pids[1]]'],
    ['opertn_01_3', 'lk.opcs3[pids[1]]'],
    ['opertn_all_chapter', `list_sort(list_distinct(${pch}))`],
    ['opertn_all_3', 'list_sort(list_distinct(list_transform(pids, lambda x: lk.opcs3[x])))'],
    ['opertn_all_4', 'list_sort(list_distinct(pl))'],
  ]);
  return contractSelect(APC_COLUMNS, exprs);
}
