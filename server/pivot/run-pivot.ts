// The one pivot path: compile → execute → protect → overlap control → audit → respond. The only
// server caller of protect() (through protected-table.ts); raw aggregates never leave the server
// (the cache entry keeps them, for overlap control to compare and re-protect with).
import type { PivotQuery } from '../../shared/query/pivot-query';
import type { PivotResult } from '../../shared/result/pivot-result';
import { accessScope } from '../auth/access-scope';
import type { Services } from '../services';
import type { User } from '../store/app-store';
import { pivotCacheKey } from './pivot-cache';
import { runProtectedTable, withhold } from './protected-table';

export async function runPivot(services: Services, user: User, query: PivotQuery, signal?: AbortSignal): Promise<PivotResult> {
  const audit = (outcome: 'ok' | 'error', cells = 0, suppressed = 0) =>
    services.store.recordAudit({ userId: user.id, dataset: query.dataset, queryJson: JSON.stringify(query), cells, suppressed, outcome });
  const cacheKey = pivotCacheKey(query, accessScope(user), services.dataVersion);
  try {
    // Asked again: the same answer (overlap control may have withheld some of it).
    const earlier = services.overlap.earlier(user.id, query.dataset, cacheKey);
    if (earlier) {
      audit('ok', earlier.rows.length * earlier.columns.length * earlier.measures.length, earlier.suppressedCount);
      return earlier;
    }
    const dataset = services.catalogue.datasets.get(query.dataset);
    if (dataset) services.overlap.admit(user.id, query, dataset);
    // A cached table is the same for everyone with the same access; overlap control is not
    // (it depends on what this analyst saw), so it runs on hits too.
    let table = services.pivotCache.get(cacheKey);
    if (!table) {
      table = await runProtectedTable(services, query, signal);
      services.pivotCache.set(cacheKey, table);
    }
    let verdict = services.overlap.check(user.id, query.dataset, table.cells);
    // Cells to withhold, or suppressed cells other tables of theirs bound: protect it again.
    if (verdict.suppress.size > 0 || verdict.boundsHidden) ({ table, verdict } = await withhold(services, table, verdict, signal));
    const result = services.overlap.publish(user.id, query.dataset, cacheKey, table.result, table.cells, verdict);
    // Audited either way: the audit log records every table an analyst saw.
    audit('ok', result.rows.length * result.columns.length * result.measures.length, result.suppressedCount);
    return result;
  } catch (error) {
    audit('error');
    throw error;
  }
}
