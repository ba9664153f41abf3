// Which rollups to build for a workload: a greedy weighted set cover. One rollup per exact query
// shape covers little (analysts combine a handful of dimensions and filters in many ways), so
// each rollup starts from the most asked-for shape not yet covered and then takes in the shape
// that adds the most covered demand, as long as the union of their columns is estimated to stay
// within the row budget. A rollup answers every shape whose columns and histograms it holds.
import type { HistogramSpec } from './rollup';

/** One query shape and how often it was asked for. */
export interface ShapeDemand {
  readonly grain: readonly string[];
  readonly histograms: readonly HistogramSpec[];
  /** Columns whose distinct combinations bound the rollup's rows: the grain plus the columns
   *  the histograms' measured values read. */
  readonly columns: readonly string[];
  readonly weight: number;
}

export interface PlannedRollup {
  readonly grain: string[];
  readonly histograms: HistogramSpec[];
  /** Estimated rows. */
  readonly rows: number;
  /** Total weight of the demands it answers. */
  readonly covers: number;
}

export interface PlanOptions {
  /** Rows one rollup may hold (estimated). */
  readonly maxRows: number;
  /** Rollups to plan. */
  readonly count: number;
  /** A rollup must answer at least this much demand to be worth a build. */
  readonly minCover: number;
  /** Estimates are scans of the records: stop growing rollups after this many. */
  readonly maxEstimates: number;
}

/**
 * Distinct combinations in a table from a uniform random sample of it: where the sample of n of
 * the N rows shows d combinations, f1 of them once and f2 twice, the smaller of two estimates.
 * GEE (Charikar, Chaudhuri, Motwani, Narasayya 2000), d − f1 + √(N/n)·f1, takes each combination
 * seen once for √(N/n) unseen: right when most are rare, but ×4.5 too high for five national
 * years grouped by age × admission method × stay (every combination a hundred records, seen
 * about once each in the sample), which refused a rollup of 0.78M rows as 3.5M. Chao1 with bias
 * correction, d + f1(f1 − 1) / (2(f2 + 1)), reads from f2 how many were missed and is exact for
 * evenly spread combinations, low (never much high) for skewed ones; the planner only rules
 * out with these what is far over budget. Exact when the sample is the whole table.
 */
export function estimateFromSample(s: { readonly distinct: number; readonly seenOnce: number; readonly seenTwice: number; readonly sampled: number; readonly total: number }): number {
  if (s.sampled <= 0) return 0;
  if (s.sampled >= s.total) return s.distinct;
  const gee = s.distinct - s.seenOnce + Math.sqrt(s.total / s.sampled) * s.seenOnce;
  const chao1 = s.distinct + (s.seenOnce * (s.seenOnce - 1)) / (2 * (s.seenTwice + 1));
  return Math.round(Math.min(s.total - (s.sampled - s.distinct), Math.max(s.distinct, Math.min(gee, chao1))));
}

/** Estimated distinct combinations of `columns` in the records. */
export type EstimateRows = (columns: readonly string[]) => Promise<number>;

const histKey = (h: HistogramSpec) => JSON.stringify([h.arg, h.where]);

interface Candidate { readonly grain: ReadonlySet<string>; readonly hists: ReadonlyMap<string, HistogramSpec>; readonly columns: ReadonlySet<string> }

const covers = (c: Candidate, d: ShapeDemand) => d.grain.every((g) => c.grain.has(g)) && d.histograms.every((h) => c.hists.has(histKey(h)));
const weightOf = (c: Candidate, demands: readonly ShapeDemand[]) => demands.reduce((n, d) => n + (covers(c, d) ? d.weight : 0), 0);
const candidateOf = (d: ShapeDemand): Candidate => ({ grain: new Set(d.grain), hists: new Map(d.histograms.map((h) => [histKey(h), h])), columns: new Set(d.columns) });
const union = (a: Candidate, d: ShapeDemand): Candidate => ({
  grain: new Set([...a.grain, ...d.grain]),
  hists: new Map([...a.hists, ...d.histograms.map((h) => [histKey(h), h] as const)]),
  columns: new Set([...a.columns, ...d.columns]),
});
const columnsKey = (columns: ReadonlySet<string>) => [...columns].sort().join(',');

export async function planRollups(demands: readonly ShapeDemand[], estimate: EstimateRows, options: PlanOptions): Promise<PlannedRollup[]> {
  let estimates = 0;
  const known = new Map<string, number>();
  /** Column sets over budget: any superset is too (distinct combinations only grow). */
  const tooBig: ReadonlySet<string>[] = [];
  const fits = async (columns: ReadonlySet<string>): Promise<number | null> => {
    if (tooBig.some((big) => [...big].every((c) => columns.has(c)))) return null;
    const key = columnsKey(columns);
    let rows = known.get(key);
    if (rows === undefined) {
      if (estimates >= options.maxEstimates) return null;
      estimates++;
      rows = await estimate([...columns].sort());
      known.set(key, rows);
    }
    if (rows > options.maxRows) { tooBig.push(columns); return null; }
    return rows;
  };

  const planned: PlannedRollup[] = [];
  let remaining = [...demands].sort((a, b) => b.weight - a.weight);
  while (planned.length < options.count && remaining.length > 0) {
    let current: Candidate | null = null;
    let rows = 0;
    for (const d of remaining) {
      const c = candidateOf(d);
      const r = await fits(c.columns);
      if (r !== null) { current = c; rows = r; break; }
    }
    if (current === null) break;
    for (;;) {
      const base: Candidate = current;
      const have = weightOf(base, remaining);
      const unions = new Map<string, { c: Candidate; gain: number }>();
      for (const d of remaining) {
        if (covers(base, d)) continue;
        const c = union(base, d);
        const key = `${columnsKey(c.columns)}|${[...c.grain].sort().join(',')}|${[...c.hists.keys()].sort().join(',')}`;
        if (!unions.has(key)) unions.set(key, { c, gain: weightOf(c, remaining) - have });
      }
      let next: { c: Candidate; rows: number } | null = null;
      for (const { c } of [...unions.values()].sort((a, b) => b.gain - a.gain)) {
        const r = await fits(c.columns);
        if (r !== null) { next = { c, rows: r }; break; }
      }
      if (next === null) break;
      current = next.c;
      rows = next.rows;
    }
    const chosen: Candidate = current;
    const weight = weightOf(chosen, remaining);
    if (weight < options.minCover) break;
    planned.push({ grain: [...chosen.grain].sort(), histograms: [...chosen.hists.values()], rows, covers: weight });
    remaining = remaining.filter((d) => !covers(chosen, d));
  }
  return planned;
}
