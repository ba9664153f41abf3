// Interval reasoning over integer counts: bounds propagation of linear range constraints to a
// fixpoint. Every step keeps every integer solution, so the result is a sound (outer) interval
// that needs no LP; the LP of shared/disclosure (see exact-intervals.ts) can only tighten it.

export interface Term {
  readonly index: number;
  readonly coef: number;
}

/** lo ≤ Σ coef·x ≤ hi (either side may be infinite). */
export interface RangeConstraint {
  readonly terms: readonly Term[];
  readonly lo: number;
  readonly hi: number;
}

const EPS = 1e-9;

/** Constraint indices per variable, so a changed bound revisits only what it touches. */
export function constraintsByVariable(variables: number, constraints: readonly RangeConstraint[]): number[][] {
  const byVar: number[][] = Array.from({ length: variables }, () => []);
  constraints.forEach((c, k) => { for (const t of c.terms) byVar[t.index]!.push(k); });
  return byVar;
}

/**
 * Tightens `lo`/`hi` (integer bounds; lo finite, hi may be Infinity) in place until no constraint
 * can tighten them further or a work budget runs out (the bounds stay sound either way). `start`
 * limits the first pass to some constraints (those a new bound touches). False when infeasible.
 */
export function propagate(
  constraints: readonly RangeConstraint[], byVar: readonly (readonly number[])[],
  lo: Float64Array, hi: Float64Array, start?: Iterable<number>,
): boolean {
  const queue: number[] = [];
  const queued = new Uint8Array(constraints.length);
  const push = (k: number) => { if (!queued[k]) { queued[k] = 1; queue.push(k); } };
  for (const k of start ?? constraints.keys()) push(k);
  let budget = 400 * constraints.length + 10_000;
  for (let head = 0; head < queue.length; head++) {
    if (--budget < 0) break;
    const k = queue[head]!;
    queued[k] = 0;
    const c = constraints[k]!;
    // Activity bounds, counting infinite parts apart so "others" can subtract one's own part.
    let minFin = 0, minInf = 0, maxFin = 0, maxInf = 0;
    for (const { index, coef } of c.terms) {
      const a = coef > 0 ? coef * lo[index]! : coef * hi[index]!;
      const b = coef > 0 ? coef * hi[index]! : coef * lo[index]!;
      if (Number.isFinite(a)) minFin += a; else minInf += 1;
      if (Number.isFinite(b)) maxFin += b; else maxInf += 1;
    }
    if ((minInf === 0 && minFin > c.hi + EPS) || (maxInf === 0 && maxFin < c.lo - EPS)) return false;
    for (const { index, coef } of c.terms) {
      const a = coef > 0 ? coef * lo[index]! : coef * hi[index]!;
      const b = coef > 0 ? coef * hi[index]! : coef * lo[index]!;
      const othersMin = minInf - (Number.isFinite(a) ? 0 : 1) > 0 ? -Infinity : minFin - (Number.isFinite(a) ? a : 0);
      const othersMax = maxInf - (Number.isFinite(b) ? 0 : 1) > 0 ? Infinity : maxFin - (Number.isFinite(b) ? b : 0);
      const low = c.lo - othersMax; // coef·x ≥ low
      const high = c.hi - othersMin; // coef·x ≤ high
      const newLo = Math.ceil((coef > 0 ? low / coef : high / coef) - EPS);
      const newHi = Math.floor((coef > 0 ? high / coef : low / coef) + EPS);
      let changed = false;
      if (Number.isFinite(newLo) && newLo > lo[index]!) { lo[index] = newLo; changed = true; }
      if (newHi < hi[index]!) { hi[index] = newHi; changed = true; }
      if (lo[index]! > hi[index]!) return false;
      if (changed) for (const j of byVar[index]!) if (j !== k) push(j);
    }
  }
  return true;
}
