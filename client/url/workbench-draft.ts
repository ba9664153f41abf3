// The workbench's query while it is being built: a PivotQuery whose years and measures may
// still be empty. It is what the URL holds; the same zod schema turns it into a PivotQuery.
import type { DatasetId } from '../../shared/catalogue/catalogue-types';
import type { ShowAs } from '../../shared/result/show-as';
import { PivotQuerySchema, type FieldRef, type Filter, type PivotQuery, type PivotQueryInput, type Sort } from '../../shared/query/pivot-query';

/** Drill into one member: filter `field` at `level` to `code`, and show the field one level down.
 *  A stack of steps is the breadcrumb (chapter › block › 3-char code). */
export interface DrillStep {
  readonly field: string;
  readonly level: string;
  readonly code: string;
  readonly label: string;
}

/** A member expanded in place: the path of codes (and their levels) through the row fields, to
 *  the expanded field. Its children come from their own, smaller query. */
export interface Expansion {
  readonly codes: readonly string[];
  readonly levels: readonly string[];
}

export const SHOW_AS = ['value', 'row', 'column', 'total', 'parent'] as const satisfies readonly ShowAs[];
export type { ShowAs };
export const CHART_KINDS = ['auto', 'bar', 'stacked-bar', 'horizontal-bar', 'line', 'heatmap', 'pie', 'map'] as const;
export type ChartChoice = (typeof CHART_KINDS)[number];

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
  /** With a limit: add an "Other" row for the rest of the top level. */
  readonly other?: boolean;
  readonly showAs?: ShowAs;
  readonly drill?: readonly DrillStep[];
  readonly expanded?: readonly Expansion[];
  readonly chart?: ChartChoice;
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
  const parsed = PivotQuerySchema.safeParse(draftQuery(draft));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'incomplete', reason: `This view cannot be run: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid query'}.` };
  }
  return { kind: 'ready', query: parsed.data };
}

/** The query the server runs for a draft: drill steps become filters, and totals are always
 *  asked for (shares and expansions need them; the grid hides them when totals are off). */
export function draftQuery(draft: Draft): PivotQueryInput {
  const drillFilters = (draft.drill ?? []).map((s): Filter => ({ kind: 'in', field: s.field, level: s.level, codes: [s.code] }));
  return {
    dataset: draft.dataset,
    years: [...draft.years],
    rows: [...draft.rows],
    columns: [...draft.columns],
    measures: [...draft.measures],
    filters: [...draft.filters, ...drillFilters],
    totals: true,
    ...(draft.sort ? { sort: draft.sort } : {}),
    ...(draft.limit !== undefined ? { limit: draft.limit, ...(draft.other === true ? { other: true } : {}) } : {}),
  };
}
