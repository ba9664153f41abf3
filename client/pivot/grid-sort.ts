// Sorting from the grid's headers: a value column's leaf header sorts rows by that measure in
// that column, a row-field header by label. Clicks cycle: first direction, flipped, cleared.
import type { Sort } from '../../shared/query/pivot-query';

type Direction = 'asc' | 'desc';
export type AriaSort = 'ascending' | 'descending' | undefined;

/** The sort key of a column: its header codes, or undefined for the grand-total column. */
const columnKey = (codes: readonly string[] | undefined) => (codes && codes.length > 0 ? codes.join('\u0001') : undefined);

/** The direction `sort` gives the measure column (codes [] = the total column), if it sorts by it. */
export function measureSortDirection(sort: Sort | undefined, measure: string, codes: readonly string[]): Direction | undefined {
  if (sort?.by !== 'measure' || sort.measure !== measure) return undefined;
  return columnKey(sort.column) === columnKey(codes) ? sort.direction : undefined;
}

export function labelSortDirection(sort: Sort | undefined): Direction | undefined {
  return sort?.by === 'label' ? sort.direction : undefined;
}

/** Measures sort largest first on the first click; labels A to Z. */
const cycle = (current: Direction | undefined, first: Direction): Direction | undefined => {
  if (current === undefined) return first;
  return current === first ? (first === 'asc' ? 'desc' : 'asc') : undefined;
};

export function nextMeasureSort(sort: Sort | undefined, measure: string, codes: readonly string[]): Sort | undefined {
  const direction = cycle(measureSortDirection(sort, measure, codes), 'desc');
  if (!direction) return undefined;
  return codes.length > 0 ? { by: 'measure', measure, column: [...codes], direction } : { by: 'measure', measure, direction };
}

export function nextLabelSort(sort: Sort | undefined): Sort | undefined {
  const direction = cycle(labelSortDirection(sort), 'asc');
  return direction ? { by: 'label', direction } : undefined;
}

export const ariaSort = (direction: Direction | undefined): AriaSort =>
  (direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined);
