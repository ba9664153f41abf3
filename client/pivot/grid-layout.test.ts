import { useTable } from '@tanstack/react-table';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PivotResponse } from '../api/api-types';
import { samplePivot } from '../test-fixtures/sample-pivot';
import { modelFromResult } from './grid-model-basic';
import { headerRowPieces, placeHeaders, segmentsOf, slotLookup, spanOf, withLeadingRun, withPinnedIndex, type HeaderSlot } from './grid-layout';
import { twoColumnFieldPivot } from './grid-test-pivots';
import { buildPivotColumns, pivotFeatures } from './pivot-columns';

interface Placed { readonly id: string; readonly label: string }

/** TanStack's own header groups for a result, placed; captured by rendering once on the server. */
function placedHeaders(result: PivotResponse): { groups: number; slots: HeaderSlot<Placed>[] } {
  let captured: { groups: number; slots: HeaderSlot<Placed>[] } = { groups: 0, slots: [] };
  function Capture() {
    const table = useTable({ features: pivotFeatures, columns: buildPivotColumns(result), data: modelFromResult(result).rows });
    const groups = table.getHeaderGroups();
    captured = {
      groups: groups.length,
      slots: placeHeaders(groups).map((s) => ({ ...s, header: { id: s.header.column.id, label: String(s.header.column.columnDef.header) } })),
    };
    return null;
  }
  renderToStaticMarkup(createElement(Capture));
  return captured;
}

const outline = (slots: readonly HeaderSlot<Placed>[]) => slots.map((s) => `${s.row}:${s.col}+${s.colSpan}x${s.rowSpan} ${s.header.label}`);

