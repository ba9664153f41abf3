// Disclosure control: the one pure function that turns raw aggregates into releasable cells.
// On the server its only caller is runPivot; exports and reports start from its output.
// Per cell the policy's rules (protect-value.ts); across the table, secondary suppression so
// no suppressed count can be worked out from the table, its margins or its parents' rows.
import { isGrouped, type RawAggregates, type RawRow } from '../result/raw-aggregates';
import type { AggregatePlan, MeasurePlan, PivotPlan } from '../sql/pivot-plan';
import type { DisclosurePolicy } from './policy';
import { protectCount, protectRatio, protectStatistic, protectSum, type ProtectedValue } from './protect-value';
import { cellKey, groupCoord, leafCoord, TOP, type CellState, type Coord } from './protection-problem';
import { secureProblem } from './secondary-suppression';
import { buildLattice, type AncestorsOf, type MeasureColumns } from './table-lattice';

declare const protectedBrand: unique symbol;

export interface ProtectedRow {
  readonly dims: readonly (string | null)[];
  readonly groupingId: number;
  /** One protected value per requested measure, in plan.requestedMeasures order. */
  readonly cells: readonly ProtectedValue[];
}

/** Cells that have passed disclosure control. Only protect() can make one. */
export type ProtectedAggregates = {
  readonly plan: PivotPlan;
  readonly policy: DisclosurePolicy;
  readonly rows: readonly ProtectedRow[];
  readonly suppressedCount: number;
  /** Values suppressed only to protect others (secondary suppression), requested measures. */
  readonly secondaryCount: number;
} & { readonly [protectedBrand]: true };

/** What protect() needs beyond the policy and the numbers: the hierarchy above each code (the
 *  parents a drill up would publish) and which cells a higher threshold covers. */
export interface ProtectContext {
  readonly ancestors?: AncestorsOf;
  /** The largest suppressed count for a cell at these coordinates (fine codes × providers). */
  readonly sensitiveMax?: (coords: readonly Coord[]) => number;
  /** Per measure id, the cells (by cell key) overlap control withholds from this analyst: they
   *  are suppressed, and protected like small cells so the table cannot give them away. */
  readonly withheld?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per measure id, bounds on cells (by cell key) from tables the analyst saw before. */
  readonly known?: ReadonlyMap<string, ReadonlyMap<string, { readonly lo: number; readonly hi: number }>>;
}

type States = ReadonlyMap<string, ReadonlyMap<string, CellState>>;

export function protect(policy: DisclosurePolicy, raw: RawAggregates, context: ProtectContext = {}): ProtectedAggregates {
  const n = raw.plan.dimensions.length;
  const keyOf = (row: RawRow) => cellKey(raw.plan.dimensions.map((_, i) => (isGrouped(row, i, n) ? leafCoord(row.dims[i] ?? '') : TOP)));
  const coordsOf = (row: RawRow) => raw.plan.dimensions.map((_, i) => (isGrouped(row, i, n) ? leafCoord(row.dims[i] ?? '') : TOP));
  const states = new Map<string, ReadonlyMap<string, CellState>>();
  for (const { measure, columns } of additiveMeasures(raw.plan)) {
    const problem = buildLattice(raw, columns, policy, latticeOptions(context, measure.id));
    secureProblem(problem, policy);
    states.set(measure.id, new Map([...problem.cells].filter(([, c]) => !c.virtual).map(([k, c]) => [k, c.state])));
  }
  // Statistics and distinct counts withheld by overlap control: suppressed (not additive, so
  // nothing in the table adds up to them).
  for (const [id, keys] of context.withheld ?? []) {
    if (states.has(id)) continue;
    states.set(id, new Map([...keys].map((k) => [k, 'primary' as const])));
  }
  return protectRows(policy, raw, states, keyOf, (row) => context.sensitiveMax?.(coordsOf(row)));
}

/**
 * The "Other" row of a top-N table: `other` (the rows past the limit, as one group, by the
 * table's column fields) protected with the table it belongs to. The full table `main` is
 * protected exactly as without a limit (the same suppressions); then the Other cells join it as
 * a group of the rows not kept, so no hidden row's count can be worked out from Other minus the
 * hidden rows the full table publishes: only Other's cells may be suppressed for that.
 */
