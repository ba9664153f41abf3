import { describe, expect, it } from 'vitest';
import type { Draft } from '../url/workbench-draft';
import { addToAxis, canSwapAxes, moveEarlier, removeFilter, setFilter, setLevel, swapAxes, toggleMeasure, toggleYear } from './draft-edits';

const base: Draft = { dataset: 'apc', years: ['2324'], rows: [], columns: [], measures: ['fce'], filters: [], totals: true };

describe('draft edits', () => {
  it('moves a field between axes instead of using it twice', () => {
    const withRow = addToAxis(base, 'rows', 'sex');
    const moved = addToAxis(withRow, 'columns', 'sex');
    expect(moved.rows).toEqual([]);
    expect(moved.columns).toEqual([{ field: 'sex' }]);
  });

  it('keeps the level of a moved field and respects the axis limits', () => {
    const drilled = setLevel(addToAxis(base, 'rows', 'diag_01'), 'rows', 0, 'block');
    expect(addToAxis(drilled, 'columns', 'diag_01').columns).toEqual([{ field: 'diag_01', level: 'block' }]);
    const full = ['a', 'b'].reduce((d, f) => addToAxis(d, 'columns', f), base);
    expect(addToAxis(full, 'columns', 'c')).toBe(full);
  });

  it('swaps rows and columns only when both fit', () => {
    const d = addToAxis(addToAxis(base, 'rows', 'a'), 'columns', 'b');
    expect(swapAxes(d)).toMatchObject({ rows: [{ field: 'b' }], columns: [{ field: 'a' }] });
    const threeRows = ['a', 'b', 'c'].reduce((x, f) => addToAxis(x, 'rows', f), base);
    expect(canSwapAxes(threeRows)).toBe(false);
    expect(swapAxes(threeRows)).toBe(threeRows);
  });

  it('reorders fields on an axis', () => {
    const d = ['a', 'b', 'c'].reduce((x, f) => addToAxis(x, 'rows', f), base);
    expect(moveEarlier(d, 'rows', 2).rows.map((r) => r.field)).toEqual(['a', 'c', 'b']);
  });

  it('keeps years and measures in catalogue order and never drops the last measure', () => {
    expect(toggleYear(base, '2223', true, ['2122', '2223', '2324']).years).toEqual(['2223', '2324']);
    expect(toggleMeasure(base, 'fce', false, ['fce', 'los_mean'])).toBe(base);
    expect(toggleMeasure(base, 'los_mean', true, ['los_mean', 'fce']).measures).toEqual(['los_mean', 'fce']);
  });

  it('holds one filter per field', () => {
    const a = setFilter(base, { kind: 'in', field: 'sex', codes: ['1'] });
    const b = setFilter(a, { kind: 'not-in', field: 'sex', codes: ['2'] });
    expect(b.filters).toEqual([{ kind: 'not-in', field: 'sex', codes: ['2'] }]);
    expect(removeFilter(b, 'sex').filters).toEqual([]);
  });
});
