// Builds the protection problem of one additive measure from a table's raw aggregates: the
// table's cells with every margin (also when totals are off: showing them must reveal nothing
// new), and the parents of its codes at every coarser level of their hierarchies (what a drill
// up would publish: "virtual" cells), each with its true value summed from the table's cells.
import type { RawAggregates } from '../result/raw-aggregates';
import type { DisclosurePolicy } from './policy';
import { roundToBase } from './protect-value';
import {
  cellKey, groupCoord, leafCoord, lineKey, TOP, type Axis, type Coord, type ProblemCell, type ProtectionProblem,
} from './protection-problem';

/** A code's ancestors in its field's hierarchy, nearest first: what drilling up shows. */
export type AncestorsOf = (dim: number, code: string) => readonly { readonly level: string; readonly code: string }[];

export interface MeasureColumns {
  /** Alias of the measure's value. */
  readonly value: string;
  /** Alias of the number of records behind it (the value itself for counts). */
  readonly records: string;
  readonly kind: 'count' | 'sum';
}

export interface LatticeOptions {
  readonly ancestors?: AncestorsOf;
  /** Cells (by key) overlap control withholds: sensitive whatever their count. */
  readonly withheld?: ReadonlySet<string>;
  /** Cells (by key) other tables the analyst saw bound. */
  readonly known?: ReadonlyMap<string, { readonly lo: number; readonly hi: number }>;
  /** The sensitive range when a cell crosses fine codes with providers (else the policy's). */
  readonly sensitiveMax?: (coords: readonly Coord[]) => number;
}

