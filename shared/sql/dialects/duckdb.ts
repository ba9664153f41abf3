// DuckDB dialect: FILTER clauses, exact median(), list functions for "any position" fields.
import type { Dialect } from '../dialect';
import type { AggregateFn } from '../pivot-plan';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function aggregateCall(fn: AggregateFn, arg: string | null): string {
  switch (fn) {
    case 'count': return 'count(*)';
    case 'count_nonnull': return `count(${arg ?? '*'})`;
    case 'count_distinct': return `count(DISTINCT ${arg ?? '*'})`;
    case 'sum': return `sum(${arg ?? '1'})`;
    case 'mean': return `avg(${arg ?? 'NULL'})`;
    case 'median': return `median(${arg ?? 'NULL'})`;
    default: { const never: never = fn; throw new Error(`unhandled aggregate ${String(never)}`); }
  }
}

const bitmapOf = (key: string, where: string, range?: number) => `bitstring_agg(${key}${range === undefined ? '' : `, 1, ${range}`}) FILTER (WHERE ${where})`;

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  quoteIdentifier: quote,
  placeholder: (index) => `$${index}`,
  aggregate: (fn, arg, where) => {
    const call = aggregateCall(fn, arg);
    return where === null ? call : `${call} FILTER (WHERE ${where})`;
  },
  groupingId: (columns) => `GROUPING(${columns.map(quote).join(', ')})`,
  unnest: (listExpr) => `unnest(list_distinct(${listExpr}))`,
  listHasAny: (listExpr, values) => `list_has_any(${listExpr}, [${values.join(', ')}])`,
  listAnyStartsWith: (listExpr, prefix) => `len(list_filter(${listExpr}, lambda x: starts_with(x, ${prefix}))) > 0`,
  startsWith: (expr, prefix) => `starts_with(${expr}, ${prefix})`,
  countDistinctBitmap: (key, where, range) => `bit_count(${bitmapOf(key, where, range)})`,
  bitmapOf,
  countMergedBitmaps: (bitmaps) => `bit_count(bit_or(${bitmaps}))`,
  keyHash: (expr) => `hash(${expr})`,
  failWhen: (condition, message, from) => `SELECT CASE WHEN ${condition} THEN error('${message.replaceAll("'", "''")}') END FROM ${from}`,
};
