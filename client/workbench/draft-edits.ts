// The edits an analyst makes to the draft, as pure functions (draft in, draft out), so the
// components only dispatch and the rules (a field sits on one axis, at most 3 rows and 2
// columns, at least one measure) are unit-tested in one place.
import type { FieldRef, Filter } from '../../shared/query/pivot-query';
import { MAX } from '../url/draft-url';
import type { Draft } from '../url/workbench-draft';

export type Axis = 'rows' | 'columns';

export const axisLimit = (axis: Axis): number => (axis === 'rows' ? MAX.rows : MAX.columns);

/** Puts a field on an axis (moving it from the other axis if it was there). */
export function addToAxis(draft: Draft, axis: Axis, field: string): Draft {
  const other: Axis = axis === 'rows' ? 'columns' : 'rows';
  if (draft[axis].some((r) => r.field === field)) return draft;
  if (draft[axis].length >= axisLimit(axis)) return draft;
  const moving = draft[other].find((r) => r.field === field);
  const ref: FieldRef = moving ?? { field };
  const next = { ...draft, [other]: draft[other].filter((r) => r.field !== field) };
  return { ...next, [axis]: [...draft[axis], ref] };
}

export function removeFromAxis(draft: Draft, axis: Axis, index: number): Draft {
  return { ...draft, [axis]: draft[axis].filter((_, i) => i !== index) };
}

/** Drill up or down: the same field at another level of its hierarchy. */
export function setLevel(draft: Draft, axis: Axis, index: number, level: string): Draft {
  return { ...draft, [axis]: draft[axis].map((r, i) => (i === index ? { field: r.field, level } : r)) };
}

/** Moves a field one place earlier on its axis (the keyboard equivalent of dragging it). */
export function moveEarlier(draft: Draft, axis: Axis, index: number): Draft {
  if (index <= 0 || index >= draft[axis].length) return draft;
  const refs = [...draft[axis]];
  const [moved] = refs.splice(index, 1);
  if (moved) refs.splice(index - 1, 0, moved);
  return { ...draft, [axis]: refs };
}

export const canSwapAxes = (draft: Draft): boolean =>
  draft.rows.length <= MAX.columns && draft.columns.length <= MAX.rows && draft.rows.length + draft.columns.length > 0;

export function swapAxes(draft: Draft): Draft {
  return canSwapAxes(draft) ? { ...draft, rows: draft.columns, columns: draft.rows } : draft;
}

/** Years are kept in catalogue order so the URL (and the query cache key) do not depend on click order. */
export function toggleYear(draft: Draft, year: string, on: boolean, order: readonly string[]): Draft {
  const chosen = new Set(draft.years);
  if (on) chosen.add(year); else chosen.delete(year);
  return { ...draft, years: order.filter((y) => chosen.has(y)) };
}

/** Measures keep catalogue order; the last one cannot be switched off. */
export function toggleMeasure(draft: Draft, measure: string, on: boolean, order: readonly string[]): Draft {
  const chosen = new Set(draft.measures);
  if (on) {
    if (chosen.size >= MAX.measures) return draft;
    chosen.add(measure);
  } else {
    if (chosen.size <= 1) return draft;
    chosen.delete(measure);
  }
  const next = order.filter((m) => chosen.has(m));
  const sortMeasureGone = draft.sort?.by === 'measure' && !chosen.has(draft.sort.measure);
  if (!sortMeasureGone) return { ...draft, measures: next };
  const { sort: _sort, ...rest } = draft;
  return { ...rest, measures: next };
}

export const setTotals = (draft: Draft, totals: boolean): Draft => ({ ...draft, totals });

/** One filter per field: applying a filter replaces any earlier one on the same field. */
export function setFilter(draft: Draft, filter: Filter): Draft {
  const index = draft.filters.findIndex((f) => f.field === filter.field);
  if (index < 0) return draft.filters.length >= MAX.filters ? draft : { ...draft, filters: [...draft.filters, filter] };
  return { ...draft, filters: draft.filters.map((f, i) => (i === index ? filter : f)) };
}

export function removeFilter(draft: Draft, field: string): Draft {
  return { ...draft, filters: draft.filters.filter((f) => f.field !== field) };
}