/** The problem, and which raw row each table cell came from (by cell key). */
export function buildLattice(raw: RawAggregates, measure: MeasureColumns, policy: DisclosurePolicy, options: LatticeOptions = {}): ProtectionProblem {
  const dims = raw.plan.dimensions;
  const n = dims.length;
  const ancestors = options.ancestors ?? (() => []);
  const additive = dims.map((d) => !d.multiValued);
  const rowDims = dims.flatMap((d, i) => (d.axis === 'row' ? [i] : []));
  const colDims = dims.flatMap((d, i) => (d.axis === 'column' ? [i] : []));

  // Parents of coordinates along each dimension: leaf → nearest group → … → total.
  const parent = dims.map(() => new Map<Coord, Coord>());
  const leaves = dims.map(() => new Set<Coord>());
  const depthOf = dims.map(() => new Map<Coord, number>());
  const chainOf = (dim: number, code: string): Coord[] => {
    const chain = [leafCoord(code)];
    if (additive[dim]) for (const a of ancestors(dim, code)) chain.push(groupCoord(a.level, a.code));
    return chain;
  };
  const chains = new Map<string, Coord[]>();
  const chain = (dim: number, code: string): Coord[] => {
    const k = `${dim}\u0001${code}`;
    let c = chains.get(k);
    if (!c) {
      c = chainOf(dim, code);
      chains.set(k, c);
      leaves[dim]!.add(c[0]!);
      for (let i = 0; i < c.length; i++) { parent[dim]!.set(c[i]!, c[i + 1] ?? TOP); depthOf[dim]!.set(c[i]!, i); }
    }
    return c;
  };

  // Base cells (codes and totals) from the raw rows; missing grouping sets summed from the
  // finest one along additive dimensions (another query with totals on would publish them).
  const values = new Map<string, { coords: Coord[]; value: number; records: number; table: boolean }>();
  const add = (coords: Coord[], value: number, records: number, table: boolean) => {
    const key = cellKey(coords);
    const hit = values.get(key);
    if (hit) { hit.value += value; hit.records += records; hit.table ||= table; } else values.set(key, { coords, value, records, table });
  };
  const present = new Set<string>();
  const setKey = (grouped: readonly boolean[]) => grouped.map((g) => (g ? '1' : '0')).join('');
  let finest: number | undefined;
  for (const row of raw.rows) {
    const grouped = dims.map((_, i) => (row.groupingId & (1 << (n - 1 - i))) === 0);
    const coords = grouped.map((g, i) => (g ? chain(i, row.dims[i] ?? '')[0]! : TOP));
    add(coords, row.aggregates.get(measure.value) ?? 0, row.aggregates.get(measure.records) ?? 0, true);
    present.add(setKey(grouped));
    if (grouped.every(Boolean)) finest = row.groupingId;
  }
  const validSets = new Set(present);
  if (finest !== undefined) {
    for (let r = 0; r <= rowDims.length; r++) {
      for (let c = 0; c <= colDims.length; c++) {
        const keep = new Set([...rowDims.slice(0, r), ...colDims.slice(0, c)]);
        const grouped = dims.map((_, i) => keep.has(i));
        const key = setKey(grouped);
        // Rolling up a non-additive dimension cannot be summed from codes: only the engine has it.
        if (present.has(key) || dims.some((_, i) => !keep.has(i) && !additive[i])) continue;
        validSets.add(key);
        for (const row of raw.rows) {
          if (row.groupingId !== finest) continue;
          // The table's own (hidden) margins: protected as if shown, so the table gets the same
          // suppressions with totals on or off and showing them later reveals nothing new.
          add(dims.map((_, i) => (keep.has(i) ? leafCoord(row.dims[i] ?? '') : TOP)), row.aggregates.get(measure.value) ?? 0, row.aggregates.get(measure.records) ?? 0, true);
        }
      }
    }
  }

  // Hierarchy parents: every combination of coarser groups over the grouped dimensions.
  for (const base of [...values.values()]) {
    const options2 = base.coords.map((c, i) => (c === TOP ? [TOP] : chain(i, c.slice(1))));
    const combos = (i: number, acc: Coord[]): void => {
      if (i === n) {
        if (acc.every((c, k) => c === base.coords[k])) return;
        add([...acc], base.value, base.records, false);
        return;
      }
      for (const c of options2[i]!) { acc.push(c); combos(i + 1, acc); acc.pop(); }
    };
    combos(0, []);
  }

  const isSum = measure.kind === 'sum';
  const cells = new Map<string, ProblemCell>();
  for (const [key, v] of values) {
    const max = options.sensitiveMax?.(v.coords) ?? policy.suppressMax;
    const small = v.records >= policy.suppressMin && v.records <= max;
    const withheld = !small && v.value > 0 && options.withheld?.has(key) === true;
    const sensitive = small || withheld;
    cells.set(key, {
      key, coords: v.coords, truth: v.value, sensitive, state: sensitive ? 'primary' : 'published', virtual: !v.table,
      shown: roundToBase(v.value, policy.roundingBase),
      range: isSum || withheld ? [isSum ? 0 : policy.suppressMin, Infinity] : [policy.suppressMin, max],
      publishedFloor: isSum ? 0 : max + 1,
      ...(withheld ? { need: { down: max, up: max } } : {}),
      ...(options.known?.has(key) ? { known: options.known.get(key)! } : {}),
    });
  }

  const axes: Axis[] = dims.map((_, i) => {
    const under = new Map<Coord, Coord[]>();
    // In code order, so the same table gets the same witnesses whatever the order of its rows.
    for (const leaf of [...leaves[i]!].sort()) {
      for (let x: Coord | undefined = leaf; x !== undefined; x = x === TOP ? undefined : parent[i]!.get(x) ?? TOP) {
        const list = under.get(x);
        if (list) list.push(leaf); else under.set(x, [leaf]);
      }
    }
    const children = new Map<Coord, Coord[]>();
    for (const [child, p] of parent[i]!) {
      const list = children.get(p);
      if (list) list.push(child); else children.set(p, [child]);
    }
    const depth = depthOf[i]!;
    return {
      parentOf: (c) => (c === TOP ? undefined : parent[i]!.get(c) ?? TOP),
      leavesUnder: (c) => under.get(c) ?? [],
      childrenOf: (c) => children.get(c) ?? [],
      depthOf: (c) => (c === TOP ? Infinity : depth.get(c) ?? 0),
      depths: [...new Set(depth.values())].sort((a, b) => a - b),
      viewDepth: 0,
      additive: additive[i]!,
    };
  });

  const lines = dims.map((_, dim) => {
    const byLine = new Map<string, ProblemCell[]>();
    for (const cell of cells.values()) {
      const k = lineKey(cell.coords, dim);
      const list = byLine.get(k);
      if (list) list.push(cell); else byLine.set(k, [cell]);
    }
    return byLine;
  });
  return {
    axes,
    cells,
    lines,
    isValidSet: (grouped) => validSets.has(setKey(grouped)),
    suppressedFloor: isSum ? 0 : policy.suppressMin,
  };
}
