// Joint FCE distribution of strata chapter × sex × age band, raked from the chapter priors so
// its margins are the published 2023-24 chapter, sex and age shares (hes-data.md §6.1).

import { STRATA_CHAPTERS } from './apc-chapters';
import { fitIpf } from './ipf';
import { AGE_BANDS, APC_2324 } from './targets';

export const SEX_CODES = APC_2324.sex.map(([code]) => code);
export const SEX_COUNT = SEX_CODES.length;
export const AGE_COUNT = AGE_BANDS.length;

export interface ApcJoint {
  /** Per strata chapter (same order as STRATA_CHAPTERS): shares over sex × age, summing to 1. */
  readonly withinChapter: readonly (readonly number[])[];
  readonly maxError: number;
}

/** Cell index of (sex index, age band) inside a chapter's sex × age vector. */
export const sexAgeCell = (sex: number, age: number) => sex * AGE_COUNT + age;

export function fitApcJoint(): ApcJoint {
  const nc = STRATA_CHAPTERS.length;
  const dims = [nc, SEX_COUNT, AGE_COUNT];
  const prior = new Float64Array(nc * SEX_COUNT * AGE_COUNT);
  STRATA_CHAPTERS.forEach((c, ci) => {
    for (let s = 0; s < SEX_COUNT; s++) {
      for (let a = 0; a < AGE_COUNT; a++) {
        const base = (AGE_BANDS[a]?.pct ?? 0) / 100;
        prior[(ci * SEX_COUNT + s) * AGE_COUNT + a] = c.fceShare * (c.sexWeights[s] ?? 0) * base * (c.ageWeights[a] ?? 0);
      }
    }
  });
  const { table, maxError } = fitIpf(prior, dims, [
    { axis: 0, target: STRATA_CHAPTERS.map((c) => c.fceShare) },
    { axis: 1, target: APC_2324.sex.map(([, share]) => share) },
    { axis: 2, target: AGE_BANDS.map((b) => b.pct / 100) },
  ], 1e-12, 20000);
  const withinChapter = STRATA_CHAPTERS.map((_, ci) => {
    const cells = Array.from(table.subarray(ci * SEX_COUNT * AGE_COUNT, (ci + 1) * SEX_COUNT * AGE_COUNT));
    const sum = cells.reduce((a, b) => a + b, 0);
    return cells.map((x) => x / sum);
  });
  return { withinChapter, maxError };
}
