// Raw aggregates written by hand for result-shaping unit tests: rows give values per measure id
// (and '<id>.records' for the records behind a sum or statistic), set under the plan's aliases.
import type { PivotPlan } from '../sql/pivot-plan';
import type { RawAggregates, RawRow } from './raw-aggregates';

export interface TestRow {
  readonly dims: readonly (string | null)[];
  /** Bit set = dimension rolled up; MSB = dimension 0 (as the dialect's groupingId). */
  readonly groupingId: number;
  readonly values: Readonly<Record<string, number | null>>;
}

export function testAggregates(plan: PivotPlan, rows: readonly TestRow[]): RawAggregates {
  return {
    plan,
    rows: rows.map((row): RawRow => {
      const values = new Map(Object.entries(row.values));
      const aggregates = new Map<string, number | null>();
      for (const m of plan.measures) {
        switch (m.kind) {
          case 'count': aggregates.set(m.value, values.get(m.id) ?? 0); break;
          case 'sum':
          case 'statistic':
            aggregates.set(m.value, values.get(m.id) ?? null);
            aggregates.set(m.contributors, values.get(`${m.id}.records`) ?? 0);
            break;
          case 'ratio': break;
          default: { const never: never = m; throw new Error(`unhandled measure ${String(never)}`); }
        }
      }
      return { dims: row.dims, groupingId: row.groupingId, aggregates };
    }),
  };
}
