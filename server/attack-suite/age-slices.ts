// Ages cut into slices at the boundaries an attacker's age ranges use, so every queried range is
// a union of slices and the difference of two ranges is a slice (hes-data.md §5.4: "all ages" vs
// "16+", trackers).
import { ageSql, type DatasetId } from './truth';

export interface AgeSlices {
  readonly ids: readonly string[];
  /** Truth SQL: the slice id of a record (NULL outside every slice). */
  readonly sql: string;
  /** The slices a range [low, high] covers; low and high + 1 must be boundaries. */
  of(low: number, high: number): string[];
  label(id: string): string;
}

/** Slices starting at each of `starts` (any order) and running to the next start, the last to `max`. */
export function ageSlices(dataset: DatasetId, starts: readonly number[], max: number): AgeSlices {
  const sorted = [...new Set(starts)].filter((s) => s <= max).sort((a, b) => a - b);
  const ranges = sorted.map((s, i) => ({ id: `${s}-${(sorted[i + 1] ?? max + 1) - 1}`, low: s, high: (sorted[i + 1] ?? max + 1) - 1 }));
  const age = ageSql(dataset);
  return {
    ids: ranges.map((r) => r.id),
    sql: `CASE ${ranges.map((r) => `WHEN ${age} BETWEEN ${r.low} AND ${r.high} THEN '${r.id}'`).join(' ')} END`,
    of(low, high) {
      const inside = ranges.filter((r) => r.low >= low && r.high <= high);
      const covered = inside.reduce((n, r) => n + r.high - r.low + 1, 0);
      if (covered !== high - low + 1) throw new Error(`age range ${low}–${high} is not a union of slices`);
      return inside.map((r) => r.id);
    },
    label(id) {
      const [low, high] = id.split('-');
      return low === high ? `age ${low}` : `age ${low}–${high}`;
    },
  };
}
