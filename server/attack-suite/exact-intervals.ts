// The exact LP interval of shared/disclosure/feasible-interval.ts (written with the new disclosure
// control), loaded at run time when present so the suite also runs against code that predates it.
// Both it and the suite's own propagation are sound, so the attackers use their intersection.

/** The shape of shared/disclosure/linear-program.ts's LinearProgram, repeated so this file
 *  compiles whether or not that module exists yet. */
export interface LinearProgram {
  readonly variables: number;
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly constraints: readonly { readonly terms: readonly { readonly index: number; readonly coef: number }[]; readonly op: '=' | '<=' | '>='; readonly rhs: number }[];
}

export type FeasibleInterval = (lp: LinearProgram, index: number) => { min: number; max: number } | 'infeasible';

// A computed specifier keeps the compiler (and a missing file) out of it; resolved from here.
const SHARED_LP = new URL('../../shared/disclosure/feasible-interval.ts', import.meta.url).href;

let loading: Promise<FeasibleInterval | undefined> | undefined;

export function loadSharedLp(): Promise<FeasibleInterval | undefined> {
  loading ??= import(/* @vite-ignore */ SHARED_LP).then(
    (mod: unknown) => {
      const fn = (mod as { feasibleInterval?: unknown }).feasibleInterval;
      return typeof fn === 'function' ? (fn as FeasibleInterval) : undefined;
    },
    () => undefined,
  );
  return loading;
}
