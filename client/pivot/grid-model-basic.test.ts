import { describe, expect, it } from 'vitest';
import type { PivotResponse } from '../api/api-types';
import { samplePivot } from '../test-fixtures/sample-pivot';
import { basicRowKey, modelFromResult } from './grid-model-basic';

const field = (id: string) => ({ field: id, level: id, label: id, levelLabel: id, drillable: false, showCodes: false, role: null });
const cell = { value: 10, suppressed: false };

// Two row fields; `rows` chooses which headers the result holds.
const nested = (rows: PivotResponse['rows']): PivotResponse => ({
  ...samplePivot,
  rowFields: [field('a'), field('b')],
  measures: samplePivot.measures.slice(0, 1),
  rows,
  cells: rows.map(() => samplePivot.columns.map(() => [cell])),
});

describe('modelFromResult', () => {
  it('keeps the rows, every column and plain values', () => {
    const model = modelFromResult(samplePivot);
    expect(model.rows.map((r) => [r.key, r.kind, r.indent, r.parentKey])).toEqual([
      ['["elective"]', 'leaf', 0, '[]'], ['["emergency"]', 'leaf', 0, '[]'], ['[]', 'total', 0, undefined],
    ]);
    expect(model.columns).toEqual([0, 1, 2]);
    expect(model.percent).toEqual([false, false]);
    expect(model.rows[1]?.cells).toBe(samplePivot.cells[1]);
    expect(model.rows[0]?.expand).toBeUndefined();
  });

  it('tells subtotals from leaves, and finds the nearest parent the result holds', () => {
    const withTotals = modelFromResult(nested([
      { codes: ['x'], labels: ['X'], depth: 1 }, { codes: ['x', 'p'], labels: ['X', 'P'], depth: 2 }, { codes: [], labels: [], depth: 0 },
    ]));
    expect(withTotals.rows.map((r) => [r.kind, r.parentKey])).toEqual([['subtotal', '[]'], ['leaf', '["x"]'], ['total', undefined]]);
    // Totals off: no subtotal or total rows, so a leaf has no parent to return to.
    const bare = modelFromResult(nested([{ codes: ['x', 'p'], labels: ['X', 'P'], depth: 2 }]));
    expect(bare.rows[0]?.parentKey).toBeUndefined();
  });

  it('marks the top-N remainder row as other', () => {
    const model = modelFromResult(nested([{ codes: ['__other__'], labels: ['Other'], depth: 1, other: true }, { codes: [], labels: [], depth: 0 }]));
    expect(model.rows[0]?.kind).toBe('other');
    expect(basicRowKey(['a', 'b'])).not.toBe(basicRowKey(['a\u0001b']));
  });
});
