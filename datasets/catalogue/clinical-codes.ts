// ICD-10 and OPCS-4 code lists, one per hierarchy level, each entry pointing at its parent
// (hes-data.md §1.6, §3.1, §3.2). Built from the reference tables so a fuller table needs no edit here.
import type { CodeList } from '../../shared/catalogue/catalogue-types';
import type { Icd10Node, Icd10Table } from '../reference/icd10';
import { OPCS4_PLACEHOLDERS, type Opcs4Table } from '../reference/opcs4';
import { entry } from './define-code-list';

/** Primary-diagnosis codes HES uses for "not known" (§1.6). R96X is not in the WHO table
 *  (R96 has children), so it is added under R96. */
const ICD10_UNKNOWN_4 = new Set(['R69X', 'R96X']);
const ICD10_UNKNOWN_3 = new Set(['R69']);
const R96X = { code: 'R96X', label: 'Sudden death, cause unknown (HES not-known code)', parent: 'R96' };

const fromIcd = (nodes: readonly Icd10Node[], unknown: ReadonlySet<string>) =>
  nodes.map((n) => entry(n.code, n.label, unknown.has(n.code), n.parent));

export function buildIcd10CodeLists(icd10: Icd10Table): CodeList[] {
  const codes4 = fromIcd(icd10.codes4, ICD10_UNKNOWN_4);
  if (!icd10.byLevel('code4').has(R96X.code) && icd10.byLevel('code3').has(R96X.parent)) {
    codes4.push(entry(R96X.code, R96X.label, true, R96X.parent));
  }
  return [
    { id: 'icd10_chapter', label: 'ICD-10 chapter', codes: fromIcd(icd10.chapters, new Set()) },
    { id: 'icd10_block', label: 'ICD-10 block', codes: fromIcd(icd10.blocks, new Set()) },
    { id: 'icd10_3', label: 'ICD-10 3-character code', codes: fromIcd(icd10.codes3, ICD10_UNKNOWN_3) },
    { id: 'icd10_4', label: 'ICD-10 4-character code', codes: codes4 },
  ];
}

/** Placeholders ('-' no operation, '&' not known, X997–X999) sit outside the OPCS-4 tree. They
 *  are listed at every level, each its own parent, so a generator that repeats the placeholder
 *  in the chapter and 3-char columns (as pseudo residences do) gets labels at every level. */
export function buildOpcs4CodeLists(opcs4: Opcs4Table): CodeList[] {
  const placeholders = (withParent: boolean) =>
    OPCS4_PLACEHOLDERS.map((p) => entry(p.code, p.label, p.unknown, withParent ? p.code : undefined));
  return [
    {
      id: 'opcs4_chapter', label: 'OPCS-4 chapter',
      codes: [...opcs4.chapters.map((n) => entry(n.code, n.label)), ...placeholders(false)],
    },
    {
      id: 'opcs4_3', label: 'OPCS-4 3-character code',
      codes: [...opcs4.codes3.map((n) => entry(n.code, n.label, false, n.parent)), ...placeholders(true)],
    },
    {
      id: 'opcs4_4', label: 'OPCS-4 4-character code',
      codes: [...opcs4.codes4.map((n) => entry(n.code, n.label, false, n.parent)), ...placeholders(true)],
    },
  ];
}
