// Treatment functions (tretspef) by diagnosis strata key for APC and for OP courses, and the
// consultant main specialty (mainspef) implied by a treatment function. Plausible choices.

type Entry = readonly [code: string, weight: number];

export const APC_SPECIALTY: ReadonlyMap<string, readonly Entry[]> = new Map<string, readonly Entry[]>([
  ['I', [['300', 4], ['326', 3], ['350', 1], ['430', 1]]],
  ['II', [['370', 2], ['800', 2], ['303', 2], ['100', 2], ['103', 1.5], ['104', 1], ['101', 1.5], ['301', 1], ['340', 0.5], ['330', 0.5]]],
  ['III', [['303', 5], ['300', 1]]],
  ['IV', [['302', 3], ['300', 3], ['326', 1], ['307', 1]]],
  ['V', [['710', 4], ['300', 2], ['326', 1], ['715', 1]]],
  ['VI', [['400', 3], ['300', 2], ['110', 2], ['160', 1], ['328', 1]]],
  ['VII', [['130', 1]]],
  ['VIII', [['120', 1]]],
  ['IX', [['320', 4], ['300', 3], ['328', 1.5], ['107', 1], ['170', 0.5], ['430', 1]]],
  ['X', [['340', 3], ['300', 4], ['326', 2], ['430', 1], ['120', 0.5]]],
  ['XI', [['301', 3], ['100', 3], ['104', 1], ['106', 1], ['105', 0.5], ['300', 1], ['140', 0.5], ['145', 0.5]]],
  ['XII', [['330', 2], ['160', 2], ['100', 1], ['300', 2]]],
  ['XIII', [['110', 6], ['410', 1], ['108', 0.5]]],
  ['XIV', [['101', 3], ['502', 3], ['361', 2], ['300', 2]]],
  ['XV', [['501', 10], ['560', 1]]],
  ['XVI', [['420', 10], ['501', 1]]],
  ['XVII', [['300', 1], ['110', 1], ['120', 0.5], ['100', 0.5]]],
  ['XVIII', [['300', 4], ['326', 3], ['320', 1], ['100', 1], ['301', 1], ['430', 1]]],
  ['XIX', [['110', 5], ['100', 1], ['300', 1], ['180', 1], ['160', 1]]],
  ['XXI', [['370', 3], ['800', 2], ['303', 2], ['301', 2], ['300', 1]]],
  ['XXI-birth', [['501', 5], ['420', 4], ['560', 1]]],
  ['XXII', [['300', 4], ['340', 2], ['326', 2], ['350', 1]]],
  // First episode of a multi-episode emergency spell: the acute take.
  ['acute', [['300', 5], ['326', 4], ['180', 1]]],
]);

/** Children (under 15) in medical chapters are under paediatrics; surgical ones keep theirs. */
export const APC_CHILD_SPECIALTY: ReadonlyMap<string, readonly Entry[]> = new Map<string, readonly Entry[]>([
  ['default', [['420', 8], ['171', 1]]],
  ['VII', [['130', 1]]],
  ['VIII', [['120', 1]]],
  ['X', [['420', 8], ['120', 2]]],
  ['XI', [['420', 3], ['171', 3], ['142', 2]]],
  ['XIII', [['110', 3], ['420', 1]]],
  ['XVII', [['171', 2], ['420', 2], ['321', 0.5], ['120', 0.5]]],
  ['XIX', [['110', 3], ['171', 1], ['420', 2]]],
  ['XXI', [['420', 3], ['260', 2], ['171', 1]]],
]);

export const OP_SPECIALTY: readonly Entry[] = [
  ['130', 8], ['110', 8], ['120', 4], ['330', 4], ['502', 4], ['320', 4], ['101', 3], ['100', 3],
  ['301', 3], ['370', 3], ['800', 3], ['303', 3], ['410', 3], ['400', 2], ['340', 2], ['302', 2], ['361', 1.5],
  ['650', 5], ['651', 1], ['654', 1], ['160', 1], ['140', 1], ['300', 2], ['430', 1], ['710', 1], ['103', 2],
  ['104', 1], ['812', 1], ['840', 2], ['107', 0.5], ['328', 0.3], ['315', 0.2], ['306', 0.5], ['307', 1],
];
/** Added for women aged 15–49 (antenatal clinics). */
export const OP_MATERNITY_EXTRA: readonly Entry[] = [['501', 14], ['560', 5]];

/** Treatment functions for women only; other sexes draw without them. */
export const FEMALE_ONLY_SPECIALTY: ReadonlySet<string> = new Set(['501', '502', '560']);

export const OP_CHILD_SPECIALTY: readonly Entry[] = [
  ['420', 10], ['120', 3], ['130', 3], ['110', 2], ['171', 1], ['142', 1], ['143', 2], ['840', 2], ['650', 1],
  ['211', 0.5], ['213', 0.5], ['216', 0.5], ['223', 0.3], ['250', 0.3], ['258', 0.3],
];

/** Consultant main specialty for a treatment function that is not itself a main specialty. */
export function mainSpecialtyFor(tretspef: string): string {
  const n = Number(tretspef);
  if (n >= 102 && n <= 108 && tretspef !== '107') return '100';
  if (n >= 211 && n <= 291) return '420';
  if (tretspef === '306') return '301';
  if (tretspef === '307') return '302';
  if (tretspef === '328') return '300';
  if (n >= 650 && n <= 663) return '960';
  if (n >= 720 && n <= 727) return '710';
  if (tretspef === '812') return '810';
  if (tretspef === '840') return '120';
  return tretspef;
}
