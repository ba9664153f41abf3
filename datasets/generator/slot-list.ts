// Weighted draws in SQL without joins: a distribution becomes a run of slots (each slot holds
// an id, ids repeated in proportion to their weight by largest remainder), and a row picks
// slot floor(u × slots). Runs for several distributions are concatenated under a key.

import { allocate } from './largest-remainder';

export interface ListColumn {
  readonly name: string;
  readonly type: 'INTEGER' | 'VARCHAR';
  readonly values: readonly (number | string)[];
}

/** `slots` entries holding each value a number of times proportional to its weight. */
export function toSlots<T>(entries: readonly (readonly [value: T, weight: number])[], slots: number): T[] {
  const positive = entries.filter(([, w]) => w > 0);
  if (positive.length === 0) throw new RangeError('toSlots: no positive weight');
  const counts = allocate(slots, positive.map(([, w]) => w));
  const out: T[] = [];
  positive.forEach(([v], i) => {
    for (let k = 0; k < (counts[i] ?? 0); k++) out.push(v);
  });
  return out;
}

/** Concatenates one slot run per key (key i occupies [i·slots, (i+1)·slots)). */
export function keyedSlots<T>(runs: readonly (readonly (readonly [value: T, weight: number])[])[], slots: number): T[] {
  return runs.flatMap((entries) => toSlots(entries, slots));
}

/** SQL expression drawing from a keyed slot list of the one-row lookup table `lk`. */
export function pickSql(list: string, slots: number, keyExpr: string, uniformExpr: string): string {
  return `lk.${list}[(${keyExpr}) * ${slots} + CAST(floor((${uniformExpr}) * ${slots}) AS INTEGER) + 1]`;
}
