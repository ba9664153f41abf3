// Weights of ICD-10 codes within a chapter for primary diagnoses, secondary diagnoses and
// external causes: a curated head of common conditions (3-char entries spread over their
// selectable 4-char codes) and a long Zipf tail over every other selectable code.
// The generator's own plausible choice (hes-data.md §6.1); never C42*, never XX as primary.

import type { Icd10Table } from '../reference/icd10';

type Entry = readonly [code: string, weight: number];

/** Common primary diagnoses per strata key (adults). Weights are relative within the head. */
export const PRIMARY_HEAD: ReadonlyMap<string, readonly Entry[]> = new Map<string, readonly Entry[]>([
  ['I', [['A09', 5], ['A41', 5], ['A08', 2], ['B34', 2], ['A04', 1], ['B37', 0.5], ['A49', 1], ['B99X', 0.5], ['A40', 0.5]]],
  ['II', [['C50', 4], ['C61X', 2], ['C34', 3], ['C18', 3], ['C20X', 1.5], ['C67', 2], ['C44', 3], ['C79', 1.5], ['C90', 2], ['C91', 1], ['C85', 1], ['C83', 1], ['D12', 4], ['D22', 1], ['D17', 1], ['D25', 1], ['D37', 0.5], ['C43', 1]]],
  ['III', [['D50', 4], ['D64', 3], ['D61', 1], ['D69', 1], ['D57', 1], ['D70X', 1], ['D68', 1]]],
  ['IV', [['E11', 3], ['E10', 2], ['E87', 3], ['E86X', 3], ['E03', 1], ['E05', 1], ['E66', 1], ['E16', 0.5], ['E55', 0.5], ['E83', 0.5]]],
  ['V', [['F10', 4], ['F05', 3], ['F20', 2], ['F32', 2], ['F41', 1], ['F60', 1], ['F03X', 2], ['F31', 1], ['F43', 1], ['F19', 1]]],
  ['VI', [['G40', 4], ['G45', 3], ['G56', 3], ['G47', 2], ['G35X', 1], ['G43', 1], ['G20X', 1], ['G30', 1], ['G62', 0.5], ['G93', 0.5]]],
  ['VII', [['H25', 8], ['H26', 3], ['H35', 4], ['H40', 1], ['H33', 1], ['H02', 1], ['H43', 0.5], ['H27', 0.5]]],
  ['VIII', [['H66', 3], ['H65', 3], ['H61', 1], ['H81', 2], ['H71X', 0.5], ['H91', 0.5], ['H93', 0.5], ['H60', 0.5]]],
  ['IX', [['I48', 5], ['I50', 4], ['I21', 4], ['I20', 2], ['I25', 3], ['I63', 3], ['I64X', 1], ['I10X', 1], ['I26', 1.5], ['I80', 1], ['I35', 1], ['I44', 0.5], ['I49', 0.5], ['I47', 0.5], ['I95', 0.5]]],
  ['X', [['J18', 6], ['J22X', 4], ['J44', 5], ['J45', 2], ['J06', 1], ['J90X', 1], ['J69', 1], ['J84', 1], ['J15', 0.5], ['J98', 0.5], ['J20', 1], ['J35', 1], ['J03', 0.5]]],
  ['XI', [['K57', 3], ['K80', 4], ['K40', 2], ['K35', 2], ['K21', 2], ['K29', 2], ['K52', 1], ['K59', 2], ['K56', 1], ['K85', 1], ['K92', 1], ['K63', 1], ['K62', 1], ['K64', 1], ['K50', 0.5], ['K51', 0.5], ['K02', 1], ['K04', 0.5], ['K08', 0.5], ['K60', 0.5], ['K61', 0.5]]],
  ['XII', [['L03', 5], ['L02', 3], ['L98', 2], ['L72', 1], ['L89', 1], ['L97X', 1], ['L40', 0.5], ['L08', 0.5], ['L60', 0.5], ['L30', 0.5]]],
  ['XIII', [['M17', 6], ['M16', 5], ['M51', 1], ['M75', 2], ['M20', 1]]],
  ['XIV', [['N39', 5], ['N17', 3], ['N18', 3], ['N20', 2], ['N13', 1], ['N40X', 2], ['N81', 1], ['N92', 1], ['N84', 1], ['N87', 0.5], ['N30', 1], ['N94', 0.5], ['N93', 0.5], ['N83', 0.5], ['N85', 0.5], ['N95', 0.5], ['N60', 0.3], ['N63X', 0.3], ['N32', 0.3]]],
  ['XV', [['O21', 2], ['O20', 2], ['O03', 2], ['O00', 1], ['O02', 1], ['O26', 2], ['O13X', 1], ['O14', 1], ['O24', 1], ['O36', 2], ['O47', 2], ['O99', 2], ['O34', 1], ['O42', 1], ['O48X', 1], ['O85X', 0.5], ['O86', 0.5], ['O90', 0.5]]],
  ['XV-delivery', [['O80', 6], ['O82', 3], ['O81', 1], ['O70', 2], ['O62', 1], ['O63', 1], ['O34', 2], ['O42', 1], ['O48X', 1], ['O60', 1], ['O68', 1], ['O69', 1], ['O71', 0.5], ['O72', 1], ['O75', 0.5], ['O99', 1]]],
  ['XVI', [['P59', 5], ['P07', 4], ['P22', 3], ['P92', 2], ['P39', 1], ['P70', 1], ['P28', 1], ['P05', 1]]],
  ['XVII', [['Q38', 2], ['Q35', 1], ['Q53', 2], ['Q21', 1], ['Q66', 1], ['Q40', 1], ['Q62', 1]]],
  ['XVIII', [['R07', 6], ['R10', 5], ['R55X', 3], ['R06', 2], ['R50', 1], ['R51X', 1], ['R11X', 1], ['R29', 1], ['R41', 1], ['R31X', 1], ['R33X', 1], ['R39', 1], ['R69X', 0.5]]],
  ['XIX', [['S00', 2], ['S01', 2], ['S83', 2], ['T81', 2], ['T84', 2]]],
  ['XXI', [['Z51', 8], ['Z45', 1], ['Z09', 1], ['Z08', 1], ['Z47', 1], ['Z48', 1], ['Z49', 1], ['Z50', 0.5], ['Z53', 0.5], ['Z03', 0.5], ['Z04', 0.5], ['Z12', 0.5], ['Z31', 0.3], ['Z30', 0.3]]],
  ['XXI-birth', [['Z380', 90], ['Z381', 3], ['Z383', 5], ['Z384', 1], ['Z386', 1]]],
  ['XXII', [['U071', 80], ['U072', 10], ['U049', 1], ['U82', 2], ['U83', 1], ['U84', 1]]],
  ['XXII-pre', [['U049', 2], ['U82', 3], ['U83', 2], ['U84', 2], ['U85X', 1]]],
]);

