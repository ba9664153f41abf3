// Map-based lookups over one dataset's catalogue entry. User-supplied ids are only ever
// resolved through these Maps, never as object keys (an id like "constructor" finds nothing).
import type { CodeField, CodeList, Dataset, Field, Level, Measure } from './catalogue-types';

export interface DatasetIndex {
  readonly dataset: Dataset;
  readonly fields: ReadonlyMap<string, Field>;
  readonly measures: ReadonlyMap<string, Measure>;
  level(field: CodeField, levelId: string | undefined): Level | undefined;
  /** Position of a level within its field (0 = coarsest). */
  levelIndex(field: CodeField, levelId: string): number;
}

const cache = new WeakMap<Dataset, DatasetIndex>();

export function indexDataset(dataset: Dataset): DatasetIndex {
  const hit = cache.get(dataset);
  if (hit) return hit;
  const levelMaps = new Map<string, Map<string, Level>>();
  for (const f of dataset.fields) {
    if (f.type === 'code') levelMaps.set(f.id, new Map(f.levels.map((l) => [l.id, l])));
  }
  const index: DatasetIndex = {
    dataset,
    fields: new Map(dataset.fields.map((f) => [f.id, f])),
    measures: new Map(dataset.measures.map((m) => [m.id, m])),
    level: (field, levelId) => levelMaps.get(field.id)?.get(levelId ?? field.defaultLevel),
    levelIndex: (field, levelId) => field.levels.findIndex((l) => l.id === levelId),
  };
  cache.set(dataset, index);
  return index;
}

/** Code → entry lookup for a code list, cached per list. */
const codeCache = new WeakMap<CodeList, ReadonlyMap<string, { label: string; order: number }>>();
export function codeLookup(list: CodeList): ReadonlyMap<string, { label: string; order: number }> {
  let m = codeCache.get(list);
  if (!m) {
    m = new Map(list.codes.map((c, i) => [c.code, { label: c.label, order: i }]));
    codeCache.set(list, m);
  }
  return m;
}
