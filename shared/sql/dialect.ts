// Everything that differs between SQL engines. The compiler knows nothing else about them;
// a new engine is one file under dialects/ (Kysely's Dialect, Malloy's dialect map).
import type { AggregateFn, SqlValue } from './pivot-plan';

export interface Dialect {
  readonly name: string;
  /** Quotes an identifier, doubling the quote character. */
  quoteIdentifier(name: string): string;
  /** Placeholder for the 1-based parameter `index`. */
  placeholder(index: number, value: SqlValue): string;
  /** An aggregate over rows matching `where` (null = all rows). */
  aggregate(fn: AggregateFn, arg: string | null, where: string | null): string;
  /** Bitmask, most significant bit first: bit set = column rolled up in this grouping set. */
  groupingId(columns: readonly string[]): string;
  /** One output row per distinct element of a list expression. */
  unnest(listExpr: string): string;
  listHasAny(listExpr: string, values: readonly string[]): string;
  listAnyStartsWith(listExpr: string, prefix: string): string;
  startsWith(expr: string, prefix: string): string;
  /** Distinct values of a small non-negative integer key counted through a bitmap (a bit per
   *  value the column's statistics allow, so the key must be a column, or per value in 1…`range`
   *  when stated), or null if the engine has none. Far faster than count(DISTINCT) for few
   *  groups; memory grows with groups × range. */
  countDistinctBitmap(key: string, where: string, range?: number): string | null;
  /** The same in two steps, so coarser groups merge finer groups' bitmaps instead of reading
   *  the records again: an aggregate giving the bitmap of a group (null if the engine has none),
   *  and one counting the keys in the union of a column of bitmaps. */
  bitmapOf(key: string, where: string, range?: number): string | null;
  countMergedBitmaps(bitmaps: string): string;
  /** A 64-bit hash of a key: the same key in every year (distinct counts across years). */
  keyHash(expr: string): string;
  /** A statement that fails with `message` when `condition` holds of any row of `from`. */
  failWhen(condition: string, message: string, from: string): string;
}
