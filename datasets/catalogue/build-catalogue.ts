// Assembles the catalogue: the three datasets for the given years plus every code list their
// levels name. Pure (the ICD-10 table arrives as an argument), so the browser demo can build it.
import type { Catalogue, CodeList, Dataset, DatasetId } from '../../shared/catalogue/catalogue-types';
import type { Icd10Table } from '../reference/icd10';
import { OPCS4, type Opcs4Table } from '../reference/opcs4';
import { buildAe } from './ae';
import { buildApc } from './apc';
import { buildIcd10CodeLists, buildOpcs4CodeLists } from './clinical-codes';
import { AE_CODE_LISTS } from './code-lists-ae';
import { APC_CODE_LISTS } from './code-lists-apc';
import { COMMON_CODE_LISTS } from './code-lists-common';
import { OP_CODE_LISTS } from './code-lists-op';
import { buildGeographyCodeLists } from './geography-codes';
import { buildOp } from './op';
import { buildTimeCodeLists } from './time-codes';

export interface CatalogueOptions {
  readonly icd10: Icd10Table;
  /** Financial-year codes such as ['1920', '2021', …]; the time code lists cover exactly these. */
  readonly years: readonly string[];
  /** A full OPCS-4 table when one is loaded; the curated subset otherwise. */
  readonly opcs4?: Opcs4Table;
}

export function buildCatalogue(opts: CatalogueOptions): Catalogue {
  const lists: CodeList[] = [
    ...buildTimeCodeLists(opts.years),
    ...COMMON_CODE_LISTS,
    ...buildGeographyCodeLists(),
    ...buildIcd10CodeLists(opts.icd10),
    ...buildOpcs4CodeLists(opts.opcs4 ?? OPCS4),
    ...APC_CODE_LISTS,
    ...OP_CODE_LISTS,
    ...AE_CODE_LISTS,
  ];
  const codeLists = new Map<string, CodeList>();
  for (const list of lists) {
    if (codeLists.has(list.id)) throw new Error(`Duplicate code list id: ${list.id}`);
    codeLists.set(list.id, list);
  }
  const datasets = new Map<DatasetId, Dataset>(
    [buildApc(opts.years), buildOp(opts.years), buildAe(opts.years)].map((d) => [d.id, d]),
  );
  return { datasets, codeLists };
}
