// A small hand-written catalogue for compiler unit tests: independent of datasets/, so golden
// SQL changes only when the compiler does.
import type { Catalogue, CodeList, Dataset } from '../catalogue/catalogue-types';

const FCE = "epistat = '3' AND classpat NOT IN ('3','4')";

const lists: CodeList[] = [
  { id: 'fyear', label: 'Financial year', codes: [{ code: '2223', label: '2022-23' }, { code: '2324', label: '2023-24' }] },
  { id: 'fquarter', label: 'Quarter', codes: ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => ({ code: `2023-24 ${q}`, label: `2023-24 ${q}`, parent: '2324' })) },
  { id: 'sex', label: 'Sex', codes: [{ code: '1', label: 'Male' }, { code: '2', label: 'Female' }, { code: '9', label: 'Not specified', unknown: true }, { code: '0', label: 'Not known', unknown: true }] },
  { id: 'chapter', label: 'ICD-10 chapter', codes: [{ code: 'IX', label: 'Circulatory' }, { code: 'X', label: 'Respiratory' }] },
  { id: 'code4', label: 'ICD-10 4-char', codes: [{ code: 'I10X', label: 'Essential hypertension', parent: 'IX' }, { code: 'J181', label: 'Lobar pneumonia', parent: 'X' }] },
];

export const TEST_DATASET: Dataset = {
  id: 'apc', label: 'APC', description: 'test', table: 'apc', years: ['2223', '2324'], baseWhere: null, recordKey: 'epikey',
  defaultMeasure: 'fce',
  fields: [
    { type: 'code', id: 'fyear', label: 'Financial year', description: 'd', group: 'Time', defaultLevel: 'fyear',
      levels: [{ id: 'fyear', label: 'Year', sql: 'fyear', codeList: 'fyear' }, { id: 'fquarter', label: 'Quarter', sql: 'fquarter', codeList: 'fquarter' }] },
    { type: 'code', id: 'sex', label: 'Sex', description: 'd', group: 'Patient', defaultLevel: 'sex', levels: [{ id: 'sex', label: 'Sex', sql: 'sex', codeList: 'sex' }] },
    { type: 'code', id: 'diag_01', label: 'Primary diagnosis', description: 'd', group: 'Clinical', defaultLevel: 'chapter',
      levels: [{ id: 'chapter', label: 'Chapter', sql: 'diag_01_chapter', codeList: 'chapter' }, { id: 'code4', label: '4-character code', sql: 'diag_01', codeList: 'code4' }] },
    { type: 'code', id: 'diag_any', label: 'Diagnosis (any position)', description: 'd', group: 'Clinical', defaultLevel: 'chapter', multiValued: true,
      levels: [{ id: 'chapter', label: 'Chapter', sql: 'diag_all_chapter', codeList: 'chapter' }, { id: 'code4', label: '4-character code', sql: 'diag_all_4', codeList: 'code4' }] },
    { type: 'number', id: 'startage', label: 'Age at start of episode', description: 'd', group: 'Patient', sql: 'startage', unit: 'years', min: 0, max: 120 },
  ],
  measures: [
    { kind: 'count', id: 'fce', label: 'FCEs', description: 'd', unit: 'episodes', decimals: 0, where: FCE },
    { kind: 'count', id: 'fae', label: 'FAEs', description: 'd', unit: 'spells', decimals: 0, where: `${FCE} AND epiorder = '01'` },
    { kind: 'count', id: 'emergency_fae', label: 'Emergency FAEs', description: 'd', unit: 'spells', decimals: 0, where: `${FCE} AND epiorder = '01' AND admimeth LIKE '2%'` },
    { kind: 'count', id: 'patients', label: 'Patients', description: 'd', unit: 'patients', decimals: 0, where: FCE, distinctOf: 'person_id' },
    { kind: 'sum', id: 'bed_days', label: 'Bed days', description: 'd', unit: 'episodes', decimals: 0, of: "CASE WHEN classpat = '2' THEN 0 ELSE epidur END", where: FCE },
    { kind: 'statistic', id: 'los_median', label: 'Median LOS', description: 'd', unit: 'spells', decimals: 0, aggregate: 'median', of: 'speldur', where: `${FCE} AND dismeth IN ('1','2','3','4','5') AND speldur_calc IS NOT NULL` },
    { kind: 'ratio', id: 'pct_emergency', label: '% emergency', description: 'd', unit: 'spells', decimals: 1, numerator: 'emergency_fae', denominator: 'fae', multiplier: 100 },
    { kind: 'count', id: 'hidden_helper', label: 'Helper', description: 'd', unit: 'episodes', decimals: 0, where: null, hidden: true },
  ],
};

export const TEST_CATALOGUE: Catalogue = {
  datasets: new Map([['apc', TEST_DATASET]]),
  codeLists: new Map(lists.map((l) => [l.id, l])),
};
