// Overlap control: a new table's cells against what the same analyst was shown recently. Where
// a new cell and remembered ones differ in one field only, the records that differ are counted
// on the server: a difference of 1 to 7 records between two nested populations (with and
// without a narrow filter, a code list with one code more, overlapping month ranges), or a
// small piece that only the new cell lets an attacker isolate (trackers: a−h, a+1−h′ and
// h′+1−h), and the new cell's value for that measure is suppressed. Pure: the history and the
// clock come from the caller.
import type { DisclosurePolicy } from '../policy';
import { roundToBase } from '../protect-value';
import { atomVectors, derivableAtoms, overlaps, within, type SpanMember } from './cluster-span';
import { CellIndex, indexed as indexedCell, type IndexedCell, type PublishedCell, type PublishedHistory } from './published-history';

/** More members than this in one cluster: only nested pairs are checked (the reduction is
 *  cubic in the members; trackers need few). */
const SPAN_MEMBERS = 80;

export interface OverlapVerdict {
  /** Index of a new cell → the measure keys whose values must be suppressed in it. */
  readonly suppress: ReadonlyMap<number, ReadonlySet<string>>;
  /** Index of a new cell → per count key, what remembered cells nested with it tell of its
   *  value (a cell within it: at least that; a cell containing it: at most that). */
  readonly bounds: ReadonlyMap<number, ReadonlyMap<string, { lo: number; hi: number }>>;
  /** Some suppressed value of the new table is so bounded: its protection must be checked. */
  readonly boundsHidden: boolean;
  /** Clusters of cells compared (for the bench: how much work the check did). */
  readonly clusters: number;
}

interface Member extends SpanMember { readonly cell: IndexedCell; readonly fresh: boolean; readonly index: number }

export function checkOverlap(fresh: readonly PublishedCell[], history: PublishedHistory, policy: DisclosurePolicy): OverlapVerdict {
  const past = history.cellIndex;
  const now = new CellIndex();
  const indexed = fresh.map((c, i) => indexedCell(c, -1 - i));
  for (const c of indexed) now.add(c);
  const indexOf = new Map(indexed.map((c, i) => [c, i]));
  const freshKeys = new Set(indexed.map((c) => c.key));

  // Clusters: cells equal but for one field, from both sides, where the history has a member.
  const clusters = new Map<string, { field: string; context: string }>();
  const consider = (field: string, context: string) => {
    const id = `${field}\u0003${context}`;
    if (clusters.has(id)) return;
    const p = past.members(field, context);
    if (p.withField.length + p.withoutField.length > 0) clusters.set(id, { field, context });
  };
  for (const c of indexed) {
    for (const [field, less] of c.less) consider(field, less);
    for (const field of past.lessFields.get(c.key) ?? []) consider(field, c.key);
  }

  const suppress = new Map<number, Set<string>>();
  const flag = (m: Member, key: string) => {
    let set = suppress.get(m.index);
    if (!set) { set = new Set(); suppress.set(m.index, set); }
    set.add(key);
  };
  const small = (n: number) => n >= policy.suppressMin && n <= policy.suppressMax;
  const bounds = new Map<number, Map<string, { lo: number; hi: number }>>();
  let boundsHidden = false;
  const bound = (index: number, key: string, lo: number, hi: number) => {
    const byKey = bounds.get(index) ?? new Map<string, { lo: number; hi: number }>();
    const was = byKey.get(key) ?? { lo: 0, hi: Infinity };
    byKey.set(key, { lo: Math.max(was.lo, lo), hi: Math.min(was.hi, hi) });
    bounds.set(index, byKey);
  };

  for (const { field, context } of clusters.values()) {
    const member = (cell: IndexedCell, fromNow: boolean): Member => ({
      cell, fresh: fromNow, index: fromNow ? indexOf.get(cell)! : -1,
      constraint: cell.population.get(field), counts: cell.counts,
    });
    const p = past.members(field, context);
    const n = now.members(field, context);
    const fromNow = [...n.withField, ...n.withoutField].map((c) => member(c, true));
    if (fromNow.length === 0) continue;
    // The newest remembered cells first, so a capped cluster keeps what was asked last.
    const fromPast = [...p.withField, ...p.withoutField].sort((a, b) => b.batch - a.batch).map((c) => member(c, false));
    // The new cells' values, bounded by remembered cells nested with them: a suppressed one's
    // protection must take these into account (and so must a complement chosen later).
    for (const a of fromNow) {
      const cell = fresh[a.index]! as PublishedCell & { hidden?: ReadonlyMap<string, number> };
      for (const key of [...cell.counts.keys(), ...(cell.hidden?.keys() ?? [])]) {
        if (!isCount(key)) continue;
        for (const b of fromPast) {
          const cb = b.counts.get(key);
          if (cb === undefined || freshKeys.has(b.cell.key)) continue;
          const shownB = attackerBounds(cb, policy);
          const inner = within(b.constraint, a.constraint);
          const outer = within(a.constraint, b.constraint);
          if (inner) bound(a.index, key, shownB.lo, Infinity);
          if (outer) bound(a.index, key, 0, shownB.hi);
          if ((inner || outer) && cell.hidden?.has(key) === true) boundsHidden = true;
        }
      }
    }
    const keys = new Set(fromNow.flatMap((m) => [...m.counts.keys()]));
    for (const key of keys) {
      const have = (m: Member) => m.counts.has(key);
      const mine = fromNow.filter(have);
      const theirs = fromPast.filter(have);
      if (mine.length === 0 || theirs.length === 0) continue;
      // Nested pairs: the difference is a population, counted exactly. Not a pair the new
      // table shows by itself (its own margins: secondary suppression protects those, with
      // rounding), nor one shown before (both cells remembered: checked when it was new).
      for (const a of mine) {
        if (past.byKey.has(a.cell.key)) continue;
        for (const b of theirs) {
          if (freshKeys.has(b.cell.key)) continue;
          const ca = a.counts.get(key)!;
          const cb = b.counts.get(key)!;
          const nested = within(a.constraint, b.constraint) || within(b.constraint, a.constraint);
          // Nested: the difference is a population. Overlapping: it is one piece less another,
          // so a small difference still bounds the larger piece from below (a tracker's
          // 46–63 against 45–61 says ages 62–63 hold at least the difference).
          if (small(Math.abs(ca - cb)) && (nested || (isCount(key) && overlaps(a.constraint, b.constraint)))) flag(a, key);
        }
      }
      // Pieces only the new cells let an attacker isolate.
      const members = [...mine, ...theirs.slice(0, Math.max(0, SPAN_MEMBERS - mine.length))];
      if (members.length > SPAN_MEMBERS) continue;
      for (const m of isolating(members, key, small)) flag(m, key);
    }
  }
  return { suppress, bounds, boundsHidden, clusters: clusters.size };
}

