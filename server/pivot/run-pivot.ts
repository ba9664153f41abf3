// The one pivot path: compile → execute → protect → audit → respond. The only server caller
// of protect(); raw aggregates never leave this function.
import { protect } from '../../shared/disclosure/protect';
import type { PivotQuery } from '../../shared/query/pivot-query';
import type { PivotResult } from '../../shared/result/pivot-result';
import { shapePivot } from '../../shared/result/shape-pivot';
import { compilePivot } from '../../shared/sql/compile-pivot';
import type { Services } from '../services';
import type { User } from '../store/app-store';

export async function runPivot(services: Services, user: User, query: PivotQuery, signal?: AbortSignal): Promise<PivotResult> {
  const audit = (outcome: 'ok' | 'error', cells = 0, suppressed = 0) =>
    services.store.recordAudit({ userId: user.id, dataset: query.dataset, queryJson: JSON.stringify(query), cells, suppressed, outcome });
  try {
    const compiled = compilePivot(query, services.catalogue, services.engine.dialect);
    const raw = await services.engine.run(compiled, { timeoutMs: services.queryTimeoutMs, ...(signal ? { signal } : {}) });
    const protectedCells = protect(services.policy, raw);
    const result = shapePivot(protectedCells, query, services.catalogue, { asOf: services.asOf, dataVersion: services.dataVersion });
    audit('ok', result.rows.length * result.columns.length * result.measures.length, result.suppressedCount);
    return result;
  } catch (error) {
    audit('error');
    throw error;
  }
}
