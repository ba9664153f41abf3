// The contract between the generator (writes these columns) and the catalogue (its SQL
// expressions read only these). Types are DuckDB types. A test creates empty tables from this
// list and runs every catalogue expression against them; another checks the Parquet matches.

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'VARCHAR[]';
export type ColumnList = readonly (readonly [name: string, type: ColumnType])[];

const pad = (n: number) => String(n).padStart(2, '0');
const positions = (prefix: string, count: number): ColumnList =>
  Array.from({ length: count }, (_, i) => [`${prefix}_${pad(i + 1)}`, 'VARCHAR'] as const);

/** Person and geography columns common to all three datasets. */
const COMMON: ColumnList = [
  ['person_id', 'VARCHAR'],
  ['fyear', 'VARCHAR'],        // '2324'
  ['fquarter', 'VARCHAR'],     // '2023-24 Q1'
  ['month', 'VARCHAR'],        // '2023-04'
  ['sex', 'VARCHAR'],
  ['ethnos', 'VARCHAR'],
  ['procode', 'VARCHAR'],
  ['procode3', 'VARCHAR'],
  ['sitetret', 'VARCHAR'],
  ['provider_icb', 'VARCHAR'],
  ['provider_region', 'VARCHAR'],
  ['resgor_ons', 'VARCHAR'],
  ['resladst_ons', 'VARCHAR'],
  ['imd04_decile', 'VARCHAR'], // '01' most deprived … '10' least deprived
  ['rururb_ind', 'VARCHAR'],
];

/** Hierarchy columns materialised at generation, so no lookup join runs per query. */
const DIAG_HIERARCHY: ColumnList = [
  ['diag_01_chapter', 'VARCHAR'], ['diag_01_block', 'VARCHAR'], ['diag_01_3', 'VARCHAR'],
];
const OPERTN_HIERARCHY: ColumnList = [['opertn_01_chapter', 'VARCHAR'], ['opertn_01_3', 'VARCHAR']];
/** Distinct codes over all positions, per level ("any position" fields). */
const DIAG_ALL: ColumnList = [
  ['diag_all_chapter', 'VARCHAR[]'], ['diag_all_block', 'VARCHAR[]'], ['diag_all_3', 'VARCHAR[]'], ['diag_all_4', 'VARCHAR[]'],
];
const OPERTN_ALL: ColumnList = [['opertn_all_chapter', 'VARCHAR[]'], ['opertn_all_3', 'VARCHAR[]'], ['opertn_all_4', 'VARCHAR[]']];

export const APC_COLUMNS: ColumnList = [
  ['epikey', 'VARCHAR'], ['spell_id', 'VARCHAR'],
  ...COMMON,
  ['epistat', 'VARCHAR'], ['epitype', 'VARCHAR'], ['classpat', 'VARCHAR'], ['intmanig', 'VARCHAR'],
  ['epiorder', 'VARCHAR'], ['spelbgin', 'VARCHAR'], ['spelend', 'VARCHAR'],
  ['fce', 'INTEGER'], ['fae', 'INTEGER'], ['fae_emergency', 'INTEGER'], ['fde', 'INTEGER'],
  ['admimeth', 'VARCHAR'], ['admisorc', 'VARCHAR'], ['dismeth', 'VARCHAR'], ['disdest', 'VARCHAR'], ['admincat', 'VARCHAR'],
  ['admidate', 'DATE'], ['epistart', 'DATE'], ['epiend', 'DATE'], ['disdate', 'DATE'], ['elecdate', 'DATE'],
  ['epidur', 'INTEGER'], ['speldur', 'INTEGER'], ['speldur_calc', 'INTEGER'], ['bedyear', 'INTEGER'], ['elecdur', 'INTEGER'],
  ['startage', 'INTEGER'], ['startage_calc', 'DOUBLE'], ['endage', 'INTEGER'],
  ['mainspef', 'VARCHAR'], ['tretspef', 'VARCHAR'],
  ...positions('diag', 20), ['diag_count', 'INTEGER'], ['diag_4_concat', 'VARCHAR'], ['cause', 'VARCHAR'],
  ...DIAG_HIERARCHY, ...DIAG_ALL,
  ...positions('opertn', 24), ['opertn_count', 'INTEGER'], ['opertn_4_concat', 'VARCHAR'], ['operstat', 'VARCHAR'],
  ...OPERTN_HIERARCHY, ...OPERTN_ALL,
];

export const OP_COLUMNS: ColumnList = [
  ['attendkey', 'VARCHAR'],
  ...COMMON,
  ['apptdate', 'DATE'], ['apptage', 'INTEGER'], ['apptage_calc', 'DOUBLE'], ['reqdate', 'DATE'], ['waiting', 'INTEGER'],
  ['attended', 'VARCHAR'], ['firstatt', 'VARCHAR'], ['outcome', 'VARCHAR'], ['priority', 'VARCHAR'],
  ['refsourc', 'VARCHAR'], ['stafftyp', 'VARCHAR'], ['mainspef', 'VARCHAR'], ['tretspef', 'VARCHAR'], ['admincat', 'VARCHAR'],
  ...positions('diag', 12), ...DIAG_HIERARCHY,
  ...positions('opertn', 24), ...OPERTN_HIERARCHY,
];

export const AE_COLUMNS: ColumnList = [
  ['aekey', 'VARCHAR'],
  ...COMMON,
  ['arrivaldate', 'DATE'], ['arrivaltime', 'VARCHAR'],
  ['inittime', 'VARCHAR'], ['trettime', 'VARCHAR'], ['concltime', 'VARCHAR'], ['deptime', 'VARCHAR'], ['dectime', 'VARCHAR'],
  ['initdur', 'INTEGER'], ['tretdur', 'INTEGER'], ['concldur', 'INTEGER'], ['depdur', 'INTEGER'], ['decdur', 'INTEGER'],
  ['arrivalage', 'INTEGER'], ['arrivalage_calc', 'DOUBLE'],
  ['aearrivalmode', 'VARCHAR'], ['aeattendcat', 'VARCHAR'], ['aeattenddisp', 'VARCHAR'], ['aedepttype', 'VARCHAR'],
  ['aepatgroup', 'VARCHAR'], ['aerefsource', 'VARCHAR'], ['aeincloctype', 'VARCHAR'], ['acuity', 'VARCHAR'], ['datasource', 'VARCHAR'],
];

export const PARQUET_COLUMNS = { apc: APC_COLUMNS, op: OP_COLUMNS, ae: AE_COLUMNS } as const;

/** Layout on disk under DATA_DIR: one folder per dataset, Hive-partitioned by financial year. */
export const parquetGlob = (dataDir: string, dataset: 'apc' | 'op' | 'ae') => `${dataDir}/${dataset}/fyear=*/*.parquet`;
