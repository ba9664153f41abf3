// Node-side entry point: the catalogue over the ICD-10 table shipped in datasets/reference/.
import type { Catalogue } from '../../shared/catalogue/catalogue-types';
import { loadIcd10 } from '../reference/load-icd10';
import { buildCatalogue } from './build-catalogue';

export function loadCatalogue(years: readonly string[]): Catalogue {
  return buildCatalogue({ icd10: loadIcd10(), years });
}
