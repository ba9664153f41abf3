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

/**
 * Systematic rounding: cell i gets floor(C_i + offset) - floor(C_{i-1} + offset), where C_i is
 * the cumulative exact quota. Parts sum exactly to the total and each is the floor or ceiling of
 * its quota; unlike largest remainder, small totals spread over many cells stay unbiased when
 * the offset (0 ≤ offset < 1) differs between calls.
 */
export function allocateSystematic(total: number, weights: readonly number[], offset: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`allocateSystematic: bad total ${total}`);
  if (!(offset >= 0 && offset < 1)) throw new RangeError(`allocateSystematic: offset must be in [0, 1), got ${offset}`);
  const sum = weights.reduce((a, w) => a + w, 0);
  if (total === 0) return weights.map(() => 0);
  if (!(sum > 0)) throw new RangeError('allocateSystematic: weights sum to zero but the total is positive');
  let cumulative = 0;
  let previous = Math.floor(offset);
  return weights.map((w, i) => {
    cumulative += (w / sum) * total;
    const edge = i === weights.length - 1 ? total + Math.floor(offset) : Math.floor(cumulative + offset + 1e-9);
    const part = Math.max(0, edge - previous);
    previous = Math.max(previous, edge);
    return part;
  });
}
