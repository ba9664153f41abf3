// What a published table tells an attacker about the true counts behind it, read from the wire
// format alone: hes-2018 rounds counts to the nearest 5 (true within ±2, and at least 8 when shown
// as 10 or more), shows 0 only for 0, and a * hides a count of at least 1 (secondary suppression
// may hide any non-zero count, so no upper bound).
import type { Cell, Header, PivotResult } from '../../shared/result/pivot-result';

export interface Bounds {
  readonly lo: number;
  /** May be Infinity. */
  readonly hi: number;
}

export const ROUNDING_HALF_WIDTH = 2;
/** The largest count a policy suppresses as small; the attacker may assume a small target is 1–7
 *  (it could ask for it directly and see it suppressed). */
export const SMALL_MAX = 7;
/** Used when the policy summary does not state its protection width. */
export const DEFAULT_PROTECTION_WIDTH = 4;

export function countBounds(cell: Cell): Bounds {
  if (cell.suppressed) return { lo: 1, hi: Infinity };
  if (cell.value === null) return { lo: 0, hi: Infinity };
  if (cell.value === 0) return { lo: 0, hi: 0 };
  const lo = Math.max(0, cell.value - ROUNDING_HALF_WIDTH);
  return { lo: cell.value >= 10 ? Math.max(SMALL_MAX + 1, lo) : lo, hi: cell.value + ROUNDING_HALF_WIDTH };
}

/** The policy's protection width (the minimum feasible-interval width of a hidden count). */
export function protectionWidth(result: PivotResult): number {
  const width = (result.policy as { protectionWidth?: unknown }).protectionWidth;
  return typeof width === 'number' && Number.isFinite(width) ? width : DEFAULT_PROTECTION_WIDTH;
}

export const sameCodes = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);

export function cellOf(result: PivotResult, rowCodes: readonly string[], colCodes: readonly string[], measure: number): Cell | undefined {
  const r = result.rows.findIndex((h) => h.other !== true && sameCodes(h.codes, rowCodes));
  const c = result.columns.findIndex((h) => sameCodes(h.codes, colCodes));
  return r < 0 || c < 0 ? undefined : result.cells[r]?.[c]?.[measure];
}

/** Every (row, column) pair of a result with its cells. */
export function* eachCell(result: PivotResult): Generator<{ row: Header; column: Header; cells: readonly Cell[] }> {
  for (const [r, row] of result.rows.entries()) {
    for (const [c, column] of result.columns.entries()) yield { row, column, cells: result.cells[r]![c]! };
  }
}

/** Share of the first measure's cells (margins included) that are suppressed. */
export function suppressedShare(result: PivotResult): number {
  const cells = [...eachCell(result)];
  return cells.length === 0 ? 0 : cells.filter((x) => x.cells[0]?.suppressed === true).length / cells.length;
}

/** Digits after the decimal point a published statistic shows (so its rounding error is at most
 *  half a unit of the last one): sound whatever precision the policy chose, since trailing zeros
 *  only hide digits that were rounded to zero. */
export function decimalsShown(value: number): number {
  for (let k = 0; k <= 12; k++) {
    const scale = 10 ** k;
    if (Math.abs(Math.round(value * scale) / scale - value) <= 1e-9 * Math.max(1, Math.abs(value))) return k;
  }
  return 12;
}
