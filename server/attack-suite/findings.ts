// What each attack scenario found, and the judgement of a target's interval: the suite fails
// when any small target is pinned tighter than the policy's protection width, when a value is
// published for 1–7 records, or when the same population gets two different published values.
import type { Bounds } from './published-cells';
import type { DatasetId } from './truth';

export type FamilyId =
  | 'F1 sibling differencing' | 'F2 narrow filter' | 'F3 code list ± one code' | 'F4 overlapping months'
  | 'F5 trackers' | 'F6 repeats and re-phrasings' | 'F7 drill vs parent' | 'F8 top-N Other'
  | 'F9 means into counts' | 'F10 any-position totals';

export interface Failure {
  readonly family: FamilyId;
  readonly dataset: DatasetId;
  readonly seed: number;
  readonly kind: 'interval' | 'published-small' | 'inconsistent' | 'model';
  readonly target: string;
  /** The true count (test output only). */
  readonly truth: number | null;
  readonly detail: string;
  /** The target the scenario was built for (e.g. a tracker's), listed first. */
  readonly primary?: true;
}

export interface ScenarioOutcome {
  readonly family: FamilyId;
  readonly dataset: DatasetId;
  readonly seed: number;
  readonly title: string;
  readonly queries: number;
  readonly refused: number;
  /** The scenario's first, plain query was answered. */
  readonly firstAnswered: boolean;
  /** Share of its cells suppressed (NaN when refused). */
  readonly firstSuppressedShare: number;
  readonly targets: number;
  readonly failures: readonly Failure[];
  readonly lpSolves: number;
  /** The protection width the targets were judged against (the policy's, or the default). */
  readonly protectionWidth: number;
  readonly ms: number;
}

export const formatInterval = (b: Bounds | 'infeasible'): string => (b === 'infeasible' ? 'infeasible' : b.lo === b.hi ? `exactly ${b.lo}` : `[${b.lo}, ${b.hi}]`);

/** A target fails when the attacker pins it to fewer than `width` + 1 values (or one). */
export const tooNarrow = (b: Bounds, width: number): boolean => b.hi - b.lo < width || b.lo === b.hi;

export const describeFailure = (f: Failure): string =>
  `${f.family} | ${f.dataset} | seed ${f.seed} | ${f.target} | true ${f.truth ?? '–'} | ${f.detail}`;
