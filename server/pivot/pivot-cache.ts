// A bounded LRU of protected pivot results. The key is the validated query, the access scope
// of the asker (which data their agreement lets them see) and the data version, so a cached
// table is only ever served to someone entitled to the same rows, and never outlives the data.
import type { PivotQuery } from '../../shared/query/pivot-query';
import type { PivotResult } from '../../shared/result/pivot-result';
import type { ProtectedTable } from './protected-table';

/** What the cache holds: a protected table with what overlap control needs, its published
 *  cells and the raw aggregates to protect it again (these stay here, on the server). */
export type CachedPivot = Pick<ProtectedTable, 'result'>;

export interface PivotCacheOptions {
  /** Most results kept. */
  readonly maxEntries: number;
  /** Most cells (rows × columns × measures) kept over all results: bounds memory. */
  readonly maxCells: number;
}

export const DEFAULT_CACHE: PivotCacheOptions = { maxEntries: 2_000, maxCells: 5_000_000 };

/** The cache key: the query as validated (zod fixes key order), the scope and the data version. */
export const pivotCacheKey = (query: PivotQuery, scope: string, dataVersion: string): string =>
  JSON.stringify([dataVersion, scope, query]);

const cellsOf = ({ result: r }: CachedPivot): number => Math.max(1, r.rows.length * r.columns.length * r.measures.length);

export class PivotCache<T extends CachedPivot = ProtectedTable> {
  private readonly entries = new Map<string, T>();
  private cells = 0;
  private hitCount = 0;
  private missCount = 0;

  constructor(private readonly options: PivotCacheOptions = DEFAULT_CACHE) {}

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) { this.missCount++; return undefined; }
    // Re-insert: Map order is the recency order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    this.hitCount++;
    return hit;
  }

  set(key: string, result: T): void {
    const size = cellsOf(result);
    if (size > this.options.maxCells) return;
    const old = this.entries.get(key);
    if (old) { this.entries.delete(key); this.cells -= cellsOf(old); }
    this.entries.set(key, result);
    this.cells += size;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.cells <= this.options.maxCells) break;
      this.entries.delete(k);
      this.cells -= cellsOf(v);
    }
  }

  /** Forgets everything (the data changed). */
  clear(): void {
    this.entries.clear();
    this.cells = 0;
  }

  stats(): { entries: number; cells: number; hits: number; misses: number } {
    return { entries: this.entries.size, cells: this.cells, hits: this.hitCount, misses: this.missCount };
  }
}
