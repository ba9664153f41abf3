// Length of stay for ordinary spells. Spells fall in classes (admission kind × age × episodes);
// within a class the k-th spell (in a permuted order) gets the ((k+0.5)/n)-quantile of a
// zero-inflated log-logistic stay, so the class total is known exactly here and one global scale
// is solved to hit the bed-days target (hes-data.md §6.1) at any scale. SQL evaluates losValue.

export const LOS_CAP = 360;

export interface LosParams {
  /** Share of zero-day stays. */
  readonly p0: number;
  /** Scale of the non-zero part (before the global multiplier). */
  readonly alpha: number;
  /** 1 / shape of the log-logistic. */
  readonly invBeta: number;
}

/** 0 emergency, 1 ordinary elective, 2 maternity, 3 births and neonatal, 4 transfers and other. */
export type LosGroup = 0 | 1 | 2 | 3 | 4;
export const LOS_GROUPS = 5;
export const LOS_AGE_CLASSES = 4;
export const LOS_EPISODE_CLASSES = 3;
export const LOS_CLASSES = LOS_GROUPS * LOS_AGE_CLASSES * LOS_EPISODE_CLASSES;

/** Age band (0–20) → 0 child, 1 15–64 or unknown, 2 65–84, 3 85+. */
export function losAgeClass(ageBand: number): number {
  if (ageBand <= 3) return 0;
  if (ageBand <= 13 || ageBand === 20) return 1;
  if (ageBand <= 17) return 2;
  return 3;
}

export function losClass(group: LosGroup, ageBand: number, episodes: number): number {
  const e = Math.min(episodes, 3) - 1;
  return (group * LOS_AGE_CLASSES + losAgeClass(ageBand)) * LOS_EPISODE_CLASSES + e;
}

// Chosen: emergency stays lengthen with age; multi-episode spells are longer and rarely same-day.
const BASE: readonly (readonly { p0: number; alpha: number; beta: number }[])[] = [
  [{ p0: 0.42, alpha: 1.6, beta: 1.6 }, { p0: 0.3, alpha: 2.4, beta: 1.6 }, { p0: 0.18, alpha: 4.2, beta: 1.6 }, { p0: 0.12, alpha: 5.5, beta: 1.6 }],
  [{ p0: 0.2, alpha: 1.5, beta: 2 }, { p0: 0.15, alpha: 1.8, beta: 2 }, { p0: 0.12, alpha: 2.5, beta: 2 }, { p0: 0.1, alpha: 3.5, beta: 2 }],
  Array.from({ length: 4 }, () => ({ p0: 0.3, alpha: 1.3, beta: 2.5 })),
  Array.from({ length: 4 }, () => ({ p0: 0.35, alpha: 1.2, beta: 2 })),
  [{ p0: 0.05, alpha: 3, beta: 1.6 }, { p0: 0.05, alpha: 5, beta: 1.6 }, { p0: 0.05, alpha: 8, beta: 1.6 }, { p0: 0.05, alpha: 9, beta: 1.6 }],
];
const EPISODE_ALPHA = [1, 1.7, 2.6];
const EPISODE_P0 = [1, 0.4, 0.15];

export function losParams(cls: number): LosParams {
  const e = cls % LOS_EPISODE_CLASSES;
  const a = Math.floor(cls / LOS_EPISODE_CLASSES) % LOS_AGE_CLASSES;
  const g = Math.floor(cls / (LOS_EPISODE_CLASSES * LOS_AGE_CLASSES));
  const b = BASE[g]?.[a];
  if (!b) throw new RangeError(`losParams: no class ${cls}`);
  return { p0: b.p0 * (EPISODE_P0[e] ?? 1), alpha: b.alpha * (EPISODE_ALPHA[e] ?? 1), invBeta: 1 / b.beta };
}

/** Stay in days at quantile v of a class, with the global multiplier already in `alpha`. */
export function losValue(v: number, p: LosParams): number {
  if (v < p.p0) return 0;
  const w = (v - p.p0) / (1 - p.p0);
  return Math.min(LOS_CAP, 1 + Math.floor(p.alpha * (w / (1 - w)) ** p.invBeta));
}

/** Σ losValue((j + 0.5)/n) over j = 0…n-1, counted per threshold in O(LOS_CAP). */
export function classTotal(n: number, p: LosParams): number {
  const atLeast = (x: number) => n - Math.min(n, Math.max(0, Math.ceil(x * n - 0.5)));
  let total = atLeast(p.p0);
  for (let m = 2; m <= LOS_CAP; m++) {
    const t = ((m - 1) / p.alpha) ** (1 / p.invBeta);
    const count = atLeast(p.p0 + (1 - p.p0) * (t / (1 + t)));
    if (count === 0) break;
    total += count;
  }
  return total;
}

const scaled = (p: LosParams, lambda: number): LosParams => ({ ...p, alpha: p.alpha * lambda });

/** Total bed days of classes with the given spell counts under multiplier lambda. */
export function totalBedDays(classCounts: readonly number[], lambda: number): number {
  return classCounts.reduce((a, n, cls) => (n > 0 ? a + classTotal(n, scaled(losParams(cls), lambda)) : a), 0);
}

/** The multiplier whose total is closest to the target (bisection; the total rises with lambda). */
export function fitLosMultiplier(classCounts: readonly number[], targetBedDays: number): number {
  let lo = 0.01;
  let hi = 50;
  for (let i = 0; i < 50; i++) {
    const mid = Math.sqrt(lo * hi);
    if (totalBedDays(classCounts, mid) < targetBedDays) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** Class parameters with the fitted multiplier applied, for the SQL strata table. */
export function fittedParams(cls: number, lambda: number): LosParams {
  return scaled(losParams(cls), lambda);
}
