// Fits the admission mix of each strata chapter (emergency / waiting list / planned / other,
// day case or ordinary) and the episodes per spell so that, together with the chapter FCE shares,
// the published FAE total, admission-group shares, day-case share and chapter emergency shares hold.
// Pure and deterministic: a few nested bisections over logit shifts of the priors in apc-chapters.ts.

import { STRATA_CHAPTERS, publishedEmergencyShare, type StrataChapter } from './apc-chapters';
import { APC_2324 } from './targets';

/** Spell groups: emergency, waiting-list day case / ordinary, planned day case / ordinary, other. */
export const GROUPS = ['E', 'WD', 'WO', 'PD', 'PO', 'O'] as const;
export type Group = (typeof GROUPS)[number];
export const isDayCaseGroup = (g: Group) => g === 'WD' || g === 'PD';

/** Episodes per ordinary elective spell (chosen). */
export const ELECTIVE_EPISODES = 1.15;
export const MAX_EPISODES = 8;

export interface ChapterMix {
  readonly chapter: StrataChapter;
  /** FAEs of this chapter per FCE of all chapters (sums to FAE/FCE). */
  readonly faePerFce: number;
  /** Share of the chapter's spells in each of GROUPS. */
  readonly groupShares: readonly number[];
  /** Mean episodes per spell for each of GROUPS. */
  readonly episodesPerSpell: readonly number[];
  /** Fitted emergency share of the chapter's FAEs. */
  readonly emergencyShare: number;
}

export interface ApcMix {
  readonly chapters: readonly ChapterMix[];
  readonly emergencyEpisodes: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const shift = (p: number, s: number) => (p <= 0 ? 0 : p >= 1 ? 1 : 1 / (1 + Math.exp(-(logit(p) + s))));

/** Bisection for a monotone function crossing zero inside [lo, hi]. */
function solve(f: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  const increasing = f(b) > f(a);
  for (let i = 0; i < 60; i++) {
    const m = (a + b) / 2;
    if ((f(m) > 0) === increasing) b = m;
    else a = m;
  }
  return (a + b) / 2;
}

interface Params { se: number; so: number; sd: number; sp: number; kE: number }

function evaluate(p: Params) {
  const birthsFae = STRATA_CHAPTERS.filter((c) => c.id === 'XXI-birth').reduce((a, c) => a + c.fceShare / c.otherEpisodes, 0);
  const rows = STRATA_CHAPTERS.map((c) => {
    let eBase = c.id === 'XXI-birth' ? 0 : publishedEmergencyShare(c.chapter);
    // Births (never emergency) share chapter XXI: the rest carries the chapter's emergency share.
    if (c.id === 'XXI') eBase = Math.min(0.5, eBase * (1 + birthsFae / (c.fceShare / 1.03)));
    const e = shift(eBase, p.se);
    const o = shift(c.other, p.so);
    const d = shift(c.dayCase, p.sd);
    const pl = shift(c.planned, p.sp);
    const nonE = 1 - e;
    const el = nonE * (1 - o);
    const shares = [e, el * (1 - pl) * d, el * (1 - pl) * (1 - d), el * pl * d, el * pl * (1 - d), nonE * o];
    const eps = [p.kE, 1, ELECTIVE_EPISODES, 1, ELECTIVE_EPISODES, c.otherEpisodes];
    const fcePerFae = shares.reduce((a, s, i) => a + s * (eps[i] ?? 1), 0);
    return { c, shares, eps, fae: c.fceShare / fcePerFae, e };
  });
  const fae = rows.reduce((a, r) => a + r.fae, 0);
  const sum = (g: number) => rows.reduce((a, r) => a + r.fae * (r.shares[g] ?? 0), 0);
  return {
    rows,
    fae,
    emergency: sum(0) / fae,
    other: sum(5) / fae,
    planned: (sum(3) + sum(4)) / fae,
    dayCaseFce: sum(1) + sum(3), // FCE total is 1
  };
}

/** Fits the mix once; the result is the same for every year and scale. */
export function fitApcMix(): ApcMix {
  const target = APC_2324.admissionGroups;
  const faePerFce = APC_2324.faes / APC_2324.fces;
  const p: Params = { se: 0, so: 0, sd: 0, sp: 0, kE: 1.5 };
  for (let iter = 0; iter < 60; iter++) {
    p.kE = solve((k) => evaluate({ ...p, kE: k }).fae - faePerFce, 1, 4);
    p.se = solve((s) => evaluate({ ...p, se: s }).emergency - target.emergency, -4, 4);
    p.so = solve((s) => evaluate({ ...p, so: s }).other - target.other, -6, 6);
    p.sd = solve((s) => evaluate({ ...p, sd: s }).dayCaseFce - APC_2324.dayCaseShare, -6, 6);
    p.sp = solve((s) => evaluate({ ...p, sp: s }).planned - target.planned, -6, 6);
  }
  const r = evaluate(p);
  return {
    emergencyEpisodes: p.kE,
    chapters: r.rows.map((row) => ({
      chapter: row.c, faePerFce: row.fae, groupShares: row.shares, episodesPerSpell: row.eps, emergencyShare: row.e,
    })),
  };
}

/**
 * Probabilities of 1…MAX_EPISODES episodes with the given mean: a truncated geometric, so most
 * spells have one episode and a few have many.
 */
export function episodeCountPmf(mean: number): number[] {
  if (mean <= 1) return [1, ...Array.from({ length: MAX_EPISODES - 1 }, () => 0)];
  const pmf = (r: number) => {
    const w = Array.from({ length: MAX_EPISODES }, (_, i) => r ** i);
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  };
  const meanOf = (r: number) => pmf(r).reduce((a, q, i) => a + q * (i + 1), 0);
  return pmf(solve((r) => meanOf(r) - mean, 0, 0.95));
}
