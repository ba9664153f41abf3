// Compiles a validated PivotQuery into one parameterised SQL statement.
// Pure: no engine and no I/O, so the browser demo runs this same code.
import type { Catalogue } from '../catalogue/catalogue-types';
import type { PivotQuery } from '../query/pivot-query';
import { buildPlan } from './build-plan';
import type { Dialect } from './dialect';
import type { CompiledQuery } from './pivot-plan';
import { renderSql } from './render-sql';
import { renderTwoStep, twoStepBlocker } from './render-two-step';

/** Two steps (fine-grain partials, then grouping sets) whenever every measure rolls up: every
 *  set no longer re-reads the records, and medians come exactly from histograms. */
export function compilePivot(query: PivotQuery, catalogue: Catalogue, dialect: Dialect): CompiledQuery {
  const plan = buildPlan(query, catalogue);
  return twoStepBlocker(plan) === null ? renderTwoStep(plan, dialect) : renderSql(plan, dialect);
}
