// Lookups of fields, levels and measures by id through Maps (never obj[userString]), cached per
// dataset object. Return undefined when absent: callers raise the typed domain error.
import type { CodeField, Dataset, Field, Level, Measure } from './catalogue-types';

const fieldMaps = new WeakMap<Dataset, ReadonlyMap<string, Field>>();
const measureMaps = new WeakMap<Dataset, ReadonlyMap<string, Measure>>();
const levelMaps = new WeakMap<CodeField, ReadonlyMap<string, Level>>();

function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, build: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build(key);
    cache.set(key, value);
  }
  return value;
}

/** The field `id` of {@link Dataset} `dataset`, or undefined. */
export function findField(dataset: Dataset, id: string): Field | undefined {
  return cached(fieldMaps, dataset, (d) => new Map(d.fields.map((f) => [f.id, f]))).get(id);
}

/** The level `levelId` of a code field, or undefined (number fields have no levels). */
export function findLevel(field: Field, levelId: string): Level | undefined {
  if (field.type !== 'code') return undefined;
  return cached(levelMaps, field, (f) => new Map(f.levels.map((l) => [l.id, l]))).get(levelId);
}

/** The measure `id` of {@link Dataset} `dataset`, or undefined. */
export function findMeasure(dataset: Dataset, id: string): Measure | undefined {
  return cached(measureMaps, dataset, (d) => new Map(d.measures.map((m) => [m.id, m]))).get(id);
}
