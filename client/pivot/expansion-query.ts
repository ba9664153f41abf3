// The query for the children of a member expanded in place: the table's own query with the
// member's path pinned by filters and the expanded field one level finer, without top-N. It
// fetches only that member's subtree, and goes through the same protected pivot path.
import type { Filter, PivotQueryInput } from '../../shared/query/pivot-query';
import type { FieldLevels } from '../workbench/view-edits';
import { draftQuery, type Draft, type Expansion } from '../url/workbench-draft';

/** The key of an expansion (and of the row it expands): its codes and levels. */
export const expansionKey = (e: Expansion): string => JSON.stringify([e.codes, e.levels]);

/** The next level of a field below `level`, or undefined at its finest level. */
export const finerLevel = (field: FieldLevels | undefined, level: string): string | undefined =>
  field ? field.levels[field.levels.indexOf(level) + 1] : undefined;

export function expansionQuery(draft: Draft, expansion: Expansion, fields: ReadonlyMap<string, FieldLevels>): PivotQueryInput | undefined {
  const base = draftQuery(draft);
  const k = expansion.codes.length - 1;
  const rows = base.rows ?? [];
  const expandedField = rows[k];
  const expandedLevel = expansion.levels[k];
  if (!expandedField || expandedLevel === undefined) return undefined;
  const finer = finerLevel(fields.get(expandedField.field), expandedLevel);
  if (finer === undefined) return undefined;
  const pins = expansion.codes.map((code, i): Filter => ({ kind: 'in', field: rows[i]!.field, level: expansion.levels[i]!, codes: [code] }));
  const { limit: _limit, other: _other, ...rest } = base;
  return {
    ...rest,
    rows: rows.map((r, i) => (i < k ? { field: r.field, level: expansion.levels[i]! } : i === k ? { field: r.field, level: finer } : r)),
    filters: [...(base.filters ?? []), ...pins],
  };
}
