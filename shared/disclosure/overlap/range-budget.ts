// The cap on different bounds of one number field's range filters an analyst may use within
// the overlap window: a tracker (a−h minus a+1−h for many paddings h) needs many; an analyst
// comparing age groups needs a handful. Pure: the caller keeps the state and the clock.
import type { Dataset } from '../../catalogue/catalogue-types';
import { DisclosureRefusedError } from '../../errors/domain-error';
import type { PivotQuery } from '../../query/pivot-query';
import type { OverlapSettings } from '../policy';

/** Field id → bound → when last used (ms). */
export type BoundsUsed = Map<string, Map<number, number>>;

/** The bounds a query's range filters use, as whole numbers within the field's range (the
 *  same records, the same bound: 18.5 is 19). */
export function rangeBounds(query: PivotQuery, dataset: Dataset): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const f of query.filters) {
    if (f.kind !== 'range') continue;
    const field = dataset.fields.find((x) => x.id === f.field);
    if (field?.type !== 'number') continue;
    const low = Math.ceil(Math.max(f.low, field.min));
    const high = Math.floor(Math.min(f.high, field.max));
    // The field's own ends are not cut-offs: 0–120 is every age.
    out.set(f.field, [...(out.get(f.field) ?? []), ...[low, high].filter((b) => b !== field.min && b !== field.max)]);
  }
  return out;
}

/** Refuses the query if it would take a field past the cap; else records its bounds. */
export function spendBounds(used: BoundsUsed, query: PivotQuery, dataset: Dataset, settings: OverlapSettings, now: number): void {
  const wanted = rangeBounds(query, dataset);
  for (const [field, bounds] of wanted) {
    const seen = used.get(field) ?? new Map<number, number>();
    for (const [b, at] of seen) if (now - at > settings.windowMs) seen.delete(b);
    const fresh = new Set(bounds.filter((b) => !seen.has(b)));
    if (seen.size + fresh.size > settings.rangeBounds) {
      const label = dataset.fields.find((x) => x.id === field)?.label ?? field;
      throw new DisclosureRefusedError(
        `To protect confidentiality, at most ${settings.rangeBounds} different bounds of "${label}" are answered in a day, and you have used ${seen.size}. Use bounds you have used already (${[...seen.keys()].sort((a, b) => a - b).join(', ')}) or a banded field instead.`,
        `filters`,
      );
    }
  }
  for (const [field, bounds] of wanted) {
    const seen = used.get(field) ?? new Map<number, number>();
    for (const b of bounds) seen.set(b, now);
    used.set(field, seen);
  }
}
