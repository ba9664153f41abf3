// Warming the engine's cache once the tables start-up wanted are ready: the latest year of each
// per-record table (most queries ask for it), then the grouped rollups, read last so they stay.
// A server on a kept database otherwise starts with DuckDB's buffer empty and fills it with the
// first minutes of queries; warm, DuckDB holds about its limit from the start (950 MiB over five
// national years), and what still grows is the queries' working memory outside that limit.
import { clusterIs } from '../../shared/sql/record-table-build';
import type { RollupSpec } from '../../shared/sql/rollup';
import type { CacheRead, Engine } from './engine';

const WARM_TIMEOUT_MS = 5 * 60_000;

/** What to read into the cache, in order. */
export function cacheReads(tables: readonly RollupSpec[]): CacheRead[] {
  const latest = (spec: RollupSpec): CacheRead => {
    const cluster = spec.clusterBy;
    const year = cluster?.values.at(-1);
    return cluster === undefined || year === undefined
      ? { table: spec.table }
      : { table: spec.table, where: clusterIs(cluster, year) };
  };
  return [...tables.filter((t) => t.perRecord).map(latest), ...tables.filter((t) => !t.perRecord).map((t) => ({ table: t.table }))];
}

export async function warmEngineCache(engine: Engine, tables: readonly RollupSpec[], log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const reads = cacheReads(tables);
  try {
    await engine.warmCache(reads, { timeoutMs: WARM_TIMEOUT_MS });
    const { bytes } = await engine.memoryInUse();
    log(`[rollups] engine cache warmed from ${reads.length} table(s) in ${Math.round(performance.now() - started)} ms: ${Math.round(bytes / 2 ** 20)} MiB held`);
  } catch (error) {
    // Only a slower first few queries: never a reason to stop serving.
    log(`[rollups] engine cache not warmed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
