// The interval a hidden cell can take given everything a table publishes: the question a
// disclosure audit asks of every suppressed cell, answered by two linear programs.
import { maximize, minimize, type LinearProgram } from './linear-program';

/** The exact range of x[index] over every point satisfying lp (LP relaxation). For the integer
 *  tables we audit (consecutive-ones / network-like matrices with integer data) the LP bounds are
 *  integral; we round inward (ceil the min, floor the max) with a tolerance. `max` is Infinity
 *  when x[index] is unbounded above. 'infeasible' when no point satisfies lp, or when no integer
 *  lies between the LP bounds (then no integer table fits either). See {@link LinearProgram}. */
export function feasibleInterval(lp: LinearProgram, index: number): { min: number; max: number } | 'infeasible' {
  const target = [{ index, coef: 1 }];
  const low = minimize(lp, target);
  if (low.kind === 'infeasible') return 'infeasible';
  const high = maximize(lp, target);
  if (high.kind === 'infeasible') return 'infeasible'; // only if rounding noise flips the verdict
  const min = low.kind === 'optimal' ? Math.ceil(low.value - slack(low.value)) : -Infinity;
  const max = high.kind === 'optimal' ? Math.floor(high.value + slack(high.value)) : Infinity;
  // `+ 0` turns the -0 that Math.ceil(-1e-7) gives into 0, so callers never print "-0".
  return min <= max ? { min: min + 0, max: max + 0 } : 'infeasible';
}

/** How far a float optimum may sit from the integer it stands for: 4.9999999997 is 5, and the
 *  allowance grows with magnitude because totals reach 10^8. */
function slack(value: number): number {
  return 1e-6 + 1e-10 * Math.abs(value);
}