/** Counts are published rounded; the records behind a sum or mean are not published at all. */
const isCount = (key: string) => !key.includes('#');

/** What an attacker knows of a published count: its rounding interval (0 exactly). */
function attackerBounds(count: number, policy: DisclosurePolicy): { lo: number; hi: number } {
  const shown = roundToBase(count, policy.roundingBase);
  if (shown === 0 && count === 0) return { lo: 0, hi: 0 };
  const half = Math.floor(policy.roundingBase / 2);
  return { lo: Math.max(shown - half, policy.suppressMax + 1), hi: shown + half };
}

/** The new members to withhold so that no atom of 1–7 records becomes derivable that was not
 *  derivable from the remembered cells alone, or from the new table alone (secondary
 *  suppression already protects a table's own relations, with rounding). Greedy: withhold new
 *  members one at a time until none is isolated. */
function isolating(members: readonly Member[], key: string, small: (n: number) => boolean): Member[] {
  const vectors = atomVectors(members);
  if (!vectors) return [];
  const count = (i: number) => [members[i]!.counts.get(key)!];
  const derivable = (keep: (m: Member) => boolean) => {
    const idx = members.flatMap((m, i) => (keep(m) ? [i] : []));
    return derivableAtoms(idx.map((i) => vectors[i]!), idx.map(count));
  };
  const before = new Set([...derivable((m) => !m.fresh).keys(), ...derivable((m) => m.fresh).keys()]);
  const leaks = (out: ReadonlySet<Member>) => [...derivable((m) => !out.has(m))].some(([atom, [c]]) => !before.has(atom) && small(c!));
  const withheld = new Set<Member>();
  for (const m of members.filter((x) => x.fresh)) {
    if (!leaks(withheld)) break;
    withheld.add(m);
  }
  return [...withheld];
}

