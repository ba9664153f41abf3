// Acceptance test for disclosure control: scripted attackers call the real API with legitimate
// queries and try to pin down true counts of 1–7 (hes-data.md §5.4). Every true value comes from
// the suite's own SQL over the Parquet. A family fails when any small target's feasible interval
// is narrower than the policy's protection width, a value is published for 1–7 records, or one
// population gets two different published values; it also fails when its first, plain query is
// refused or mostly suppressed, so a policy that refuses everything cannot pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAttackContext, type AttackContext, type RunningAttackContext } from './attack-context';
import { FAMILIES, type FamilyRun } from './families';
import { describeFailure, type Failure, type FamilyId, type ScenarioOutcome } from './findings';

/** The first, plain query of every scenario must show at least this share of its cells. */
const MAX_FIRST_SUPPRESSED_SHARE = 0.4;
/** Failures listed per family and dataset in an assertion message (all are counted). */
const LISTED = 6;

let running: RunningAttackContext;
let ctx: AttackContext;
const outcomes: ScenarioOutcome[] = [];

beforeAll(async () => {
  running = await startAttackContext();
  ctx = running.ctx;
}, 120_000);

afterAll(async () => {
  await running?.close();
});

/** Disclosures first, then narrow intervals, inconsistencies and model mismatches. */
const KIND_ORDER: readonly Failure['kind'][] = ['published-small', 'interval', 'inconsistent', 'model'];

function listFailures(failures: readonly Failure[]): string {
  const groups = new Map<string, Failure[]>();
  const rank = (f: Failure) => KIND_ORDER.indexOf(f.kind) * 2 + (f.primary ? 0 : 1);
  for (const f of [...failures].sort((a, b) => rank(a) - rank(b))) {
    const key = `${f.family} ${f.dataset}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.entries()].map(([key, fs]) =>
    [`${key}: ${fs.length} failure(s)`, ...fs.slice(0, LISTED).map((f) => `  ${describeFailure(f)}`), ...(fs.length > LISTED ? [`  … ${fs.length - LISTED} more`] : [])].join('\n')).join('\n');
}

async function runFamily(family: FamilyRun): Promise<void> {
  const mine: ScenarioOutcome[] = [];
  for (const dataset of family.datasets) {
    for (const seed of family.seeds) {
      const outcome = await family.run(dataset, seed, ctx);
      mine.push(outcome);
      outcomes.push(outcome);
    }
  }
  const utility = mine.flatMap((o) => [
    ...(o.firstAnswered ? [] : [`${o.dataset} seed ${o.seed} (${o.title}): the first, plain query was refused`]),
    ...(o.firstSuppressedShare >= MAX_FIRST_SUPPRESSED_SHARE ? [`${o.dataset} seed ${o.seed} (${o.title}): ${(100 * o.firstSuppressedShare).toFixed(0)}% of the first query's cells suppressed`] : []),
  ]);
  expect(utility, `utility: ${utility.join('; ')}`).toEqual([]);
  expect(mine.reduce((n, o) => n + o.targets, 0), 'the family found no small targets to attack').toBeGreaterThan(0);
  const failures = mine.flatMap((o) => o.failures);
  expect(failures.length, `${family.family} broke disclosure control:\n${listFailures(failures)}`).toBe(0);
}

describe('attack suite: scripted attackers against the real API', () => {
  for (const family of FAMILIES) it(family.family, () => runFamily(family), 120_000);

  it('summary: no family derived a small count', () => {
    const byFamily = new Map<FamilyId, ScenarioOutcome[]>();
    for (const o of outcomes) byFamily.set(o.family, [...(byFamily.get(o.family) ?? []), o]);
    const lines = [...byFamily.entries()].map(([family, os]) => {
      const sum = (f: (o: ScenarioOutcome) => number) => os.reduce((n, o) => n + f(o), 0);
      const shares = os.map((o) => o.firstSuppressedShare).filter((s) => !Number.isNaN(s)).map((s) => `${(100 * s).toFixed(0)}%`);
      return `${family.padEnd(30)} scenarios ${os.length}, queries ${sum((o) => o.queries)} (refused ${sum((o) => o.refused)}), targets ${sum((o) => o.targets)}, ` +
        `failures ${sum((o) => o.failures.length)}, LP solves ${sum((o) => o.lpSolves)}, first-query suppressed ${shares.join('/')}, ${(sum((o) => o.ms) / 1000).toFixed(1)} s`;
    });
    const refusals = new Map<string, number>();
    for (const a of ctx.attackers) for (const [code, n] of a.stats.refusedBy) refusals.set(code, (refusals.get(code) ?? 0) + n);
    const widths = [...new Set(outcomes.map((o) => o.protectionWidth))].join(', ');
    console.log(['Attack suite summary', `exact LP: ${ctx.lp ? 'shared/disclosure/feasible-interval.ts' : 'absent (propagation only)'}; protection width ${widths}`, ...lines,
      `refusals by code: ${[...refusals].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`].join('\n'));
    const failures = outcomes.flatMap((o) => o.failures);
    expect(failures.length, `disclosure control failures:\n${listFailures(failures)}`).toBe(0);
  });
});
