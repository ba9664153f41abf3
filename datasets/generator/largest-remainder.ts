// Quota allocation: split an integer total over weighted cells so the parts sum exactly to the
// total (hes-data.md §6.2). Used at every level of the generator so calibration holds by construction.

/**
 * Hamilton's largest-remainder method: floor each exact quota, then hand the leftover units to
 * the largest fractional parts (ties go to the earlier cell, so the result is deterministic).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`allocate: total must be a non-negative integer, got ${total}`);
  const sum = weights.reduce((a, w) => {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`allocate: weights must be finite and >= 0, got ${w}`);
    return a + w;
  }, 0);
  if (weights.length === 0 || total === 0) return weights.map(() => 0);
  if (sum === 0) throw new RangeError('allocate: weights sum to zero but the total is positive');
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x), w: weights[i] ?? 0 }))
    .filter((c) => c.w > 0)
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const cell = order[k];
    if (cell) parts[cell.i] = (parts[cell.i] ?? 0) + 1;
  }
  return parts;
}

/** Rounds a published value × scale to a whole count (targets are whole records). */
export function scaledCount(published: number, scale: number): number {
  return Math.round(published * scale);
}

/**
 * An integer table with exactly the given row and column totals (which must have equal sums),
 * close to the independence table rowTotal × colTotal / total. Rows are filled in order, each
 * split in proportion to what the columns still need, so the last row closes every column.
 * Used where the cells are small: allocating each row alone would round the same way every time.
 */
export function allocateTable(rowTotals: readonly number[], colTotals: readonly number[]): number[][] {
  const rowSum = rowTotals.reduce((a, b) => a + b, 0);
  const colSum = colTotals.reduce((a, b) => a + b, 0);
  if (rowSum !== colSum) throw new RangeError(`allocateTable: rows sum to ${rowSum}, columns to ${colSum}`);
  const remaining = [...colTotals];
  return rowTotals.map((r) => {
    if (r === 0) return remaining.map(() => 0);
    const parts = allocate(r, remaining);
    parts.forEach((p, j) => { remaining[j] = (remaining[j] ?? 0) - p; });
    return parts;
  });
}
