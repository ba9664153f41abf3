import { describe, expect, it } from 'vitest';
import { clampPos, gridKeyAction, type CellSpan, type GridDims, type GridPos, type KeyInput } from './grid-keyboard';

// A grid of 2 header rows and 3 body rows over 1 row-header column and 4 value columns:
// row-field heading at (0..1, 0); group "Male" over columns 1–2 and "Total" over 3–4 in row 0.
const spans: CellSpan[] = [
  { rowStart: 0, rowEnd: 2, colStart: 0, colEnd: 1 },
  { rowStart: 0, rowEnd: 1, colStart: 1, colEnd: 3 },
  { rowStart: 0, rowEnd: 1, colStart: 3, colEnd: 5 },
];
const dims: GridDims = {
  rowCount: 5,
  colCount: 5,
  pageRows: 2,
  spanAt: (p) => spans.find((s) => p.row >= s.rowStart && p.row < s.rowEnd && p.col >= s.colStart && p.col < s.colEnd)
    ?? { rowStart: p.row, rowEnd: p.row + 1, colStart: p.col, colEnd: p.col + 1 },
};
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const moveTo = (from: GridPos, k: KeyInput) => {
  const action = gridKeyAction(from, k, dims);
  return action.kind === 'move' ? action.to : action;
};

describe('gridKeyAction', () => {
  it('steps over a spanned heading with the arrows', () => {
    expect(moveTo({ row: 0, col: 0 }, key('ArrowRight'))).toEqual({ row: 0, col: 1 });
    expect(moveTo({ row: 0, col: 1 }, key('ArrowRight'))).toEqual({ row: 0, col: 3 });
    expect(moveTo({ row: 0, col: 3 }, key('ArrowLeft'))).toEqual({ row: 0, col: 2 });
    // Down from the two-row row-field heading lands on the first body row.
    expect(moveTo({ row: 0, col: 0 }, key('ArrowDown'))).toEqual({ row: 2, col: 0 });
    expect(moveTo({ row: 2, col: 0 }, key('ArrowUp'))).toEqual({ row: 1, col: 0 });
    // Up from a leaf heading under "Total" reaches the group, keeping the column.
    expect(moveTo({ row: 1, col: 4 }, key('ArrowUp'))).toEqual({ row: 0, col: 4 });
  });

  it('stays put at the edges', () => {
    expect(moveTo({ row: 0, col: 0 }, key('ArrowLeft'))).toEqual({ row: 0, col: 0 });
    expect(moveTo({ row: 0, col: 0 }, key('ArrowUp'))).toEqual({ row: 0, col: 0 });
    expect(moveTo({ row: 4, col: 4 }, key('ArrowDown'))).toEqual({ row: 4, col: 4 });
    expect(moveTo({ row: 4, col: 4 }, key('ArrowRight'))).toEqual({ row: 4, col: 4 });
  });

  it('goes to the row ends with Home and End, and the grid ends with Ctrl or Cmd', () => {
    expect(moveTo({ row: 3, col: 2 }, key('Home'))).toEqual({ row: 3, col: 0 });
    expect(moveTo({ row: 3, col: 2 }, key('End'))).toEqual({ row: 3, col: 4 });
    expect(moveTo({ row: 3, col: 2 }, key('Home', { ctrlKey: true }))).toEqual({ row: 0, col: 0 });
    expect(moveTo({ row: 1, col: 2 }, key('End', { metaKey: true }))).toEqual({ row: 4, col: 4 });
  });

  it('pages by pageRows and stops at the first and last rows', () => {
    expect(moveTo({ row: 2, col: 1 }, key('PageDown'))).toEqual({ row: 4, col: 1 });
    expect(moveTo({ row: 3, col: 1 }, key('PageDown'))).toEqual({ row: 4, col: 1 });
    expect(moveTo({ row: 4, col: 1 }, key('PageUp'))).toEqual({ row: 2, col: 1 });
    expect(moveTo({ row: 3, col: 1 }, key('PageUp'))).toEqual({ row: 1, col: 1 });
    // From the spanned row-field heading, PageDown counts from its last row.
    expect(moveTo({ row: 0, col: 0 }, key('PageDown'))).toEqual({ row: 3, col: 0 });
  });

  it('asks for activation and escape, and leaves other keys to the browser', () => {
    expect(gridKeyAction({ row: 1, col: 1 }, key('Enter'), dims)).toEqual({ kind: 'activate', via: 'enter' });
    expect(gridKeyAction({ row: 1, col: 1 }, key(' '), dims)).toEqual({ kind: 'activate', via: 'space' });
    expect(gridKeyAction({ row: 3, col: 1 }, key('Escape'), dims)).toEqual({ kind: 'escape' });
    expect(gridKeyAction({ row: 3, col: 1 }, key('Tab'), dims)).toEqual({ kind: 'none' });
    expect(gridKeyAction({ row: 3, col: 1 }, key('a'), dims)).toEqual({ kind: 'none' });
    expect(gridKeyAction({ row: 3, col: 1 }, key('ArrowDown', { altKey: true }), dims)).toEqual({ kind: 'none' });
    expect(gridKeyAction({ row: 3, col: 1 }, key('ArrowDown', { ctrlKey: true }), dims)).toEqual({ kind: 'none' });
  });

  it('does nothing in an empty grid and clamps positions into the grid', () => {
    expect(gridKeyAction({ row: 0, col: 0 }, key('ArrowDown'), { ...dims, rowCount: 0 })).toEqual({ kind: 'none' });
    expect(clampPos({ row: 9, col: -1 }, dims)).toEqual({ row: 4, col: 0 });
    expect(clampPos({ row: 3, col: 3 }, { rowCount: 0, colCount: 0 })).toEqual({ row: 0, col: 0 });
  });
});
