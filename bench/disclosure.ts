// Disclosure control's cost and its effect on utility, in process on real engine answers:
// for typical pivots, the share of values suppressed (primary and secondary) and the time
// protection takes; pivot A's protection time; and overlap control over one analyst's session
// of 300 requests from the bench's analyst mix (time per check, cells remembered, heap).
//   npx tsx bench/disclosure.ts [--data-dir DIR]   (default: the test suites' demo data)
//   npm run bench (prints it for the demo scale; --national for pivot A nationally)
import '../server/allocator-env';
import path from 'node:path';
import { protect } from '../shared/disclosure/protect';
import { protectContext } from '../shared/disclosure/protect-context';
import { PivotQuerySchema, type PivotQueryInput } from '../shared/query/pivot-query';
import { compilePivot } from '../shared/sql/compile-pivot';
import { hashPassword } from '../server/auth/passwords';
import { ROOT_DIR } from '../server/build-client';
import { readConfig } from '../server/config';
import { runPivot } from '../server/pivot/run-pivot';
import { startServer, type RunningServer } from '../server/start-server';
import { createAnalystMix, type LastTable } from './analyst-mix';
import { percentile } from './percentile';
import { PIVOT_A } from './pivot-a';
import { seededRandom } from './seeded-random';

export const TYPICAL: readonly { name: string; query: PivotQueryInput }[] = [
  { name: 'APC chapter × sex, FCEs + mean age', query: { dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'chapter' }], columns: [{ field: 'sex' }], measures: ['fce', 'mean_age'] } },
  { name: 'APC chapter × provider region, FCEs', query: { dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'chapter' }], columns: [{ field: 'procode3', level: 'provider_region' }], measures: ['fce'] } },
  { name: 'APC block × age band, FAEs', query: { dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'block' }], columns: [{ field: 'age_band' }], measures: ['fae'] } },
  { name: 'APC region › chapter × sex, FCEs + median LOS', query: { dataset: 'apc', years: ['2324'], rows: [{ field: 'procode3', level: 'provider_region' }, { field: 'diag_01', level: 'chapter' }], columns: [{ field: 'sex' }], measures: ['fce', 'los_median'] } },
  { name: 'APC main specialty × admission group, FAEs + bed days', query: { dataset: 'apc', years: ['2324'], rows: [{ field: 'mainspef' }], columns: [{ field: 'admimeth_group' }], measures: ['fae', 'fce_bed_days'] } },
  { name: 'APC provider (trust) × year, FAEs', query: { dataset: 'apc', years: ['2223', '2324'], rows: [{ field: 'procode3' }], columns: [{ field: 'fyear' }], measures: ['fae'] } },
  { name: 'OP treatment function × attendance, appointments', query: { dataset: 'op', years: ['2324'], rows: [{ field: 'tretspef' }], columns: [{ field: 'attended' }], measures: ['appointments'] } },
  { name: 'A&E department type × disposal, attendances + % within 4 h', query: { dataset: 'ae', years: ['2324'], rows: [{ field: 'aedepttype' }], columns: [{ field: 'aeattenddisp' }], measures: ['attendances', 'pct_within_4h'] } },
];

export interface ShareFigure { name: string; values: number; primary: number; secondary: number; protectMs: number }

/** Suppression shares and protection time of a pivot on the server's engine. */
export async function protectionFigures(server: RunningServer, name: string, input: PivotQueryInput, runs = 5): Promise<ShareFigure> {
  const { catalogue, engine, policy } = server.services;
  const query = PivotQuerySchema.parse(input);
  const raw = await engine.run(compilePivot(query, catalogue, engine.dialect), { timeoutMs: 120_000 });
  const context = protectContext(query, raw.plan, catalogue, policy);
  const times: number[] = [];
  let result = protect(policy, raw, context);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = protect(policy, raw, context);
    times.push(performance.now() - t);
  }
  const values = result.rows.length * result.plan.requestedMeasures.length;
  return { name, values, primary: result.suppressedCount - result.secondaryCount, secondary: result.secondaryCount, protectMs: percentile(times, 0.5) };
}

