// "Show as" shares: each count or sum as a percentage of its row, column, grand total or parent
// row. Computed from protected (rounded) figures only, so a share reveals nothing the two cells
// it divides do not (hes-data.md §5.1 rule 7); ratios and statistics are not additive and pass through.
import type { Cell } from './pivot-result';

/** What a cell shows: its value, or a count or sum as a % of its row / column / grand total / parent row. */
export type ShowAs = 'value' | 'row' | 'column' | 'total' | 'parent';

export type MeasureKind = 'count' | 'sum' | 'ratio' | 'statistic';

export interface ShowAsInput {
  /** cells[row][column][measure], protected. */
  readonly cells: readonly (readonly (readonly Cell[])[])[];
  /** Index of each row's parent row; null for the grand total or when unknown. */
  readonly rowParent: readonly (number | null)[];
  /** Index of the grand-total row, if the rows hold one. */
  readonly totalRow: number | undefined;
  /** Index of the grand-total column, if the columns hold one. */
  readonly totalColumn: number | undefined;
  readonly measureKinds: readonly MeasureKind[];
}

export interface ShowAsOutput {
  /** cells[row][column][measure]: percentages (0–100, unrounded) where percent[measure]. */
  readonly cells: Cell[][][];
  /** Per measure: true when its cells now hold percentages. */
  readonly percent: boolean[];
}

const isAdditive = (kind: MeasureKind) => kind === 'count' || kind === 'sum';

/**
 * Turns protected cells into shares for {@link ShowAs} `showAs`. Only count and sum measures
 * change; a suppressed numerator stays suppressed, and a suppressed denominator suppresses the
 * share unless the numerator is 0 (0 of anything is 0%).
 */
export function showAsShares(input: ShowAsInput, showAs: ShowAs): ShowAsOutput {
  const percent = input.measureKinds.map((k) => showAs !== 'value' && isAdditive(k));
  const at = (r: number | null | undefined, c: number | undefined, m: number): Cell | undefined =>
    r === null || r === undefined || c === undefined ? undefined : input.cells[r]?.[c]?.[m];

  const denominator = (r: number, c: number, m: number): Cell | undefined => {
    switch (showAs) {
      case 'value': return undefined;
      case 'row': return at(r, input.totalColumn, m);
      case 'column': return at(input.totalRow, c, m);
      case 'total': return at(input.totalRow, input.totalColumn, m);
      case 'parent': {
        const parent = input.rowParent[r] ?? null;
        // The grand total is 100% of itself; any other row without a parent has no share.
        if (parent === null) return r === input.totalRow ? at(r, c, m) : undefined;
        return at(parent, c, m);
      }
      default: { const never: never = showAs; throw new Error(`unhandled show-as ${String(never)}`); }
    }
  };

  const cells = input.cells.map((row, r) => row.map((cell, c) => cell.map((value, m) =>
    (percent[m] ? share(value, denominator(r, c, m)) : { value: value.value, suppressed: value.suppressed }))));
  return { cells, percent };
}

/** 100 × num / den from protected parts, with the suppression rules of ratios. */
function share(num: Cell, den: Cell | undefined): Cell {
  if (num.suppressed) return { value: null, suppressed: true };
  if (num.value === null) return { value: null, suppressed: false };
  if (den === undefined) return { value: null, suppressed: false };
  if (den.suppressed) return num.value === 0 ? { value: 0, suppressed: false } : { value: null, suppressed: true };
  if (den.value === null || den.value === 0) return { value: null, suppressed: false };
  return { value: (100 * num.value) / den.value, suppressed: false };
}
