// Which populations a set of published cells lets an attacker work out exactly, when the cells
// differ in one field only: split that field's values into atoms (the pieces no published cell
// divides), write each cell as the sum of its atoms, and reduce. An atom whose unit vector is a
// combination of published cells has its count derivable as the same combination of theirs.
import type { Constraint } from './population';

export interface SpanMember {
  /** The member's constraint on the field that varies (undefined: unconstrained). */
  readonly constraint: Constraint | undefined;
  /** Raw counts per measure key. */
  readonly counts: ReadonlyMap<string, number>;
}

/** Each member as a 0/1 vector over atoms, or undefined when the constraints cannot be split
 *  into atoms ("any position" conditions: a record mentions several codes). */
export function atomVectors(members: readonly SpanMember[]): number[][] | undefined {
  const kinds = new Set(members.flatMap((m) => (m.constraint ? [m.constraint.kind] : [])));
  if (kinds.has('mentions') || kinds.size > 1) return undefined;
  if (kinds.has('range')) return rangeVectors(members);
  return codeVectors(members);
}

const OTHERS = '\u0000others';
const REST = '\u0000rest';

function codeVectors(members: readonly SpanMember[]): number[][] {
  // Elements: every code any member names, codes outside the list (OTHERS), and the rest of
  // the field (REST, only an unconstrained member holds it).
  const signature = new Map<string, string>();
  const elements = new Set<string>([OTHERS, REST]);
  for (const m of members) if (m.constraint?.kind === 'codes') for (const code of m.constraint.leaves) elements.add(code);
  const holds = (m: SpanMember, e: string) => {
    const c = m.constraint;
    if (c === undefined) return true;
    if (c.kind !== 'codes') return false;
    return e === OTHERS ? c.others : e === REST ? false : c.leaves.has(e);
  };
  for (const e of elements) signature.set(e, members.map((m) => (holds(m, e) ? '1' : '0')).join(''));
  const atoms = [...new Set(signature.values())].filter((s) => s.includes('1'));
  return members.map((_, i) => atoms.map((s) => (s[i] === '1' ? 1 : 0)));
}

function rangeVectors(members: readonly SpanMember[]): number[][] {
  // Elementary intervals between every bound, plus "outside every range or no value", which
  // only an unconstrained member holds.
  const points = new Set<number>();
  for (const m of members) if (m.constraint?.kind === 'range') { points.add(m.constraint.lo); points.add(nextAfter(m.constraint.hi)); }
  const sorted = [...points].sort((a, b) => a - b);
  const atoms = sorted.slice(0, -1).map((lo, i) => ({ lo, hi: sorted[i + 1]! }));
  return members.map((m) => {
    const c = m.constraint;
    const inside = atoms.map((a) => (c === undefined || (c.kind === 'range' && a.lo >= c.lo && a.hi <= nextAfter(c.hi)) ? 1 : 0));
    return [...inside, c === undefined ? 1 : 0];
  });
}

/** Bounds are inclusive and whole (every number field of the catalogue holds whole numbers:
 *  ages in years, days, minutes; population.ts rounds a range's bounds inward). */
const nextAfter = (hi: number) => hi + 1;

/**
 * The atoms whose counts the members determine exactly, each with its counts: row-reduce the
 * vectors augmented with their counts; a reduced row that is one atom's unit vector is that
 * atom's count. Exact in rationals for these small 0/1 systems (floats with a tolerance, then
 * rounded: counts are whole).
 */
export function derivableAtoms(vectors: readonly (readonly number[])[], counts: readonly (readonly number[])[]): Map<number, number[]> {
  const width = vectors[0]?.length ?? 0;
  const rows = vectors.map((v, i) => [...v, ...counts[i]!]);
  const pivots: number[] = [];
  let r = 0;
  for (let col = 0; col < width && r < rows.length; col++) {
    let best = -1;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i]![col]!) > 1e-9 && (best < 0 || Math.abs(rows[i]![col]!) > Math.abs(rows[best]![col]!))) best = i;
    if (best < 0) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const p = rows[r]![col]!;
    rows[r] = rows[r]!.map((x) => x / p);
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![col]!;
      if (Math.abs(f) > 1e-12) rows[i] = rows[i]!.map((x, k) => x - f * rows[r]![k]!);
    }
    pivots.push(col);
    r++;
  }
  const out = new Map<number, number[]>();
  pivots.forEach((col, i) => {
    const row = rows[i]!;
    if (row.slice(0, width).every((x, k) => (k === col ? Math.abs(x - 1) < 1e-9 : Math.abs(x) < 1e-9))) out.set(col, row.slice(width).map((x) => Math.round(x)));
  });
  return out;
}

/** Is `a` within `b` (every record of a is a record of b)? */
export function within(a: Constraint | undefined, b: Constraint | undefined): boolean {
  if (b === undefined) return true;
  if (a === undefined) return false;
  if (a.kind === 'range' && b.kind === 'range') return a.lo >= b.lo && a.hi <= b.hi;
  if (a.kind === 'codes' && b.kind === 'codes') return (!a.others || b.others) && [...a.leaves].every((x) => b.leaves.has(x));
  // Mentioning one of fewer codes is within mentioning one of more; none of more, within none of fewer.
  if (a.kind === 'mentions' && b.kind === 'mentions' && a.none === b.none) return a.none ? [...b.leaves].every((x) => a.leaves.has(x)) : [...a.leaves].every((x) => b.leaves.has(x));
  return false;
}


/** Do `a` and `b` share records (as far as their constraints say)? */
export function overlaps(a: Constraint | undefined, b: Constraint | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  if (a.kind === 'range' && b.kind === 'range') return a.lo <= b.hi && b.lo <= a.hi;
  if (a.kind === 'codes' && b.kind === 'codes') return (a.others && b.others) || [...a.leaves].some((x) => b.leaves.has(x));
  return true;
}