export interface OverlapFigure { requests: number; withheldTables: number; refused: number; checkP50: number; checkP95: number; cellsRemembered: number; heapMiB: number }

/** One analyst's session of `requests` from the analyst mix, through the whole pivot path,
 *  timing overlap control's check (with re-protection when it withholds). */
export async function overlapFigures(server: RunningServer, requests = 300): Promise<OverlapFigure> {
  const services = server.services;
  const email = `bench-overlap-${Date.now()}@bench.hes`;
  const user = services.store.createUser({ email, name: 'Bench', role: 'analyst', passwordHash: await hashPassword('bench-password-1') });
  const mix = createAnalystMix(services.catalogue, seededRandom(17));
  const times: number[] = [];
  let last: LastTable | undefined;
  let withheld = 0;
  let refused = 0;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  // Time the check alone: wrap the guard's check and publish for this run.
  const guard = services.overlap;
  const check = guard.check.bind(guard);
  guard.check = (userId, dataset, cells) => {
    const t = performance.now();
    const verdict = check(userId, dataset, cells);
    times.push(performance.now() - t);
    if (verdict.suppress.size > 0) withheld++;
    return verdict;
  };
  try {
    for (let i = 0; i < requests; i++) {
      const planned = mix.next(last);
      const query = PivotQuerySchema.parse(planned.query);
      try {
        last = { query: planned.query, result: await runPivot(services, user, query) };
      } catch {
        refused++;
      }
    }
  } finally {
    guard.check = check;
  }
  global.gc?.();
  return {
    requests, withheldTables: withheld, refused, checkP50: percentile(times, 0.5), checkP95: percentile(times, 0.95),
    cellsRemembered: guard.cellsRemembered(), heapMiB: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
  };
}

export function printDisclosure(shares: readonly ShareFigure[], pivotA: ShareFigure, overlap: OverlapFigure | undefined, label: string): void {
  console.log(`\nDisclosure control (${label})`);
  for (const s of shares) {
    const pct = (n: number) => `${((100 * n) / Math.max(1, s.values)).toFixed(1)}%`;
    console.log(`  ${s.name}: ${s.values} values, suppressed ${pct(s.primary + s.secondary)} (primary ${pct(s.primary)}, secondary ${pct(s.secondary)}); protect ${s.protectMs.toFixed(2)} ms`);
  }
  const all = shares.reduce((n, s) => ({ v: n.v + s.values, p: n.p + s.primary, q: n.q + s.secondary }), { v: 0, p: 0, q: 0 });
  console.log(`  all typical pivots: ${all.v} values, primary ${((100 * all.p) / all.v).toFixed(1)}%, secondary ${((100 * all.q) / all.v).toFixed(1)}%`);
  console.log(`  pivot A: protect ${pivotA.protectMs.toFixed(2)} ms (${pivotA.values} values, ${pivotA.primary + pivotA.secondary} suppressed)`);
  if (overlap) {
    console.log(`  overlap control, one analyst, ${overlap.requests} requests: check p50 ${overlap.checkP50.toFixed(2)} ms, p95 ${overlap.checkP95.toFixed(2)} ms; `
      + `${overlap.withheldTables} tables with cells withheld, ${overlap.refused} refused; ${overlap.cellsRemembered} cells remembered, heap +${overlap.heapMiB.toFixed(1)} MiB`);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--data-dir');
  const dataDir = at >= 0 ? argv[at + 1]! : path.join(ROOT_DIR, '.tmp', 'test-data');
  const server = await startServer(readConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }), { log: () => {}, seedRollups: false });
  try {
    const shares: ShareFigure[] = [];
    for (const p of TYPICAL) if (server.services.catalogue.datasets.has(p.query.dataset)) shares.push(await protectionFigures(server, p.name, p.query));
    const pivotA = await protectionFigures(server, 'pivot A', PIVOT_A, 25);
    printDisclosure(shares, pivotA, await overlapFigures(server), dataDir);
  } finally {
    await server.close();
  }
}

if (process.argv[1]?.endsWith('disclosure.ts')) main().catch((e: unknown) => { console.error(e); process.exit(1); });
