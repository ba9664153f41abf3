// Main procedures (OPCS-4 3-char categories from the curated table) by strata key, and which
// procedures carry a laterality or minimal-access code as a secondary procedure. Plausible choices.

type Entry = readonly [code3: string, weight: number];

export const PROCEDURE_HEAD: ReadonlyMap<string, readonly Entry[]> = new Map<string, readonly Entry[]>([
  ['I', [['X35', 3], ['G45', 1], ['H22', 1]]],
  ['II', [['X72', 8], ['B27', 1], ['B28', 2], ['H22', 2], ['M45', 2], ['G45', 1], ['X35', 2]]],
  ['III', [['X35', 6], ['G45', 1]]],
  ['IV', [['X35', 3], ['G45', 2]]],
  ['V', [['X35', 1]]],
  ['VI', [['A65', 6], ['X35', 2]]],
  ['VII', [['C71', 6], ['C75', 3], ['C72', 0.3], ['C74', 0.5]]],
  ['VIII', [['D15', 5]]],
  ['IX', [['K49', 2], ['K75', 4], ['K60', 2], ['K63', 4], ['K40', 0.5], ['K45', 0.5], ['K46', 0.3]]],
  ['X', [['F34', 2], ['G45', 1], ['X35', 2]]],
  ['XI', [['G45', 5], ['H22', 4], ['H25', 2], ['J18', 3], ['H01', 1.5], ['T20', 2]]],
  ['XII', [['X35', 1]]],
  ['XIII', [['W37', 2], ['W38', 1.5], ['W39', 0.5], ['W40', 2.5], ['W41', 1], ['W42', 0.3], ['W82', 2], ['A65', 0.5]]],
  ['XIV', [['M45', 4], ['M65', 2], ['Q07', 1], ['Q18', 2]]],
  ['XV', [['X35', 1]]],
  ['XVI', [['X35', 1]]],
  ['XVII', [['X35', 1], ['F34', 0.5], ['D15', 0.5]]],
  ['XVIII', [['G45', 4], ['H22', 3], ['H25', 1], ['K63', 2], ['M45', 2], ['Q18', 1]]],
  ['XIX', [['W46', 3], ['W47', 2], ['W48', 1], ['W37', 0.5], ['X35', 1]]],
  ['XXI', [['X72', 8], ['H22', 3], ['G45', 2], ['X35', 2]]],
  ['XXI-birth', [['X35', 1]]],
  ['XXII', [['X35', 1]]],
  ['delivery-maternity', [['R24', 6.5], ['R18', 2.5], ['R17', 1]]],
  ['delivery-elective', [['R17', 1]]],
  ['delivery-emergency', [['R18', 6], ['R24', 4]]],
]);

/** Procedures only for one sex (sexClass 0 male, 1 female). */
export const PROCEDURE_SEX: ReadonlyMap<string, number> = new Map([
  ['M65', 0], ['Q07', 1], ['Q18', 1], ['R17', 1], ['R18', 1], ['R24', 1],
]);

/** Categories whose operations record a side (Z94) as a secondary procedure. */
export const LATERALITY = new Set(['A65', 'B27', 'B28', 'C71', 'C72', 'C74', 'C75', 'T20', 'W37', 'W38', 'W39', 'W40', 'W41', 'W42', 'W46', 'W47', 'W48', 'W82']);
/** Categories often done by minimal access (Y75 as a secondary procedure). */
export const MINIMAL_ACCESS = new Set(['J18', 'H01', 'Q07', 'T20']);

/** Within a category: the named subcategory (if any) is the usual one; .8 and .9 the rest. */
export function subcategoryWeight(code4: string): number {
  const last = code4.slice(3);
  return last === '8' ? 0.15 : last === '9' ? 0.15 : 0.7;
}
