// The compiler's intermediate representation: plain, frozen, serialisable data (Malloy's rule
// for its IR) between "what the user asked" (PivotQuery) and "what the engine runs" (SQL).
import type { DatasetId } from '../catalogue/catalogue-types';

export type SqlValue = string | number;

/** A row condition. `sql` fragments come only from the catalogue; values only as parameters. */
export type Predicate =
  | { readonly kind: 'trusted'; readonly sql: string }
  | { readonly kind: 'in'; readonly expr: string; readonly values: readonly SqlValue[] }
  | { readonly kind: 'not-in'; readonly expr: string; readonly values: readonly SqlValue[] }
  | { readonly kind: 'between'; readonly expr: string; readonly low: number; readonly high: number }
  | { readonly kind: 'starts-with'; readonly expr: string; readonly prefix: string }
  /** For multi-valued ("any position") fields: the list holds any / none of the values. */
  | { readonly kind: 'list-has-any'; readonly expr: string; readonly values: readonly SqlValue[] }
  | { readonly kind: 'list-has-none'; readonly expr: string; readonly values: readonly SqlValue[] }
  | { readonly kind: 'list-any-starts-with'; readonly expr: string; readonly prefix: string }
  | { readonly kind: 'all'; readonly parts: readonly Predicate[] }
  | { readonly kind: 'any'; readonly parts: readonly Predicate[] };

export interface DimensionPlan {
  readonly axis: 'row' | 'column';
  readonly field: string;
  readonly level: string;
  readonly expr: string;
  readonly multiValued: boolean;
  readonly codeList: string;
  /** Codes in that list: about how many values the dimension takes (records may also hold
   *  unknown or invalid codes). Bounds the groups of a grouping set for the renderer. */
  readonly codes: number;
  /** Column alias in the SQL result ('d0', 'd1', …). */
  readonly alias: string;
}

export type AggregateFn = 'count' | 'count_distinct' | 'sum' | 'mean' | 'median' | 'count_nonnull';

export interface AggregatePlan {
  /** Result column alias ('a0', …). */
  readonly alias: string;
  readonly fn: AggregateFn;
  /** Argument expression (null for count(*)). */
  readonly arg: string | null;
  readonly where: string | null;
}

/** How each requested or helper measure is read back from the aggregate columns. */
export type MeasurePlan =
  | { readonly id: string; readonly kind: 'count'; readonly value: string }
  | { readonly id: string; readonly kind: 'sum'; readonly value: string; readonly contributors: string }
  /** `decimals`: the most decimal places the catalogue shows; disclosure control may show fewer. */
  | { readonly id: string; readonly kind: 'statistic'; readonly aggregate: 'mean' | 'median'; readonly decimals: number; readonly value: string; readonly contributors: string }
  | { readonly id: string; readonly kind: 'ratio'; readonly numerator: string; readonly denominator: string; readonly multiplier: number };

export interface PivotPlan {
  readonly dataset: DatasetId;
  readonly table: string;
  readonly years: readonly string[];
  readonly dimensions: readonly DimensionPlan[];
  readonly aggregates: readonly AggregatePlan[];
  /** Requested measures first (in order), then hidden helpers (ratio parts). */
  readonly measures: readonly MeasurePlan[];
  readonly requestedMeasures: readonly string[];
  readonly where: Predicate;
  /** The record filters within `where` that a pre-aggregated rollup must answer itself: the
   *  years and the analyst's filters (the dataset's base condition and the measures' own
   *  conditions are already inside a rollup's partials). */
  readonly recordFilters: readonly Predicate[];
  /** Each set lists dimension indexes grouped; always prefixes of the row and column axes. */
  readonly groupingSets: readonly (readonly number[])[];
}

/** The compiler's output: one statement, its parameters, and the plan that explains them. */
export interface CompiledQuery {
  readonly sql: string;
  readonly params: readonly SqlValue[];
  readonly plan: PivotPlan;
  /** The pre-aggregated rollup table the statement reads instead of the records, if any. */
  readonly rollup?: string;
  /** That table holds a row per record (a per-record table): the statement scans every record. */
  readonly perRecord?: true;
}
