// Compiles a validated PivotQuery into one parameterised SQL statement.
// Pure: no engine and no I/O, so the browser demo runs this same code.
import type { Catalogue } from '../catalogue/catalogue-types';
import type { PivotQuery } from '../query/pivot-query';
import { buildPlan } from './build-plan';
import type { Dialect } from './dialect';
import type { CompiledQuery, PivotPlan } from './pivot-plan';
import { renderSql } from './render-sql';
import { renderTwoStep, twoStepBlocker } from './render-two-step';
import { matchRollup, rollupSource, type RollupSpec } from './rollup';

/** Two steps (fine-grain partials, then grouping sets) whenever every measure rolls up: every
 *  set no longer re-reads the records, and medians come exactly from histograms. The first step
 *  reads a pre-aggregated rollup instead of the records when one covers the query. Distinct
 *  counts roll up only from a per-record table that keys them; otherwise they stay one step. */
export function compilePivot(query: PivotQuery, catalogue: Catalogue, dialect: Dialect, rollups: readonly RollupSpec[] = []): CompiledQuery {
  return compilePlan(buildPlan(query, catalogue), catalogue, dialect, rollups);
}

/** The same for a plan already built (e.g. a top-N table's "Other" row). */
export function compilePlan(plan: PivotPlan, catalogue: Catalogue, dialect: Dialect, rollups: readonly RollupSpec[] = []): CompiledQuery {
  const rollup = matchRollup(plan, rollups, catalogue.datasets.get(plan.dataset)?.columns);
  if (!rollup) return twoStepBlocker(plan) !== null ? renderSql(plan, dialect) : renderTwoStep(plan, dialect);
  return { ...renderTwoStep(plan, dialect, rollupSource(plan, rollup)), rollup: rollup.table, ...(rollup.perRecord ? { perRecord: true as const } : {}) };
}
