// The DuckDB engine's timeout and cancellation: a long statement is interrupted and surfaces as
// a typed domain error, and the connection is usable afterwards.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCancelledError, QueryTimeoutError } from '../../shared/errors/domain-error';
import type { CompiledQuery, PivotPlan } from '../../shared/sql/pivot-plan';
import type { Engine } from './engine';
import { openDuckDbEngine } from './duckdb-engine';

const plan: PivotPlan = {
  dataset: 'apc', table: 'apc', years: [], dimensions: [], measures: [], requestedMeasures: [],
  aggregates: [{ alias: 'a0', fn: 'count', arg: null, where: null }], where: { kind: 'all', parts: [] }, recordFilters: [], groupingSets: [[]],
};
// Cross join of ranges: minutes of work unless interrupted.
const slow: CompiledQuery = { sql: 'SELECT count(*) AS a0, 0 AS grouping_id FROM range(100000000) a, range(1000) b WHERE (a.range * b.range) % 7 = $1', params: [3], plan };
const fast: CompiledQuery = { sql: 'SELECT count(*) AS a0, 0 AS grouping_id FROM range(10) WHERE range > $1', params: [4], plan };

let engine: Engine;
beforeAll(async () => { engine = await openDuckDbEngine({ dataDir: mkdtempSync(path.join(tmpdir(), 'hes-engine-')), datasets: [], connections: 1 }); });
afterAll(async () => { await engine.close(); });

describe('DuckDB engine', () => {
  it('interrupts a statement that runs past its timeout', async () => {
    await expect(engine.run(slow, { timeoutMs: 200 })).rejects.toBeInstanceOf(QueryTimeoutError);
    const after = await engine.run(fast, { timeoutMs: 5_000 });
    expect(after.rows[0]!.aggregates.get('a0')).toBe(5);
  });

  it('cancels a running statement when the request is aborted', async () => {
    const controller = new AbortController();
    const running = engine.run(slow, { timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
    expect((await engine.run(fast, { timeoutMs: 5_000 })).rows[0]!.aggregates.get('a0')).toBe(5);
  });
});
