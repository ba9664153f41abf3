// How an attacker picks a table worth asking for: one whose plain version is mostly published
// (so the utility check is about the policy, not a table of nothing but small cells) yet has
// small populations to attack. The share is computed from the suite's truth, as primary
// suppression alone would hide it.
import { countedWhere, SMALL_MAX_SQL, type DatasetId, type Truth } from './truth';

/** The plain tables attackers start from have at most this share of cells with 1–7 records:
 *  room for secondary suppression below the suite's 40% utility bound. */
export const MAX_SMALL_SHARE = 0.1;

/** Share of a table's cells (margins included) whose true count is 1–7. */
export async function smallCellShare(truth: Truth, dataset: DatasetId, years: readonly string[], where: readonly string[], row: string, column: string | null): Promise<number> {
  const dims = column === null ? [row] : [row, column];
  const [r] = await truth.rows(`WITH cube AS (SELECT ${dims.map((d, i) => `(${d}) AS d${i}`).join(', ')}, count(*) AS n
      FROM ${truth.from(dataset)} WHERE ${countedWhere(dataset, years, where)} GROUP BY CUBE (${dims.map((_, i) => `d${i}`).join(', ')}))
    SELECT count(*) FILTER (WHERE n BETWEEN 1 AND ${SMALL_MAX_SQL}) AS small,
      ${dims.map((_, i) => `(count(DISTINCT d${i}) + 1)`).join(' * ')} AS cells FROM cube`);
  return Number(r?.small ?? 0) / Math.max(1, Number(r?.cells ?? 1));
}

/** The first candidate whose small-cell share (and `extra` test) passes, trying them in order;
 *  the one with the smallest share if none does. */
export async function firstFitting<T>(candidates: readonly T[], share: (c: T) => Promise<number>, extra: (c: T, share: number) => Promise<boolean> | boolean = () => true): Promise<T> {
  let best: { c: T; share: number } | undefined;
  for (const c of candidates) {
    const s = await share(c);
    if (s <= MAX_SMALL_SHARE && await extra(c, s)) return c;
    if (!best || s < best.share) best = { c, share: s };
  }
  if (!best) throw new Error('no candidate tables');
  return best.c;
}
