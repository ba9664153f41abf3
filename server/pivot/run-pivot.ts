// The one pivot path: compile → execute → protect → audit → respond. The only server caller
// of protect(); raw aggregates never leave this function. A top-N table with "Other" runs a
// second query for the rows past the limit (a rollup's when one holds it), protected by the
// same policy.
import { protect } from '../../shared/disclosure/protect';
import type { PivotQuery } from '../../shared/query/pivot-query';
import { addOtherRow } from '../../shared/result/add-other-row';
import { otherRowRequest } from '../../shared/result/other-row-query';
import type { PivotResult } from '../../shared/result/pivot-result';
import { shapePivot } from '../../shared/result/shape-pivot';
import { compilePivot, compilePlan } from '../../shared/sql/compile-pivot';
import { accessScope } from '../auth/access-scope';
import type { Services } from '../services';
import { pivotCacheKey } from './pivot-cache';
import type { User } from '../store/app-store';

export async function runPivot(services: Services, user: User, query: PivotQuery, signal?: AbortSignal): Promise<PivotResult> {
  const audit = (outcome: 'ok' | 'error', cells = 0, suppressed = 0) =>
    services.store.recordAudit({ userId: user.id, dataset: query.dataset, queryJson: JSON.stringify(query), cells, suppressed, outcome });
  const options = { timeoutMs: services.queryTimeoutMs, ...(signal ? { signal } : {}) };
  const cacheKey = pivotCacheKey(query, accessScope(user), services.dataVersion);
  const cached = services.pivotCache.get(cacheKey);
  if (cached) {
    // Served from cache, still audited: the audit log records every table an analyst saw.
    audit('ok', cached.rows.length * cached.columns.length * cached.measures.length, cached.suppressedCount);
    return cached;
  }
  try {
    const compiled = compilePivot(query, services.catalogue, services.engine.dialect, services.rollups.ready());
    services.rollups.observe(compiled);
    const raw = await services.engine.run(compiled, options);
    const protectedCells = protect(services.policy, raw);
    let result = shapePivot(protectedCells, query, services.catalogue, { asOf: services.asOf, dataVersion: services.dataVersion });

    const other = otherRowRequest(query, services.catalogue, protectedCells, result);
    switch (other.kind) {
      case 'none': break;
      case 'not-for-mentions': result = { ...result, notes: [...result.notes, other.note] }; break;
      case 'run': {
        // From a rollup or the per-record table when one holds it, as the table itself.
        const rawOther = await services.engine.run(compilePlan(other.plan, services.catalogue, services.engine.dialect, services.rollups.ready()), options);
        result = addOtherRow(result, protect(services.policy, rawOther), other.hidden);
        break;
      }
      default: { const never: never = other; throw new Error(`unhandled other-row request ${String(never)}`); }
    }

    audit('ok', result.rows.length * result.columns.length * result.measures.length, result.suppressedCount);
    services.pivotCache.set(cacheKey, result);
    return result;
  } catch (error) {
    audit('error');
    throw error;
  }
}
