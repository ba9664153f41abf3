// Decides whether a top-N table gets an "Other" row and plans the query that computes it: the
// same query without row fields, restricted to the top-level members the limit cut off. A real
// query, so medians and ratios of the remainder are exact and protect() sees it as one group.
import type { Catalogue } from '../catalogue/catalogue-types';
import type { ProtectedAggregates } from '../disclosure/protect';
import type { PivotQuery } from '../query/pivot-query';
import { buildPlan } from '../sql/build-plan';
import type { PivotPlan, Predicate } from '../sql/pivot-plan';
import type { PivotResult } from './pivot-result';
import { countTopLevelRows, NOT_RECORDED } from './shape-pivot';

export type OtherRowRequest =
  | { readonly kind: 'none' }
  /** The first row field is multi-valued: one record can mention shown and cut members alike. */
  | { readonly kind: 'not-for-mentions'; readonly note: string }
  /** Run `plan`, protect it, and merge it with {@link addOtherRow}; `hidden` members it combines,
   *  `kept` the first row field's codes shown. */
  | { readonly kind: 'run'; readonly plan: PivotPlan; readonly hidden: number; readonly kept: readonly string[] };

export const MENTIONS_NOTE = 'No "Other" row: a record can mention several diagnoses or procedures, shown and not shown alike, so the rows not shown cannot be counted as one group.';

/**
 * What the Other row of `table` (shaped from `main`) needs: nothing unless `query.other` is set,
 * a limit cut some top-level rows, and the first row field has one code per record.
 */
export function otherRowRequest(query: PivotQuery, catalogue: Catalogue, main: ProtectedAggregates, table: PivotResult): OtherRowRequest {
  if (!query.other || query.limit === undefined) return { kind: 'none' };
  const first = main.plan.dimensions.find((d) => d.axis === 'row');
  if (!first) return { kind: 'none' };
  const total = countTopLevelRows(main);
  if (total <= query.limit) return { kind: 'none' };
  if (first.multiValued) return { kind: 'not-for-mentions', note: MENTIONS_NOTE };
  const kept = [...new Set(table.rows.filter((h) => h.depth > 0 && h.other !== true).map((h) => h.codes[0]!))];
  return { kind: 'run', plan: otherRowPlan(query, catalogue, first.expr, kept), hidden: total - kept.length, kept };
}

/**
 * The query's own plan with no row fields (columns and filters as asked, totals on) and one more
 * condition: the first row field's expression `expr` (from the catalogue) is none of `kept`.
 */
export function otherRowPlan(query: PivotQuery, catalogue: Catalogue, expr: string, kept: readonly string[]): PivotPlan {
  const { sort: _sort, limit: _limit, ...rest } = query;
  const base = buildPlan({ ...rest, rows: [], totals: true, other: false }, catalogue);
  const parts = base.where.kind === 'all' ? base.where.parts : [base.where];
  const exclusion = notKept(expr, kept);
  // In both: `where` for records, `recordFilters` for any renderer that reads a rollup instead.
  return Object.freeze({
    ...base,
    where: Object.freeze<Predicate>({ kind: 'all', parts: Object.freeze([...parts, exclusion]) }),
    recordFilters: Object.freeze([...base.recordFilters, exclusion]),
  });
}

function notKept(expr: string, kept: readonly string[]): Predicate {
  const notIn: Predicate = { kind: 'not-in', expr, values: [...kept] };
  if (!kept.includes(NOT_RECORDED)) return notIn;
  // render-sql's not-in lets NULL through (a NULL is not any listed code, as a filter should
  // read it), but a shown "Not recorded" row holds the NULLs (and any ''), so they are kept out.
  return { kind: 'all', parts: [{ kind: 'trusted', sql: `(${expr}) IS NOT NULL` }, notIn] };
}
