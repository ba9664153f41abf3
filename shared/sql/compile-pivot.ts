// Compiles a validated PivotQuery into one parameterised SQL statement.
// Pure: no engine and no I/O, so the browser demo runs this same code.
import type { Catalogue } from '../catalogue/catalogue-types';
import type { PivotQuery } from '../query/pivot-query';
import { buildPlan } from './build-plan';
import type { Dialect } from './dialect';
import type { CompiledQuery } from './pivot-plan';
import { renderSql } from './render-sql';

export function compilePivot(query: PivotQuery, catalogue: Catalogue, dialect: Dialect): CompiledQuery {
  return renderSql(buildPlan(query, catalogue), dialect);
}
