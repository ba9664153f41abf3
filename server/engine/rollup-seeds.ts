// Which rollups to build at start-up: the shapes of the pivots analysts ran most often recently,
// read from the audit log. The log holds validated queries only (no values), so this learns the
// workload without reading any record.
import type { Catalogue } from '../../shared/catalogue/catalogue-types';
import { PivotQuerySchema } from '../../shared/query/pivot-query';
import { buildPlan } from '../../shared/sql/build-plan';
import type { PivotPlan } from '../../shared/sql/pivot-plan';
import { rollupShape } from '../../shared/sql/rollup';

/** The plans of the `top` most frequent rollup shapes among `queries` (JSON), most frequent first. */
export function frequentShapes(queries: readonly string[], catalogue: Catalogue, top: number): PivotPlan[] {
  const byShape = new Map<string, { plan: PivotPlan; count: number }>();
  for (const text of queries) {
    let plan: PivotPlan;
    try {
      const parsed = PivotQuerySchema.safeParse(JSON.parse(text));
      if (!parsed.success) continue;
      plan = buildPlan(parsed.data, catalogue);
    } catch {
      continue; // a query of an older catalogue or data shape: nothing to learn from it
    }
    const shape = rollupShape(plan, catalogue.datasets.get(plan.dataset)?.columns);
    if (!shape) continue;
    const key = JSON.stringify([plan.dataset, shape]);
    const hit = byShape.get(key);
    if (hit) hit.count++; else byShape.set(key, { plan, count: 1 });
  }
  return [...byShape.values()].sort((a, b) => b.count - a.count).slice(0, top).map((x) => x.plan);
}
