// Constructors for catalogue measures (hes-data.md §4). Counts, sums and medians show whole
// numbers, means and percentages one decimal place.
import type {
  CountMeasure, RatioMeasure, SqlExpr, StatisticMeasure, SumMeasure,
} from '../../shared/catalogue/catalogue-types';

interface MeasureText {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly unit: string;
}

/** `where` conditions are joined with AND, each wrapped in brackets; none means every row. */
const all = (conditions: readonly SqlExpr[]): SqlExpr | null =>
  conditions.length === 0 ? null : conditions.length === 1 ? (conditions[0] ?? null) : conditions.map((c) => `(${c})`).join(' AND ');

export function count(m: MeasureText & { where: readonly SqlExpr[]; distinctOf?: SqlExpr; hidden?: boolean }): CountMeasure {
  return {
    id: m.id, label: m.label, description: m.description, unit: m.unit, decimals: 0, kind: 'count',
    where: all(m.where),
    ...(m.distinctOf === undefined ? {} : { distinctOf: m.distinctOf }),
    ...(m.hidden === true ? { hidden: true as const } : {}),
  };
}

export function sum(m: MeasureText & { of: SqlExpr; where: readonly SqlExpr[] }): SumMeasure {
  return { id: m.id, label: m.label, description: m.description, unit: m.unit, decimals: 0, kind: 'sum', of: m.of, where: all(m.where) };
}

/** The `of` expression must be non-NULL on contributing records, so it is added to `where`:
 *  disclosure control counts contributing records from the same condition. */
export function statistic(m: MeasureText & { aggregate: 'mean' | 'median'; of: SqlExpr; where: readonly SqlExpr[]; decimals?: number }): StatisticMeasure {
  return {
    // Medians of whole numbers are shown whole: a ".5" would tell an even number of records.
    id: m.id, label: m.label, description: m.description, unit: m.unit, decimals: m.decimals ?? (m.aggregate === 'median' ? 0 : 1), kind: 'statistic',
    aggregate: m.aggregate, of: m.of, where: all([...m.where, `${m.of} IS NOT NULL`]),
  };
}

export function ratio(m: MeasureText & { numerator: string; denominator: string; multiplier: 100 | 1; decimals?: number }): RatioMeasure {
  return {
    id: m.id, label: m.label, description: m.description, unit: m.unit, decimals: m.decimals ?? 1, kind: 'ratio',
    numerator: m.numerator, denominator: m.denominator, multiplier: m.multiplier,
  };
}
