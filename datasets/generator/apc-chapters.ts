// The APC "strata chapters": the 21 primary-diagnosis chapters plus births (Z38, part of XXI)
// kept apart because they are infants admitted at birth. Priors here are the generator's own
// plausible choices; fitting (apc-mix.ts, apc-joint.ts) bends them to the published targets.

import { CHAPTERS } from './targets';

export interface StrataChapter {
  /** Strata id: the ICD-10 chapter, or 'XXI-birth'. */
  readonly id: string;
  /** ICD-10 chapter the primary diagnosis falls in. */
  readonly chapter: string;
  /** Share of all FCEs (published chapter share; XXI split between births and the rest). */
  readonly fceShare: number;
  /** Age-band multipliers over the overall age profile (21 bands incl. unknown). */
  readonly ageWeights: readonly number[];
  /** Prior FCE shares by sex code '1','2','0','9'. */
  readonly sexWeights: readonly [number, number, number, number];
  /** Prior share of elective admissions that are day cases. */
  readonly dayCase: number;
  /** Prior share of non-emergency admissions in the "other" group (maternity, births, transfers). */
  readonly other: number;
  /** Prior share of elective admissions that are planned (13) rather than waiting list. */
  readonly planned: number;
  /** Episodes per spell in the "other" group. */
  readonly otherEpisodes: number;
}

/** Share of FCEs that are birth episodes (Z38, chapter XXI). Chosen: about 400k a year. */
export const BIRTH_FCE_SHARE = 0.019;

// Age bands: 0 <1, 1 1-4, 2 5-9, 3 10-14, 4 15-19 … 19 90+, 20 unknown.
const flat = (v: number) => Array.from({ length: 21 }, () => v);
const shaped = (young: number, adult: number, mid: number, old: number, oldest: number, infant = young) =>
  Array.from({ length: 21 }, (_, b) =>
    b === 0 ? infant : b <= 3 ? young : b <= 10 ? adult : b <= 13 ? mid : b <= 17 ? old : b <= 19 ? oldest : 1);
const only = (bands: Readonly<Record<number, number>>) => Array.from({ length: 21 }, (_, b) => bands[b] ?? 0);

const MF: [number, number, number, number] = [0.47, 0.53, 0.005, 0.002];
const MALE_HEAVY: [number, number, number, number] = [0.56, 0.44, 0.005, 0.002];
const FEMALE_HEAVY: [number, number, number, number] = [0.4, 0.6, 0.005, 0.002];
const FEMALE_ONLY: [number, number, number, number] = [0, 1, 0, 0];

interface Prior extends Omit<StrataChapter, 'id' | 'chapter' | 'fceShare'> {}

