// What start-up learns from the audit log to choose rollups: the shapes of the pivots analysts
// ran recently, weighted by how often (for the planner), and the columns they read most. The
// log holds validated queries only (no values), so this learns the workload without reading
// any record.
import type { Catalogue } from '../../shared/catalogue/catalogue-types';
import { PivotQuerySchema } from '../../shared/query/pivot-query';
import { buildPlan } from '../../shared/sql/build-plan';
import type { PivotPlan } from '../../shared/sql/pivot-plan';
import { referencedColumns, rollupShape, shapeColumns } from '../../shared/sql/rollup';
import type { ShapeDemand } from '../../shared/sql/rollup-plan';

/** The rollup shapes of `queries` (JSON) on one dataset, each weighted by how many asked for it. */
export function workloadDemands(queries: readonly string[], catalogue: Catalogue, dataset: PivotPlan['dataset']): ShapeDemand[] {
  const columns = catalogue.datasets.get(dataset)?.columns;
  if (!columns) return [];
  const byShape = new Map<string, ShapeDemand>();
  for (const text of queries) {
    let plan: PivotPlan;
    try {
      const parsed = PivotQuerySchema.safeParse(JSON.parse(text));
      if (!parsed.success || parsed.data.dataset !== dataset) continue;
      plan = buildPlan(parsed.data, catalogue);
    } catch {
      continue; // a query of an older catalogue or data shape: nothing to learn from it
    }
    const shape = rollupShape(plan, columns);
    if (!shape) continue;
    const key = JSON.stringify(shape);
    const seen = byShape.get(key);
    byShape.set(key, seen ? { ...seen, weight: seen.weight + 1 } : { ...shape, columns: shapeColumns(shape, columns), weight: 1 });
  }
  return [...byShape.values()];
}

/** Columns of a dataset in the order a broad rollup should take them: those the recent
 *  queries' dimensions and filters read most often first, then the columns of the dataset's
 *  small code fields (coarse categories analysts use everywhere), in catalogue order. */
export function columnPriorities(queries: readonly string[], catalogue: Catalogue, dataset: PivotPlan['dataset'], smallList = 30): string[] {
  const ds = catalogue.datasets.get(dataset);
  if (!ds?.columns) return [];
  const known = new Set(ds.columns);
  const counts = new Map<string, number>();
  for (const text of queries) {
    try {
      const parsed = PivotQuerySchema.safeParse(JSON.parse(text));
      if (!parsed.success || parsed.data.dataset !== dataset) continue;
      const plan = buildPlan(parsed.data, catalogue);
      const exprs = [...plan.dimensions.filter((d) => !d.multiValued).map((d) => d.expr),
        ...plan.recordFilters.flatMap((p) => ('expr' in p ? [p.expr] : []))];
      for (const c of new Set(exprs.flatMap((e) => referencedColumns(e, known)))) counts.set(c, (counts.get(c) ?? 0) + 1);
    } catch {
      continue;
    }
  }
  const fromWorkload = [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const small = ds.fields.flatMap((f) => (f.type !== 'code' || f.multiValued === true ? [] : f.levels
    .filter((l) => (catalogue.codeLists.get(l.codeList)?.codes.length ?? Infinity) <= smallList)
    .flatMap((l) => referencedColumns(l.sql, known))));
  return [...new Set([...fromWorkload, ...small])];
}
