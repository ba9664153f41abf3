// The DuckDB engine's timeout and cancellation: a long statement is interrupted and surfaces as
// a typed domain error, and the connection is usable afterwards. Rollup queries have their own
// lane of connections.
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

  it('answers rollup and distinct-count queries while every records connection is busy, and queues another records query', async () => {
    const controller = new AbortController();
    const running = engine.run(slow, { timeoutMs: 60_000, signal: controller.signal }); // the only records connection
    const settled = { records: false };
    const queued = engine.run(fast, { timeoutMs: 60_000 }).finally(() => { settled.records = true; });
    const fromRollup = await engine.run({ ...fast, rollup: 'any_rollup' }, { timeoutMs: 5_000 });
    expect(fromRollup.rows[0]!.aggregates.get('a0')).toBe(5);
    // Distinct counts have a lane of their own too.
    const distinctPlan: PivotPlan = { ...plan, aggregates: [{ alias: 'a0', fn: 'count_distinct', arg: 'range', where: null }] };
    const distinct = await engine.run({ ...fast, plan: distinctPlan }, { timeoutMs: 5_000 });
    expect(distinct.rows[0]!.aggregates.get('a0')).toBe(5);
    // A per-record table is a scan of every record: it waits in the records lane.
    const perRecord = engine.run({ ...fast, rollup: 'records_apc', perRecord: true }, { timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 100));
    expect(settled.records).toBe(false);
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
    expect((await queued).rows[0]!.aggregates.get('a0')).toBe(5);
    expect((await perRecord).rows[0]!.aggregates.get('a0')).toBe(5);
  });
});