const PRIORS: ReadonlyMap<string, Prior> = new Map<string, Prior>([
  ['I', { ageWeights: shaped(2.2, 0.8, 0.9, 1.2, 1.4, 1.5), sexWeights: MF, dayCase: 0.6, other: 0.04, planned: 0.2, otherEpisodes: 1.2 }],
  ['II', { ageWeights: shaped(0.1, 0.4, 1.3, 1.5, 0.8, 0.05), sexWeights: MF, dayCase: 0.9, other: 0.02, planned: 0.42, otherEpisodes: 1.2 }],
  ['III', { ageWeights: shaped(0.6, 0.8, 1, 1.2, 1.3, 0.4), sexWeights: FEMALE_HEAVY, dayCase: 0.93, other: 0.02, planned: 0.45, otherEpisodes: 1.2 }],
  ['IV', { ageWeights: shaped(0.6, 1, 1.1, 1, 1.2, 0.3), sexWeights: FEMALE_HEAVY, dayCase: 0.85, other: 0.03, planned: 0.3, otherEpisodes: 1.2 }],
  ['V', { ageWeights: shaped(0.3, 2.2, 1, 0.7, 1.2, 0.01), sexWeights: MF, dayCase: 0.4, other: 0.06, planned: 0.2, otherEpisodes: 1.3 }],
  ['VI', { ageWeights: shaped(0.8, 1.1, 1.1, 1, 0.9, 0.3), sexWeights: FEMALE_HEAVY, dayCase: 0.8, other: 0.03, planned: 0.25, otherEpisodes: 1.2 }],
  ['VII', { ageWeights: shaped(0.2, 0.3, 0.8, 2.0, 1.8, 0.1), sexWeights: FEMALE_HEAVY, dayCase: 0.97, other: 0.01, planned: 0.12, otherEpisodes: 1.1 }],
  ['VIII', { ageWeights: shaped(3, 0.8, 0.8, 0.7, 0.6, 0.3), sexWeights: MF, dayCase: 0.8, other: 0.02, planned: 0.15, otherEpisodes: 1.1 }],
  ['IX', { ageWeights: shaped(0.05, 0.2, 0.9, 1.5, 1.6, 0.05), sexWeights: MALE_HEAVY, dayCase: 0.55, other: 0.08, planned: 0.3, otherEpisodes: 1.3 }],
  ['X', { ageWeights: shaped(2.4, 0.5, 0.7, 1.3, 1.7, 3.0), sexWeights: MF, dayCase: 0.6, other: 0.03, planned: 0.2, otherEpisodes: 1.2 }],
  ['XI', { ageWeights: shaped(0.5, 1, 1.2, 1.1, 0.9, 0.3), sexWeights: MF, dayCase: 0.9, other: 0.02, planned: 0.25, otherEpisodes: 1.2 }],
  ['XII', { ageWeights: shaped(0.8, 1, 1, 1, 1, 0.5), sexWeights: MF, dayCase: 0.92, other: 0.02, planned: 0.2, otherEpisodes: 1.2 }],
  ['XIII', { ageWeights: shaped(0.3, 0.9, 1.3, 1.3, 0.8, 0.05), sexWeights: FEMALE_HEAVY, dayCase: 0.75, other: 0.02, planned: 0.3, otherEpisodes: 1.2 }],
  ['XIV', { ageWeights: shaped(0.6, 1, 1, 1, 1.1, 0.5), sexWeights: FEMALE_HEAVY, dayCase: 0.88, other: 0.03, planned: 0.3, otherEpisodes: 1.2 }],
  // Pregnancy: women of child-bearing age only.
  ['XV', { ageWeights: only({ 4: 0.3, 5: 0.9, 6: 1.5, 7: 1.8, 8: 1.2, 9: 0.35, 10: 0.04, 20: 0.1 }), sexWeights: FEMALE_ONLY, dayCase: 0.4, other: 0.75, planned: 0.45, otherEpisodes: 1.05 }],
  // Perinatal: infants, a few toddlers.
  ['XVI', { ageWeights: only({ 0: 1, 1: 0.01, 20: 0.002 }), sexWeights: [0.54, 0.45, 0.008, 0.002], dayCase: 0.3, other: 0.8, planned: 0.2, otherEpisodes: 1.3 }],
  ['XVII', { ageWeights: shaped(3, 0.7, 0.5, 0.4, 0.3, 4), sexWeights: MALE_HEAVY, dayCase: 0.6, other: 0.05, planned: 0.3, otherEpisodes: 1.3 }],
  ['XVIII', { ageWeights: flat(1), sexWeights: FEMALE_HEAVY, dayCase: 0.85, other: 0.02, planned: 0.2, otherEpisodes: 1.2 }],
  ['XIX', { ageWeights: shaped(1.2, 1.3, 0.8, 0.8, 1.4, 0.5), sexWeights: MF, dayCase: 0.5, other: 0.05, planned: 0.2, otherEpisodes: 1.3 }],
  ['XXI', { ageWeights: shaped(0.3, 0.8, 1.2, 1.2, 0.8, 0.2), sexWeights: MF, dayCase: 0.95, other: 0.02, planned: 0.5, otherEpisodes: 1.1 }],
  ['XXI-birth', { ageWeights: only({ 0: 1 }), sexWeights: [0.51, 0.485, 0.004, 0.001], dayCase: 0, other: 1, planned: 0, otherEpisodes: 1.03 }],
  ['XXII', { ageWeights: shaped(0.2, 0.7, 1, 1.3, 1.5, 0.2), sexWeights: MALE_HEAVY, dayCase: 0.5, other: 0.03, planned: 0.2, otherEpisodes: 1.2 }],
]);

function buildStrataChapters(): StrataChapter[] {
  const total = CHAPTERS.reduce((a, c) => a + c.fcePct, 0); // 100.2: published rounding
  return [...CHAPTERS.map((c) => c.chapter), 'XXI-birth'].map((id) => {
    const published = CHAPTERS.find((c) => c.chapter === (id === 'XXI-birth' ? 'XXI' : id));
    const prior = PRIORS.get(id);
    if (!published || !prior) throw new Error(`apc-chapters: no prior for ${id}`);
    const share = published.fcePct / total;
    const fceShare = id === 'XXI' ? share - BIRTH_FCE_SHARE : id === 'XXI-birth' ? BIRTH_FCE_SHARE : share;
    return { id, chapter: published.chapter, fceShare, ...prior };
  });
}

export const STRATA_CHAPTERS: readonly StrataChapter[] = buildStrataChapters();

/** Published emergency share of a real chapter's FAEs. */
export function publishedEmergencyShare(chapter: string): number {
  const c = CHAPTERS.find((x) => x.chapter === chapter);
  if (!c) throw new Error(`unknown chapter ${chapter}`);
  return c.emergencyPct / 100;
}