/** Common primary diagnoses for children (age under 15), mixed into the adult head. */
export const CHILD_HEAD: ReadonlyMap<string, readonly Entry[]> = new Map<string, readonly Entry[]>([
  ['I', [['A08', 5], ['A09', 5], ['B34', 4], ['A87', 1], ['B01', 1]]],
  ['X', [['J21', 8], ['J06', 4], ['J35', 4], ['J03', 2], ['J45', 2], ['J18', 2], ['J20', 1]]],
  ['XI', [['K35', 5], ['K02', 3], ['K59', 2], ['K52', 1], ['K40', 1]]],
  ['XVIII', [['R50', 5], ['R10', 3], ['R06', 2], ['R11X', 2], ['R55X', 1]]],
  ['XIX', [['S00', 4], ['S01', 3], ['T81', 0.5]]],
  ['VIII', [['H65', 4], ['H66', 4]]],
  ['V', [['F50', 3], ['F84', 2], ['F90', 2], ['F43', 2], ['F32', 1]]],
  ['VI', [['G40', 5], ['G41', 1], ['G80', 1], ['G43', 1]]],
  ['IV', [['E10', 5], ['E16', 1], ['E86X', 2]]],
]);

/** Codes for secondary positions (comorbidities and context), never chapter XX. */
export const SECONDARY_ADULT: readonly Entry[] = [
  ['I10X', 12], ['E119', 6], ['E785', 4], ['Z864', 1], ['Z921', 3], ['Z922', 2], ['F179', 3], ['N189', 3],
  ['I489', 4], ['I251', 3], ['Z867', 2], ['Z955', 1], ['J449', 3], ['J459', 2], ['E039', 2], ['K219', 2],
  ['F329', 2], ['F419', 1], ['F03X', 2], ['Z880', 1], ['Z886', 0.5], ['Z803', 0.5], ['E669', 1.5],
  ['D649', 2], ['N390', 1], ['R296', 1], ['Z741', 1], ['Z751', 0.5], ['Z993', 0.3], ['G473', 0.5],
  ['M179', 0.5], ['Z960', 0.3], ['Z966', 0.5], ['E871', 1], ['E86X', 1], ['I500', 1], ['Z515', 0.3],
  ['B962', 0.5], ['B952', 0.3], ['Z720', 1.5], ['Z914', 0.3], ['Z904', 0.3], ['H547', 0.3], ['H919', 0.3],
];
export const SECONDARY_CHILD: readonly Entry[] = [
  ['J459', 4], ['Z880', 2], ['B349', 3], ['R509', 2], ['F840', 1], ['F900', 1], ['E669', 1], ['L209', 1],
  ['Z292', 0.5], ['Z038', 0.5], ['D649', 0.5], ['P073', 0.5], ['H659', 0.5],
];
/** COVID-19 as a secondary diagnosis, as a share of secondary positions, by year (chosen). */
export const COVID_SECONDARY_SHARE: ReadonlyMap<string, number> = new Map([
  ['2021', 0.06], ['2122', 0.05], ['2223', 0.02], ['2324', 0.01],
]);

