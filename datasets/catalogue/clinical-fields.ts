// Diagnosis (ICD-10) and procedure (OPCS-4) fields: the primary/main position with its
// materialised hierarchy columns, and "any position" fields over the per-level code lists.
import type { CodeField, Level } from '../../shared/catalogue/catalogue-types';
import { hierarchyField } from './define-field';

const icd10Levels = (columns: { chapter: string; block: string; code3: string; code4: string }): Level[] => [
  { id: 'chapter', label: 'ICD-10 chapter', sql: columns.chapter, codeList: 'icd10_chapter' },
  { id: 'block', label: 'ICD-10 block', sql: columns.block, codeList: 'icd10_block' },
  { id: 'code3', label: '3-character code', sql: columns.code3, codeList: 'icd10_3', granularity: 'fine-code' },
  { id: 'code4', label: '4-character code', sql: columns.code4, codeList: 'icd10_4', granularity: 'fine-code' },
];

const opcs4Levels = (columns: { chapter: string; code3: string; code4: string }): Level[] => [
  { id: 'chapter', label: 'OPCS-4 chapter', sql: columns.chapter, codeList: 'opcs4_chapter' },
  { id: 'code3', label: '3-character code', sql: columns.code3, codeList: 'opcs4_3', granularity: 'fine-code' },
  { id: 'code4', label: '4-character code', sql: columns.code4, codeList: 'opcs4_4', granularity: 'fine-code' },
];

export const primaryDiagnosisField = (note: string): CodeField => hierarchyField({
  id: 'diag_01', label: 'Primary diagnosis', group: 'Clinical', defaultLevel: 'chapter', showCodes: true,
  description: `The main condition treated (ICD-10), from chapter down to 4-character code. ${note}`,
  levels: icd10Levels({ chapter: 'diag_01_chapter', block: 'diag_01_block', code3: 'diag_01_3', code4: 'diag_01' }),
});

export const anyDiagnosisField: CodeField = hierarchyField({
  id: 'diag_any', label: 'Diagnosis (any position)', group: 'Clinical', defaultLevel: 'chapter', showCodes: true, multiValued: true,
  description: 'Every diagnosis recorded in any of the 20 positions. A record counts once under each distinct code it mentions, so rows add up to more than the total.',
  levels: icd10Levels({ chapter: 'diag_all_chapter', block: 'diag_all_block', code3: 'diag_all_3', code4: 'diag_all_4' }),
});

export const mainProcedureField = (note: string): CodeField => hierarchyField({
  id: 'opertn_01', label: 'Main procedure', group: 'Clinical', defaultLevel: 'chapter', showCodes: true,
  description: `The main (most resource-intensive) procedure (OPCS-4), from chapter down to 4-character code; "-" means no operation. ${note}`,
  levels: opcs4Levels({ chapter: 'opertn_01_chapter', code3: 'opertn_01_3', code4: 'opertn_01' }),
});

export const anyProcedureField: CodeField = hierarchyField({
  id: 'opertn_any', label: 'Procedure (any position)', group: 'Clinical', defaultLevel: 'chapter', showCodes: true, multiValued: true,
  description: 'Every procedure recorded in any of the 24 positions. A record counts once under each distinct code it mentions, so rows add up to more than the total.',
  levels: opcs4Levels({ chapter: 'opertn_all_chapter', code3: 'opertn_all_3', code4: 'opertn_all_4' }),
});
