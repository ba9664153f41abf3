// Per-year A&E plan: exact attendance counts by department type × disposal × "within 4 hours",
// so the volume and the % within 4 hours (hes-data.md §6.1) hold at every scale. HES A&E years
// use the HES disposal list; ECDS years only the codes ECDS maps to (§1.4).

import { allocate } from './largest-remainder';
import { AE_ATTENDANCES, AE_WITHIN_4H } from './targets';

export const DEPT_TYPES: readonly (readonly [code: string, share: number])[] = [['01', 0.62], ['02', 0.03], ['03', 0.28], ['04', 0.07]];

/** Disposal shares excluding admission (chosen); admission depends on department type. */
const HESAE_DISPOSALS: readonly (readonly [string, number])[] = [
  ['02', 0.2], ['03', 0.42], ['04', 0.04], ['05', 0.03], ['06', 0.05], ['07', 0.014], ['10', 0.0007], ['11', 0.04],
  ['12', 0.048], ['13', 0.014], ['14', 0.1], ['99', 0.02],
];
const ECDS_DISPOSALS: readonly (readonly [string, number])[] = [
  ['02', 0.2], ['03', 0.57], ['07', 0.014], ['10', 0.0007], ['12', 0.048], ['14', 0.16],
];
/** Probability of admission by department type: about 28% of all attendances overall. */
const ADMIT_BY_TYPE: ReadonlyMap<string, number> = new Map([['01', 0.42], ['02', 0.1], ['03', 0.03], ['04', 0.01]]);
/** Relative chance (log-odds) of leaving within 4 hours by department type and disposal. */
const WITHIN_LOGIT_TYPE: ReadonlyMap<string, number> = new Map([['01', 0], ['02', 1.5], ['03', 2.5], ['04', 2.5]]);
const WITHIN_LOGIT_DISPOSAL: ReadonlyMap<string, number> = new Map([['01', -1.4], ['10', -0.5], ['12', 0.8], ['07', -0.8]]);

export interface AeStratum {
  readonly deptType: string;
  readonly disposal: string;
  readonly within4h: boolean;
  readonly n: number;
  readonly offset: number;
}

export interface AeYearPlan {
  readonly attendances: number;
  readonly within4h: number;
  readonly ecds: boolean;
  readonly strata: readonly AeStratum[];
}

export const isEcdsYear = (fyear: string) => Number(fyear) >= 2021;

export function planAeYear(fyear: string, scale: number): AeYearPlan {
  const volume = AE_ATTENDANCES.get(fyear);
  const share = AE_WITHIN_4H.get(fyear);
  if (volume === undefined || share === undefined) throw new RangeError(`planAeYear: no A&E figures for ${fyear}`);
  const attendances = Math.round(volume * scale);
  const ecds = isEcdsYear(fyear);
  const disposals = ecds ? ECDS_DISPOSALS : HESAE_DISPOSALS;
  const cells = DEPT_TYPES.flatMap(([type, typeShare]) => {
    const admit = ADMIT_BY_TYPE.get(type) ?? 0;
    const rest = disposals.reduce((a, [, w]) => a + w, 0);
    return [['01', admit] as const, ...disposals.map(([d, w]) => [d, ((1 - admit) * w) / rest] as const)]
      .map(([disposal, w]) => ({ type, disposal, weight: typeShare * w }));
  });
  const counts = allocate(attendances, cells.map((c) => c.weight));
  const logits = cells.map((c) => (WITHIN_LOGIT_TYPE.get(c.type) ?? 0) + (WITHIN_LOGIT_DISPOSAL.get(c.disposal) ?? 0) + 1);
  // One shift of the log-odds so the expected share within 4 hours equals the target.
  const expected = (shift: number) => counts.reduce((a, n, i) => a + n / (1 + Math.exp(-((logits[i] ?? 0) + shift))), 0);
  const within4h = Math.round(share * attendances);
  let lo = -20;
  let hi = 20;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < within4h) lo = mid;
    else hi = mid;
  }
  const probs = counts.map((n, i) => n / (1 + Math.exp(-((logits[i] ?? 0) + (lo + hi) / 2))));
  const withinCounts = allocate(within4h, probs).map((w, i) => Math.min(w, counts[i] ?? 0));
  // Capping can only lose units when a cell is all-within; hand them to cells with room.
  let missing = within4h - withinCounts.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0 && i < counts.length; i++) {
    const room = (counts[i] ?? 0) - (withinCounts[i] ?? 0);
    const add = Math.min(room, missing);
    withinCounts[i] = (withinCounts[i] ?? 0) + add;
    missing -= add;
  }
  let offset = 0;
  const strata: AeStratum[] = [];
  cells.forEach((c, i) => {
    const total = counts[i] ?? 0;
    const within = withinCounts[i] ?? 0;
    for (const [flag, n] of [[true, within], [false, total - within]] as const) {
      if (n > 0) {
        strata.push({ deptType: c.type, disposal: c.disposal, within4h: flag, n, offset });
        offset += n;
      }
    }
  });
  return { attendances, within4h, ecds, strata };
}