describe('placeHeaders', () => {
  it('places the sample: a row-field heading over both header rows, groups over their measures', () => {
    const { groups, slots } = placedHeaders(samplePivot);
    expect(groups).toBe(2);
    expect(outline(slots)).toEqual([
      '0:0+1x2 Admission method group', '0:1+2x1 Male', '0:3+2x1 Female', '0:5+2x1 Total',
      '1:1+1x1 Finished consultant episodes', '1:2+1x1 Mean length of stay (days)',
      '1:3+1x1 Finished consultant episodes', '1:4+1x1 Mean length of stay (days)',
      '1:5+1x1 Finished consultant episodes', '1:6+1x1 Mean length of stay (days)',
    ]);
  });

  it('stacks the grand total\'s measure headings over two rows where the tree is uneven', () => {
    const { groups, slots } = placedHeaders(twoColumnFieldPivot());
    expect(groups).toBe(3);
    const rows = [0, 1, 2].map((y) => outline(slots.filter((s) => s.row === y)));
    expect(rows[0]).toEqual(['0:0+1x3 Admission method group', '0:1+6x1 Male', '0:7+6x1 Female', '0:13+2x1 Total']);
    expect(rows[1]).toEqual(['1:1+2x1 Young', '1:3+2x1 Old', '1:5+2x1 Total', '1:7+2x1 Young', '1:9+2x1 Old', '1:11+2x1 Total',
      '1:13+1x2 Finished consultant episodes', '1:14+1x2 Admissions']);
    expect(rows[2]).toHaveLength(12);
    // Every column of every header row is covered exactly once.
    const covered = new Map<string, number>();
    for (const s of slots) for (let r = s.row; r < s.row + s.rowSpan; r++) for (let c = s.col; c < s.col + s.colSpan; c++) covered.set(`${r}:${c}`, (covered.get(`${r}:${c}`) ?? 0) + 1);
    expect(covered.size).toBe(3 * 15);
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('segmentsOf', () => {
  it('turns rendered indexes into runs and gaps covering every index once', () => {
    expect(segmentsOf([3, 4, 5], 10)).toEqual([{ kind: 'gap', from: 0, to: 3 }, { kind: 'run', from: 3, to: 6 }, { kind: 'gap', from: 6, to: 10 }]);
    expect(segmentsOf([0, 1], 2)).toEqual([{ kind: 'run', from: 0, to: 2 }]);
    expect(segmentsOf([], 3)).toEqual([{ kind: 'gap', from: 0, to: 3 }]);
    expect(segmentsOf([], 0)).toEqual([]);
  });

  it('keeps a pinned index apart from the window, in order, ignoring duplicates and strays', () => {
    expect(segmentsOf([9, 2, 3, 3, 12, -1], 10)).toEqual([
      { kind: 'gap', from: 0, to: 2 }, { kind: 'run', from: 2, to: 4 }, { kind: 'gap', from: 4, to: 9 }, { kind: 'run', from: 9, to: 10 },
    ]);
  });

  it('adds the focused index to the rendered ones, in order', () => {
    expect(withPinnedIndex([10, 11, 12], 3, 100)).toEqual([3, 10, 11, 12]);
    expect(withPinnedIndex([10, 11, 12], 11, 100)).toEqual([10, 11, 12]);
    expect(withPinnedIndex([10, 11], undefined, 100)).toEqual([10, 11]);
    expect(withPinnedIndex([10, 11], 100, 100)).toEqual([10, 11]);
  });

  it('puts the always-rendered row-header columns first', () => {
    expect(withLeadingRun([{ kind: 'gap', from: 0, to: 2 }, { kind: 'run', from: 2, to: 3 }], 2)).toEqual([
      { kind: 'run', from: 0, to: 2 }, { kind: 'gap', from: 2, to: 4 }, { kind: 'run', from: 4, to: 5 },
    ]);
  });
});

describe('headerRowPieces', () => {
  const { slots } = placedHeaders(twoColumnFieldPivot());
  const pieces = (row: number, valueIndexes: number[]) => headerRowPieces(slots, row, withLeadingRun(segmentsOf(valueIndexes, 14), 1))
    .map((p) => (p.kind === 'gap' ? `gap ${p.from}-${p.to}` : `${p.slot.header.label} @${p.col}+${p.colSpan}`));

  it('clips a group heading to the columns in view', () => {
    // Value columns 4–8 in view = grid columns 5–9: the end of Male, the start of Female.
    expect(pieces(0, [4, 5, 6, 7, 8])).toEqual(['Admission method group @0+1', 'gap 1-5', 'Male @5+2', 'Female @7+3', 'gap 10-15']);
    expect(pieces(1, [4, 5, 6, 7, 8])).toEqual(['gap 1-5', 'Total @5+2', 'Young @7+2', 'Old @9+1', 'gap 10-15']);
  });

  it('splits a heading across a gap when a pinned column lies far off', () => {
    expect(pieces(0, [0, 1, 5])).toEqual(['Admission method group @0+1', 'Male @1+2', 'gap 3-6', 'Male @6+1', 'gap 7-15']);
  });

  it('leaves out cells covered from the row above', () => {
    // Row 2 under the grand total is covered by the stacked measure headings of row 1, and
    // column 0 by the row-field heading of row 0: only the gap is left to render.
    expect(pieces(2, [12, 13])).toEqual(['gap 1-13']);
    expect(pieces(2, [0, 1])).toEqual(['Finished consultant episodes @1+1', 'Admissions @2+1', 'gap 3-15']);
  });
});

describe('slotLookup and spanOf', () => {
  const { groups, slots } = placedHeaders(samplePivot);
  const slotAt = slotLookup(slots, groups, 7);

  it('finds the heading covering a header position', () => {
    expect(slotAt({ row: 1, col: 0 })?.header.label).toBe('Admission method group');
    expect(spanOf(slotAt({ row: 0, col: 4 }), { row: 0, col: 4 })).toEqual({ rowStart: 0, rowEnd: 1, colStart: 3, colEnd: 5 });
  });

  it('treats body positions as single cells', () => {
    expect(slotAt({ row: 2, col: 0 })).toBeUndefined();
    expect(spanOf(slotAt({ row: 3, col: 5 }), { row: 3, col: 5 })).toEqual({ rowStart: 3, rowEnd: 4, colStart: 5, colEnd: 6 });
  });
});
