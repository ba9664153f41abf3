// What the bar chart plots: leaf rows as categories and one series per leaf column (or one
// series when there are no column fields) for one measure. Totals are left out, and a
// suppressed value is null, a gap, never a zero.
import type { PivotResponse } from '../api/api-types';

export interface ChartSeries { readonly name: string; readonly values: readonly (number | null)[] }
export interface ChartData {
  readonly measure: string;
  readonly measureLabel: string;
  readonly decimals: number;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Leaf rows / columns in the result; more than plotted when the chart was cut short. */
  readonly categoryTotal: number;
  readonly seriesTotal: number;
  readonly hasSuppressed: boolean;
}

/** Charts stay readable and fast; the grid shows every row. */
export const MAX_CATEGORIES = 60;
export const MAX_SERIES = 12;

export function chartData(result: PivotResponse, measureIndex: number, maxCategories = MAX_CATEGORIES, maxSeries = MAX_SERIES): ChartData | null {
  const measure = result.measures[measureIndex];
  if (!measure) return null;
  // With no row fields the only row is the grand total, which is never plotted.
  const hasRows = result.rowFields.length > 0;
  const leafRows = result.rows.flatMap((r, i) => (hasRows && r.depth === result.rowFields.length ? [{ r, i }] : []));
  const allLeafColumns = result.columns.flatMap((c, i) => (c.depth === result.columnFields.length ? [{ c, i }] : []));
  const leafColumns = allLeafColumns.slice(0, maxSeries);
  const shownRows = leafRows.slice(0, maxCategories);
  let hasSuppressed = false;
  const series = leafColumns.map(({ c, i: col }): ChartSeries => ({
    name: result.columnFields.length === 0 ? measure.label : c.labels.join(' / '),
    values: shownRows.map(({ i: row }) => {
      const cell = result.cells[row]?.[col]?.[measureIndex];
      if (cell?.suppressed) hasSuppressed = true;
      return cell && !cell.suppressed ? cell.value : null;
    }),
  }));
  return {
    measure: measure.id,
    measureLabel: measure.label,
    decimals: measure.decimals,
    categories: shownRows.map(({ r }) => r.labels.join(' / ')),
    series,
    categoryTotal: leafRows.length,
    seriesTotal: allLeafColumns.length,
    hasSuppressed,
  };
}
