// What a chart plots: leaf rows as categories and one series per leaf column (or one series
// when there are no column fields) for one measure. Totals and a top-N table's "Other" row
// are left out, and a suppressed value is null, a gap, never a zero; `suppressed` tells a gap
// that hides a value from one where no record contributed.
import type { PivotResponse } from '../api/api-types';

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** Per category: true where the value was suppressed (values[i] is then null). */
  readonly suppressed: readonly boolean[];
}
export interface ChartData {
  readonly measure: string;
  readonly measureLabel: string;
  readonly decimals: number;
  readonly categories: readonly string[];
  /** Per category: its row's index in result.rows (what a click drills into). */
  readonly rowIndexes: readonly number[];
  /** Per category: the code of its row's innermost field (tile maps place areas by code). */
  readonly codes: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Leaf rows / columns in the result; more than plotted when the chart was cut short. */
  readonly categoryTotal: number;
  readonly seriesTotal: number;
  readonly hasSuppressed: boolean;
  /** The label of the table's "Other" row (a remainder, not a member: not plotted). */
  readonly otherLabel: string | null;
}

/** Charts stay readable and fast; the grid shows every row. */
export const MAX_CATEGORIES = 60;
export const MAX_SERIES = 12;

export function chartData(result: PivotResponse, measureIndex: number, maxCategories = MAX_CATEGORIES, maxSeries = MAX_SERIES): ChartData | null {
  const measure = result.measures[measureIndex];
  if (!measure) return null;
  const leafRows = leafRowIndexes(result);
  const allLeafColumns = result.columns.flatMap((c, i) => (c.depth === result.columnFields.length ? [{ c, i }] : []));
  const leafColumns = allLeafColumns.slice(0, maxSeries);
  const shownRows = leafRows.slice(0, maxCategories);
  const series = leafColumns.map(({ c, i: col }): ChartSeries => {
    const cells = shownRows.map((row) => result.cells[row]?.[col]?.[measureIndex]);
    return {
      name: result.columnFields.length === 0 ? measure.label : c.labels.join(' / '),
      values: cells.map((cell) => (cell && !cell.suppressed ? cell.value : null)),
      suppressed: cells.map((cell) => cell?.suppressed === true),
    };
  });
  return {
    measure: measure.id,
    measureLabel: measure.label,
    decimals: measure.decimals,
    categories: shownRows.map((row) => result.rows[row]?.labels.join(' / ') ?? ''),
    rowIndexes: shownRows,
    codes: shownRows.map((row) => result.rows[row]?.codes.at(-1) ?? ''),
    series,
    categoryTotal: leafRows.length,
    seriesTotal: allLeafColumns.length,
    hasSuppressed: series.some((s) => s.suppressed.includes(true)),
    otherLabel: result.rows.find((r) => r.other === true)?.labels.join(' / ') ?? null,
  };
}

/** Indexes into result.rows of the leaf rows. With no row fields the only row is the grand
 *  total, which is never plotted; nor is the Other row (it sums many members). */
export function leafRowIndexes(result: PivotResponse): number[] {
  if (result.rowFields.length === 0) return [];
  return result.rows.flatMap((r, i) => (r.depth === result.rowFields.length && r.other !== true ? [i] : []));
}

/** Keeps only the given categories (by position), e.g. the areas a tile map can place; the
 *  ones dropped here no longer count as cut short. */
export function pickCategories(data: ChartData, positions: readonly number[]): ChartData {
  const pick = <T>(list: readonly T[]) => positions.flatMap((p) => { const item = list[p]; return item === undefined ? [] : [item]; });
  const series = data.series.map((s) => ({ name: s.name, values: pick(s.values), suppressed: pick(s.suppressed) }));
  return {
    ...data,
    categories: pick(data.categories),
    rowIndexes: pick(data.rowIndexes),
    codes: pick(data.codes),
    series,
    categoryTotal: data.categoryTotal - (data.categories.length - positions.length),
    hasSuppressed: series.some((s) => s.suppressed.includes(true)),
  };
}
