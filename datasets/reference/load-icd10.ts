// Node-side loader for the ICD-10 table shipped in this folder (server and generator).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseIcd10, type Icd10Table } from './icd10';

let cached: Icd10Table | undefined;

export function loadIcd10(): Icd10Table {
  cached ??= parseIcd10(readFileSync(fileURLToPath(new URL('./icd10.tsv', import.meta.url)), 'utf8'));
  return cached;
}
