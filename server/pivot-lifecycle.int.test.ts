// The pivot path's lifecycle over real HTTP: a repeated query comes from the cache (and is
// still audited), and a request the browser abandons interrupts its DuckDB statement.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCancelledError } from '../shared/errors/domain-error';
import { PivotQuerySchema, type PivotQueryInput } from '../shared/query/pivot-query';
import { readConfig } from './config';
import type { Engine } from './engine/engine';
import { runPivot } from './pivot/run-pivot';
import { startServer, type RunningServer } from './start-server';

const EMAIL = 'life@test.hes';
const PASSWORD = 'lifecycle-pass-1';
// Minutes of work unless interrupted (a cross join of ranges).
const SLOW_SQL = 'SELECT count(*) AS a0, 0 AS grouping_id FROM range(100000000) a, range(1000) b WHERE (a.range * b.range) % 7 = 3';

/** The real engine, except that a query carrying the marker value runs SLOW_SQL on the real
 *  DuckDB connection instead. Records how each slow run ended. */
const slowRuns: { outcome: 'ok' | 'cancelled' | 'other'; ms: number }[] = [];
const MARKER = 119.25; // an age no range filter asks for in any other test
function probe(real: Engine): Engine {
  return {
    dialect: real.dialect,
    close: () => real.close(),
    buildRollup: (spec, options) => real.buildRollup(spec, options),
    dropRollup: (table) => real.dropRollup(table),
    pending: () => real.pending(),
    estimateDistinct: (table, columns, options) => real.estimateDistinct(table, columns, options),
    kept: () => real.kept(),
    memoryInUse: () => real.memoryInUse(),
    warmCache: (reads, options) => real.warmCache(reads, options),
    rememberEstimate: (key, distinct) => real.rememberEstimate(key, distinct),
    async run(query, options) {
      if (!query.params.includes(MARKER)) return real.run(query, options);
      const started = performance.now();
      try {
        const out = await real.run({ ...query, sql: SLOW_SQL, params: [] }, options);
        slowRuns.push({ outcome: 'ok', ms: performance.now() - started });
        return out;
      } catch (error) {
        slowRuns.push({ outcome: error instanceof QueryCancelledError ? 'cancelled' : 'other', ms: performance.now() - started });
        throw error;
      }
    },
  };
}

let server: RunningServer;
let dataDir: string;
let cookie = '';
const base = () => server.url.replace('localhost', '127.0.0.1');

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hes-life-'));
  const config = readConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_SCALE: '0.001', DEMO_EMAIL: EMAIL, DEMO_PASSWORD: PASSWORD });
  server = await startServer(config, { log: () => {}, data: { years: ['2324'], datasets: ['apc'] }, decorateEngine: probe });
  const login = await fetch(`${base()}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  cookie = login.headers.getSetCookie().find((c) => c.startsWith('hes_session='))!.split(';')[0]!;
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pivotUrl = (q: PivotQueryInput) => `${base()}/trpc/query.pivot?input=${encodeURIComponent(JSON.stringify(q))}`;
const get = (q: PivotQueryInput, signal?: AbortSignal) => fetch(pivotUrl(q), { headers: { cookie }, ...(signal ? { signal } : {}) });

describe('pivot lifecycle', () => {
  const query: PivotQueryInput = { dataset: 'apc', years: ['2324'], rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }], measures: ['fce', 'los_median'] };

  it('serves a repeated query from the cache, identical and still audited', async () => {
    const before = server.services.pivotCache.stats();
    const user = server.services.store.findUserByEmail(EMAIL)!;
    const auditsBefore = server.services.store.countAudit(user.id);
    const first = await (await get(query)).json();
    const t = performance.now();
    const second = await (await get(query)).json();
    const elapsed = performance.now() - t;
    expect(second).toEqual(first);
    // The analyst's own repeat is their earlier answer (overlap control keeps it the same);
    // another analyst's is the shared cache's.
    const other = `lifecycle-${Date.now()}@test.hes`;
    server.services.store.createUser({ email: other, name: 'Other', role: 'analyst', passwordHash: user.passwordHash });
    const otherUser = server.services.store.findUserByEmail(other)!;
    const viaOther = await runPivot(server.services, otherUser, PivotQuerySchema.parse(query));
    expect(viaOther.cells).toEqual(first.result.data.cells);
    const after = server.services.pivotCache.stats();
    expect(after.hits).toBe(before.hits + 1);
    expect(after.misses).toBe(before.misses + 1);
    expect(elapsed).toBeLessThan(1_000); // loose: the bench measures the real figure
    expect(server.services.store.countAudit(user.id)).toBe(auditsBefore + 2);
  });

  it('interrupts the DuckDB statement when the request is abandoned, and the engine serves the next one', async () => {
    const controller = new AbortController();
    const slow: PivotQueryInput = { ...query, filters: [{ kind: 'range', field: 'startage', low: 0, high: MARKER }] };
    const pending = get(slow, controller.signal).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 400));
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await expect.poll(() => slowRuns.length, { timeout: 10_000 }).toBe(1);
    expect(slowRuns[0]!.outcome).toBe('cancelled');
    expect(slowRuns[0]!.ms).toBeLessThan(5_000);
    // The engine's connections are free again.
    const next = await get({ ...query, measures: ['fae'] });
    expect(next.status).toBe(200);
  });
});
