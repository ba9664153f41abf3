// The population behind a published cell, as one constraint per field, written canonically so
// that the same records asked for in different words (a drill's filter and a row's code, a
// chapter and all its blocks, years in another order) get the same key. Overlap control
// compares cells by these: cells that differ in one field only are where differencing works.
import type { Catalogue, CodeField, Dataset } from '../../catalogue/catalogue-types';
import type { Filter, PivotQuery } from '../../query/pivot-query';

/** Records whose code (at the field's finest level) is one of `leaves`, or, when `others` is
 *  set, any code outside the code list or none. For "any position" fields: records mentioning
 *  at least one of `leaves` (or, `none`, none of them). */
export type Constraint =
  | { readonly kind: 'codes'; readonly leaves: ReadonlySet<string>; readonly others: boolean }
  | { readonly kind: 'mentions'; readonly leaves: ReadonlySet<string>; readonly none: boolean }
  | { readonly kind: 'range'; readonly lo: number; readonly hi: number };

/** Field id → constraint; a field not present is unconstrained. */
export type Population = ReadonlyMap<string, Constraint>;

/** A canonical text for a constraint: equal constraints, equal keys. Large code sets are
 *  hashed (the key says how many codes it covers, so a collision would also need equal sizes). */
export function constraintKey(c: Constraint): string {
  switch (c.kind) {
    case 'range': return `r${c.lo}..${c.hi}`;
    case 'codes': return `c${c.others ? '+' : ''}${setKey(c.leaves)}`;
    case 'mentions': return `m${c.none ? '!' : ''}${setKey(c.leaves)}`;
    default: { const never: never = c; throw new Error(`unhandled constraint ${String(never)}`); }
  }
}

const setKeys = new WeakMap<ReadonlySet<string>, string>();
function setKey(set: ReadonlySet<string>): string {
  const hit = setKeys.get(set);
  if (hit !== undefined) return hit;
  const sorted = [...set].sort().join(',');
  const key = sorted.length <= 120 ? sorted : `${set.size}#${hash53(sorted)}`;
  setKeys.set(set, key);
  return key;
}

/** cyrb53: a fast 53-bit string hash (pure JS; shared/ has no crypto). */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The key of a whole population: its fields' constraints in field order. */
export function populationKey(p: Population, without?: string): string {
  return [...p].filter(([f]) => f !== without).sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, c]) => `${f}=${constraintKey(c)}`).join('|');
}

/** Leaves (codes at the finest level) under a code of a level, per field: cached, shared by
 *  every cell and query of a catalogue. */
export class Leaves {
  private readonly cache = new Map<string, ReadonlySet<string>>();
  constructor(private readonly catalogue: Catalogue) {}

  under(field: CodeField, levelId: string, codes: readonly string[]): ReadonlySet<string> {
    if (codes.length === 1) return this.one(field, levelId, codes[0]!);
    const out = new Set<string>();
    for (const code of codes) for (const leaf of this.one(field, levelId, code)) out.add(leaf);
    return out;
  }

  /** Every leaf of the field (its finest level's code list). */
  all(field: CodeField): ReadonlySet<string> {
    const k = `${field.id}\u0001*`;
    let hit = this.cache.get(k);
    if (!hit) {
      hit = new Set((this.catalogue.codeLists.get(field.levels.at(-1)!.codeList)?.codes ?? []).map((c) => c.code));
      this.cache.set(k, hit);
    }
    return hit;
  }

  private one(field: CodeField, levelId: string, code: string): ReadonlySet<string> {
    const k = `${field.id}\u0001${levelId}\u0001${code}`;
    const hit = this.cache.get(k);
    if (hit) return hit;
    const at = field.levels.findIndex((l) => l.id === levelId);
    let current = new Set([code]);
    for (const level of field.levels.slice(at + 1)) {
      const next = new Set<string>();
      for (const c of this.catalogue.codeLists.get(level.codeList)?.codes ?? []) if (c.parent !== undefined && current.has(c.parent)) next.add(c.code);
      current = next;
    }
    this.cache.set(k, current);
    return current;
  }
}

const intersect = (a: ReadonlySet<string>, b: ReadonlySet<string>) => new Set([...a].filter((x) => b.has(x)));

/** Both constraints at once (a filter and a row on the same field; two filters). */
export function both(a: Constraint | undefined, b: Constraint): Constraint {
  if (!a) return b;
  if (a.kind === 'range' && b.kind === 'range') return { kind: 'range', lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
  if (a.kind === 'codes' && b.kind === 'codes') return { kind: 'codes', leaves: intersect(a.leaves, b.leaves), others: a.others && b.others };
  // Two conditions on mentions do not make one: keep a canonical pair (only equality matters).
  return { kind: 'mentions', leaves: new Set([...(a.kind === 'range' ? [] : a.leaves), '&', ...(b.kind === 'range' ? [] : b.leaves)]), none: false };
}

/** The population of every record a query reads (years and filters), before its rows and
 *  columns split it into cells. */
export function queryPopulation(query: PivotQuery, dataset: Dataset, leaves: Leaves): Map<string, Constraint> {
  const out = new Map<string, Constraint>();
  const codeField = (id: string) => dataset.fields.find((f): f is CodeField => f.id === id && f.type === 'code');
  const time = codeField('fyear');
  if (time) out.set('fyear', { kind: 'codes', leaves: leaves.under(time, 'fyear', [...query.years]), others: false });
  for (const f of query.filters) {
    const c = filterConstraint(f, dataset, leaves, codeField);
    if (c) out.set(f.field, both(out.get(f.field), c));
  }
  return out;
}

function filterConstraint(f: Filter, dataset: Dataset, leaves: Leaves, codeField: (id: string) => CodeField | undefined): Constraint | undefined {
  switch (f.kind) {
    case 'range': {
      const field = dataset.fields.find((x) => x.id === f.field);
      if (field?.type !== 'number') return undefined;
      // Whole-number fields: 18.5–40 selects the records of 19–40, so it is written as that.
      return { kind: 'range', lo: Math.ceil(Math.max(f.low, field.min)), hi: Math.floor(Math.min(f.high, field.max)) };
    }
    case 'in':
    case 'not-in': {
      const field = codeField(f.field);
      if (!field) return undefined;
      const set = leaves.under(field, f.level ?? field.defaultLevel, f.codes);
      if (field.multiValued) return { kind: 'mentions', leaves: set, none: f.kind === 'not-in' };
      if (f.kind === 'in') return { kind: 'codes', leaves: set, others: false };
      return { kind: 'codes', leaves: new Set([...leaves.all(field)].filter((x) => !set.has(x))), others: true };
    }
    case 'code-prefix': {
      const field = codeField(f.field);
      if (!field) return undefined;
      const prefix = f.prefix.toUpperCase();
      const set = new Set([...leaves.all(field)].filter((x) => x.startsWith(prefix)));
      return field.multiValued ? { kind: 'mentions', leaves: set, none: false } : { kind: 'codes', leaves: set, others: false };
    }
    default: { const never: never = f; throw new Error(`unhandled filter ${String(never)}`); }
  }
}

/** The constraint a row or column code puts on its field ('' = not recorded). */
export function codeConstraint(field: CodeField, levelId: string, code: string, leaves: Leaves): Constraint {
  if (field.multiValued) return { kind: 'mentions', leaves: leaves.under(field, levelId, [code]), none: false };
  if (code === '') return { kind: 'codes', leaves: new Set(), others: true };
  const set = leaves.under(field, levelId, [code]);
  // A code the list does not know stands for itself.
  return { kind: 'codes', leaves: set.size > 0 ? set : new Set([code]), others: false };
}
