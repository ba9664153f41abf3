import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from './pivot-result';
import { showAsShares, type MeasureKind, type ShowAs, type ShowAsInput } from './show-as';

const v = (value: number | null): Cell => ({ value, suppressed: false });
const STAR: Cell = { value: null, suppressed: true };
const MODES: readonly ShowAs[] = ['value', 'row', 'column', 'total', 'parent'];

// Rows: 0 = A, 1 = A/x, 2 = A/y, 3 = grand total. Columns: 0 = Male, 1 = Female, 2 = total.
// Measures: FCEs (count), median LOS (statistic).
const grid: ShowAsInput = {
  cells: [
    [[v(40), v(3)], [v(60), v(4)], [v(100), v(3.5)]],
    [[v(10), v(2)], [STAR, STAR], [v(15), v(2)]],
    [[v(30), v(3)], [v(0), v(null)], [v(85), v(4)]],
    [[v(200), v(3)], [v(0), v(null)], [v(400), v(3)]],
  ],
  rowParent: [3, 0, 0, null],
  totalRow: 3,
  totalColumn: 2,
  measureKinds: ['count', 'statistic'],
};
const values = (out: ReturnType<typeof showAsShares>, m: number) =>
  out.cells.map((row) => row.map((cell) => (cell[m]!.suppressed ? '*' : cell[m]!.value)));

describe('showAsShares', () => {
  it('shows values unchanged, with no measure as a percentage', () => {
    const out = showAsShares(grid, 'value');
    expect(out.percent).toEqual([false, false]);
    expect(out.cells).toEqual(grid.cells);
  });

  it('divides by the row total, the column total, the grand total and the parent row', () => {
    expect(values(showAsShares(grid, 'row'), 0)).toEqual([[40, 60, 100], [1000 / 15, '*', 100], [3000 / 85, 0, 100], [50, 0, 100]]);
    expect(values(showAsShares(grid, 'column'), 0)).toEqual([[20, null, 25], [5, '*', 3.75], [15, null, 21.25], [100, null, 100]]);
    expect(values(showAsShares(grid, 'total'), 0)).toEqual([[10, 15, 25], [2.5, '*', 3.75], [7.5, 0, 21.25], [50, 0, 100]]);
    expect(values(showAsShares(grid, 'parent'), 0)).toEqual([[20, null, 25], [25, '*', 15], [75, 0, 85], [100, null, 100]]);
    expect(showAsShares(grid, 'parent').percent).toEqual([true, false]);
  });

  it('suppresses a share of a suppressed denominator unless the numerator is 0', () => {
    const cells = [[[v(0)], [v(20)], [STAR]], [[v(0)], [v(20)], [STAR]]];
    const out = showAsShares({ cells, rowParent: [null, 0], totalRow: undefined, totalColumn: 2, measureKinds: ['sum'] }, 'row');
    expect(values(out, 0)).toEqual([[0, '*', '*'], [0, '*', '*']]);
    // No total column: no denominator, so an empty share (not a suppressed one).
    const none = showAsShares({ cells, rowParent: [null, 0], totalRow: undefined, totalColumn: undefined, measureKinds: ['sum'] }, 'row');
    expect(values(none, 0)).toEqual([[null, null, '*'], [null, null, '*']]);
    // A parentless row other than the grand total has no share; the parent's own 0 gives none.
    expect(values(showAsShares({ cells, rowParent: [null, 0], totalRow: undefined, totalColumn: 2, measureKinds: ['sum'] }, 'parent'), 0))
      .toEqual([[null, null, '*'], [null, 100, '*']]);
  });
});

// Property tests over random protected grids.
const arbCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(STAR),
  fc.constant(v(null)),
  fc.constant(v(0)),
  fc.nat({ max: 20_000 }).map((n) => v(5 * n)),
  fc.double({ min: 0, max: 1000, noNaN: true }).map(v),
);
const arbGrid: fc.Arbitrary<ShowAsInput> = fc.record({
  rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 4 }),
  kinds: fc.array(fc.constantFrom<MeasureKind>('count', 'sum', 'ratio', 'statistic'), { minLength: 1, maxLength: 3 }),
}).chain(({ rows, cols, kinds }) => fc.record({
  cells: fc.array(fc.array(fc.array(arbCell, { minLength: kinds.length, maxLength: kinds.length }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  rowParent: fc.array(fc.option(fc.nat({ max: rows - 1 }), { nil: null }), { minLength: rows, maxLength: rows }),
  totalRow: fc.option(fc.nat({ max: rows - 1 }), { nil: undefined }),
  totalColumn: fc.option(fc.nat({ max: cols - 1 }), { nil: undefined }),
  measureKinds: fc.constant(kinds),
}));

describe('showAsShares properties', () => {
  it('never un-suppresses, and never gives a value to a suppressed numerator', () => {
    fc.assert(fc.property(arbGrid, fc.constantFrom(...MODES), (input, mode) => {
      const out = showAsShares(input, mode);
      input.cells.forEach((row, r) => row.forEach((cell, c) => cell.forEach((before, m) => {
        const after = out.cells[r]![c]![m]!;
        if (before.suppressed) expect(after).toEqual(STAR);
        if (after.suppressed) expect(after.value).toBeNull();
      })));
    }));
  });

  it('leaves ratios and statistics exactly as they were', () => {
    fc.assert(fc.property(arbGrid, fc.constantFrom(...MODES), (input, mode) => {
      const out = showAsShares(input, mode);
      input.measureKinds.forEach((kind, m) => {
        expect(out.percent[m]).toBe(mode !== 'value' && (kind === 'count' || kind === 'sum'));
        if (kind === 'ratio' || kind === 'statistic') {
          input.cells.forEach((row, r) => row.forEach((cell, c) => expect(out.cells[r]![c]![m]).toEqual(cell[m])));
        }
      });
    }));
  });

  it("gives a parent's children shares that add up to their protected sum over the parent", () => {
    const arb = fc.record({
      parent: fc.integer({ min: 2, max: 100_000 }).map((n) => 5 * n),
      children: fc.array(fc.nat({ max: 20_000 }).map((n) => 5 * n), { minLength: 1, maxLength: 12 }),
    });
    fc.assert(fc.property(arb, ({ parent, children }) => {
      const input: ShowAsInput = {
        cells: [[[v(parent)]], ...children.map((c) => [[v(c)]])],
        rowParent: [null, ...children.map(() => 0)],
        totalRow: 0, totalColumn: 0, measureKinds: ['count'],
      };
      const out = showAsShares(input, 'parent');
      const shares = out.cells.slice(1).map((row) => row[0]![0]!.value!);
      const expected = (100 * children.reduce((a, b) => a + b, 0)) / parent;
      expect(Math.abs(shares.reduce((a, b) => a + b, 0) - expected)).toBeLessThan(1e-9 * Math.max(1, expected));
      expect(out.cells[0]![0]![0]).toEqual(v(100));
    }));
  });
});