/** External causes (chapter XX) by 3-char category, for the cause field of injuries. */
export const CAUSE_HEAD: readonly Entry[] = [
  ['W01', 6], ['W06', 3], ['W07', 2], ['W08', 2], ['W10', 3], ['W18', 2], ['W19', 6], ['W00', 1],
  ['W13', 1], ['V43', 1], ['V47', 1], ['V23', 1], ['V89', 1],
];

const MALE_ONLY = /^(C6[0-3]|D29|D40|N4\d|N5[01]|Q5[345])/;
const FEMALE_ONLY = /^(O|C5[1-8]|D0[6]|D2[5-8]|D39|N[7-9]\d|Q5[0-2]|Z3[0-79])/;
const MOSTLY_FEMALE = /^(C50|D05|N6[0-4])/;
const ADULT_ONLY = /^(I2[0-5]|I4[8]|I50|I6\d|I10|C1[5-9]|C2[0-6]|C3[0-4]|C50|C61|C67|M1[5-9]|H25|F0[0-3]|G30|N40|J44|E11|K57|K80|D12|Z51[0-5]|O)/;

/** Stable pseudo-random rank for the Zipf tail (FNV-1a of the code). */
function codeRank(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4294967296;
}

/** sexClass 0 male, 1 female, 2 unknown. */
export function sexFactor(code: string, sexClass: number): number {
  if (MALE_ONLY.test(code)) return sexClass === 0 ? 1 : 0;
  if (FEMALE_ONLY.test(code)) return sexClass === 1 ? 1 : 0;
  if (MOSTLY_FEMALE.test(code)) return sexClass === 1 ? 1 : sexClass === 0 ? 0.02 : 0;
  return 1;
}

/** Selectable 4-char codes a curated entry stands for (a 3-char entry = its selectable children). */
export function expandEntry(icd: Icd10Table, code: string): string[] {
  if (code.length === 4) return icd.byLevel('code4').get(code)?.selectable ? [code] : [];
  return icd.codes4.filter((c) => c.parent === code && c.selectable).map((c) => c.code);
}

/**
 * Weights over `candidates` (selectable 4-char codes): `headShare` of the mass on the curated
 * head, the rest on a Zipf tail ordered by a stable hash of the code.
 */
export function weighCodes(
  icd: Icd10Table, candidates: readonly string[], head: readonly Entry[], headShare: number,
  factor: (code: string) => number,
): Map<string, number> {
  const allowed = new Set(candidates);
  const out = new Map<string, number>();
  const headWeights = new Map<string, number>();
  for (const [entry, w] of head) {
    const codes = expandEntry(icd, entry).filter((c) => allowed.has(c) && factor(c) > 0);
    for (const c of codes) headWeights.set(c, (headWeights.get(c) ?? 0) + (w / codes.length) * factor(c));
  }
  const headTotal = [...headWeights.values()].reduce((a, b) => a + b, 0);
  const tail = candidates.filter((c) => !headWeights.has(c) && factor(c) > 0)
    .sort((a, b) => codeRank(a) - codeRank(b));
  const tailWeights = tail.map((c, i) => factor(c) / (i + 1) ** 1.1);
  const tailTotal = tailWeights.reduce((a, b) => a + b, 0);
  const hs = tailTotal === 0 ? 1 : headTotal === 0 ? 0 : headShare;
  for (const [c, w] of headWeights) out.set(c, (hs * w) / headTotal);
  tail.forEach((c, i) => out.set(c, ((1 - hs) * (tailWeights[i] ?? 0)) / tailTotal));
  return out;
}

export function isAdultOnly(code: string): boolean {
  return ADULT_ONLY.test(code);
}

/** Outpatient primary diagnoses (poorly completed in OP; R69X "unknown" is common). */
export const OP_DIAGNOSES: readonly Entry[] = [
  ['R69X', 40], ['Z098', 5], ['Z099', 3], ['H251', 4], ['M170', 3], ['M161', 2], ['N390', 1], ['C509', 2], ['H353', 2],
  ['E119', 2], ['I489', 1], ['K219', 1], ['R104', 2], ['R074', 2], ['L989', 1], ['G560', 1], ['H669', 1], ['J459', 1], ['F329', 1],
];