export function protectOther(policy: DisclosurePolicy, main: RawAggregates, other: RawAggregates, kept: readonly string[], context: ProtectContext = {}): ProtectedAggregates {
  const first = main.plan.dimensions.findIndex((d) => d.axis === 'row');
  const keep = new Set(kept);
  const OTHER = groupCoord('other', '');
  const grouped: AncestorsOf = (dim, code) => (dim === first ? (keep.has(code) ? [] : [{ level: 'other', code: '' }]) : context.ancestors?.(dim, code) ?? []);
  const states = new Map<string, ReadonlyMap<string, CellState>>();
  for (const { measure, columns } of additiveMeasures(main.plan)) {
    const full = buildLattice(main, columns, policy, latticeOptions(context, measure.id));
    secureProblem(full, policy);
    const withOther = buildLattice(main, columns, policy, { ...latticeOptions(context, measure.id), ancestors: grouped });
    for (const [key, cell] of withOther.cells) {
      const was = full.cells.get(key);
      if (was) cell.state = was.state;
    }
    secureProblem(withOther, policy, { onlySuppress: (c) => c.coords[first] === OTHER });
    states.set(measure.id, new Map([...withOther.cells].filter(([, c]) => c.coords[first] === OTHER).map(([k, c]) => [k, c.state])));
  }
  // The Other query's rows have only the column dimensions: its cells sit at (Other, columns…).
  const columnDims = main.plan.dimensions.flatMap((d, i) => (d.axis === 'column' ? [i] : []));
  const coordsOf = (row: RawRow): Coord[] => main.plan.dimensions.map((_, i) => {
    if (i === first) return OTHER;
    const k = columnDims.indexOf(i);
    return k >= 0 && isGrouped(row, k, columnDims.length) ? leafCoord(row.dims[k] ?? '') : TOP;
  });
  return protectRows(policy, other, states, (row) => cellKey(coordsOf(row)), (row) => context.sensitiveMax?.(coordsOf(row)));
}

function latticeOptions(context: ProtectContext, measureId?: string) {
  const withheld = measureId === undefined ? undefined : context.withheld?.get(measureId);
  const known = measureId === undefined ? undefined : context.known?.get(measureId);
  return {
    ...(context.ancestors ? { ancestors: context.ancestors } : {}), ...(context.sensitiveMax ? { sensitiveMax: context.sensitiveMax } : {}),
    ...(withheld ? { withheld } : {}), ...(known ? { known } : {}),
  };
}

/** Counts of records and sums: the measures secondary suppression protects, with the columns
 *  that hold their value and the records behind it. Distinct counts and statistics are not
 *  additive: the per-cell rule only. */
function additiveMeasures(plan: PivotPlan): { measure: MeasurePlan; columns: MeasureColumns }[] {
  const aggregates = new Map<string, AggregatePlan>(plan.aggregates.map((a) => [a.alias, a]));
  return plan.measures.flatMap((m): { measure: MeasurePlan; columns: MeasureColumns }[] => {
    switch (m.kind) {
      case 'count': return aggregates.get(m.value)?.fn === 'count' ? [{ measure: m, columns: { value: m.value, records: m.value, kind: 'count' as const } }] : [];
      case 'sum': return [{ measure: m, columns: { value: m.value, records: m.contributors, kind: 'sum' as const } }];
      case 'statistic': case 'ratio': return [];
      default: { const never: never = m; throw new Error(`unhandled measure ${String(never)}`); }
    }
  });
}

/** Each raw row's requested measures: suppressed where secondary suppression (or a higher
 *  threshold) says so, else by the policy's rule for its kind. */
function protectRows(
  policy: DisclosurePolicy, raw: RawAggregates, states: States, keyOf: (row: RawRow) => string,
  sensitiveMaxOf: (row: RawRow) => number | undefined,
): ProtectedAggregates {
  const plan = raw.plan;
  const byId = new Map(plan.measures.map((m) => [m.id, m]));
  let suppressedCount = 0;
  let secondaryCount = 0;
  const rows = raw.rows.map((row): ProtectedRow => {
    const key = keyOf(row);
    const max = sensitiveMaxOf(row);
    // Fine codes at one provider: distinct counts and statistics take the higher threshold too.
    const rowPolicy = max !== undefined && max > policy.suppressMax ? { ...policy, suppressMax: max } : policy;
    const done = new Map<string, ProtectedValue>();
    const valueOf = (m: MeasurePlan): ProtectedValue => {
      const hit = done.get(m.id);
      if (hit) return hit;
      const state = states.get(m.id)?.get(key);
      if (state === 'secondary' && plan.requestedMeasures.includes(m.id)) secondaryCount++;
      const v = state === 'primary' || state === 'secondary'
        ? SUPPRESSED
        : protectMeasure(rowPolicy, m, row, (id) => valueOf(byId.get(id)!));
      done.set(m.id, v);
      return v;
    };
    const cells = plan.requestedMeasures.map((id) => valueOf(byId.get(id)!));
    suppressedCount += cells.filter((c) => c.suppressed).length;
    return { dims: row.dims, groupingId: row.groupingId, cells };
  });
  // The one place the brand is granted: everything above went through the policy rules.
  return { plan, policy, rows, suppressedCount, secondaryCount } as unknown as ProtectedAggregates;
}

const SUPPRESSED: ProtectedValue = Object.freeze({ value: null, suppressed: true });

function protectMeasure(policy: DisclosurePolicy, m: MeasurePlan, row: RawRow, part: (id: string) => ProtectedValue): ProtectedValue {
  const num = (alias: string) => row.aggregates.get(alias) ?? null;
  switch (m.kind) {
    case 'count': return protectCount(policy, num(m.value) ?? 0);
    case 'sum': return protectSum(policy, num(m.value), num(m.contributors) ?? 0);
    case 'statistic': return protectStatistic(policy, num(m.value), num(m.contributors) ?? 0, m);
    case 'ratio': return protectRatio(part(m.numerator), part(m.denominator), m.multiplier);
    default: { const never: never = m; throw new Error(`unhandled measure ${String(never)}`); }
  }
}
