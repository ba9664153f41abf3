// Disclosure control: the one pure function that turns raw aggregates into releasable cells.
// On the server its only caller is runPivot; exports and reports start from its output.
import type { RawAggregates, RawRow } from '../result/raw-aggregates';
import type { MeasurePlan, PivotPlan } from '../sql/pivot-plan';
import type { DisclosurePolicy } from './policy';
import { protectCount, protectRatio, protectStatistic, protectSum, type ProtectedValue } from './protect-value';

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
} & { readonly [protectedBrand]: true };

export function protect(policy: DisclosurePolicy, raw: RawAggregates): ProtectedAggregates {
  const byId = new Map(raw.plan.measures.map((m) => [m.id, m]));
  let suppressedCount = 0;
  const rows = raw.rows.map((row): ProtectedRow => {
    const done = new Map<string, ProtectedValue>();
    const valueOf = (m: MeasurePlan): ProtectedValue => {
      const hit = done.get(m.id);
      if (hit) return hit;
      const v = protectMeasure(policy, m, row, (id) => valueOf(byId.get(id)!));
      done.set(m.id, v);
      return v;
    };
    const cells = raw.plan.requestedMeasures.map((id) => valueOf(byId.get(id)!));
    suppressedCount += cells.filter((c) => c.suppressed).length;
    return { dims: row.dims, groupingId: row.groupingId, cells };
  });
  // The one place the brand is granted: everything above went through the policy rules.
  return { plan: raw.plan, policy, rows, suppressedCount } as unknown as ProtectedAggregates;
}

function protectMeasure(policy: DisclosurePolicy, m: MeasurePlan, row: RawRow, part: (id: string) => ProtectedValue): ProtectedValue {
  const num = (alias: string) => row.aggregates.get(alias) ?? null;
  switch (m.kind) {
    case 'count': return protectCount(policy, num(m.value) ?? 0);
    case 'sum': return protectSum(policy, num(m.value), num(m.contributors) ?? 0);
    case 'statistic': return protectStatistic(policy, num(m.value), num(m.contributors) ?? 0);
    case 'ratio': return protectRatio(part(m.numerator), part(m.denominator), m.multiplier);
    default: { const never: never = m; throw new Error(`unhandled measure ${String(never)}`); }
  }
}
