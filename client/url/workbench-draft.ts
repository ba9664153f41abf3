// The workbench's query while it is being built: a PivotQuery whose years and measures may
// still be empty. It is what the URL holds; the same zod schema turns it into a PivotQuery.
import type { DatasetId } from '../../shared/catalogue/catalogue-types';
import { PivotQuerySchema, type FieldRef, type Filter, type PivotQuery, type Sort } from '../../shared/query/pivot-query';

export interface Draft {
  readonly dataset: DatasetId;
  readonly years: readonly string[];
  readonly rows: readonly FieldRef[];
  readonly columns: readonly FieldRef[];
  readonly measures: readonly string[];
  readonly filters: readonly Filter[];
  readonly totals: boolean;
  readonly sort?: Sort;
  readonly limit?: number;
}

export type DraftCheck =
  | { readonly kind: 'ready'; readonly query: PivotQuery }
  | { readonly kind: 'incomplete'; readonly reason: string };

/** A fresh view of a dataset: its latest year (or the years already chosen) and default measure. */
export function defaultDraft(
  dataset: { readonly id: DatasetId; readonly years: readonly { readonly code: string }[]; readonly defaultMeasure: string },
  keepYears: readonly string[] = [],
): Draft {
  const available = new Set(dataset.years.map((y) => y.code));
  const kept = keepYears.filter((y) => available.has(y));
  const latest = dataset.years.at(-1)?.code;
  return {
    dataset: dataset.id,
    years: kept.length > 0 ? kept : latest !== undefined ? [latest] : [],
    rows: [], columns: [], filters: [],
    measures: [dataset.defaultMeasure],
    totals: true,
  };
}

/** Ready to send, or the sentence telling the analyst what is still missing. */
export function checkDraft(draft: Draft): DraftCheck {
  if (draft.years.length === 0) return { kind: 'incomplete', reason: 'Choose at least one financial year.' };
  if (draft.measures.length === 0) return { kind: 'incomplete', reason: 'Choose at least one measure.' };
  const parsed = PivotQuerySchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'incomplete', reason: `This view cannot be run: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid query'}.` };
  }
  return { kind: 'ready', query: parsed.data };
}
