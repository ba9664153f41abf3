// The two-step plan (fine-grain partials, then grouping sets; medians from histograms) must give
// exactly what the one-step GROUPING SETS statement gives, for any query: fast-check draws
// queries over every dataset's fields, levels, measures and filters and runs both on the demo data.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../datasets/catalogue/load-catalogue';
import { demoDataDir } from '../../datasets/generator/testing/demo-data';
import type { Catalogue, DatasetId } from '../../shared/catalogue/catalogue-types';
import type { RawAggregates } from '../../shared/result/raw-aggregates';
import { PivotQuerySchema, type PivotQueryInput } from '../../shared/query/pivot-query';
import { buildPlan } from '../../shared/sql/build-plan';
import { duckdbDialect } from '../../shared/sql/dialects/duckdb';
import { renderSql } from '../../shared/sql/render-sql';
import { renderTwoStep, twoStepBlocker } from '../../shared/sql/render-two-step';
import { openDuckDbEngine } from './duckdb-engine';
import type { Engine } from './engine';

let engine: Engine;
let catalogue: Catalogue;
let years: readonly string[];

beforeAll(async () => {
  const dataDir = await demoDataDir();
  const manifest = (await import('node:fs')).readFileSync(`${dataDir}/manifest.json`, 'utf8');
  years = (JSON.parse(manifest) as { years: string[] }).years;
  catalogue = loadCatalogue(years);
  engine = await openDuckDbEngine({ dataDir, datasets: ['apc', 'op', 'ae'] });
}, 300_000);
afterAll(async () => { await engine?.close(); });

/** Rows keyed by grouping id and codes; values rounded so float summation order cannot differ. */
function keyed(raw: RawAggregates): Map<string, Record<string, number | null>> {
  return new Map(raw.rows.map((r) => [
    `${r.groupingId}|${r.dims.map((d) => d ?? '∅').join('|')}`,
    Object.fromEntries([...r.aggregates].map(([k, v]) => [k, v === null ? null : Number(v.toPrecision(10))])),
  ]));
}

function arbitraryQuery(dataset: DatasetId): fc.Arbitrary<PivotQueryInput> {
  const ds = catalogue.datasets.get(dataset)!;
  const codeFields = ds.fields.filter((f) => f.type === 'code');
  const fieldRef = fc.constantFrom(...codeFields).chain((f) => fc.constantFrom(...f.levels).map((l) => ({ field: f.id, level: l.id })));
  const measures = ds.measures.filter((m) => !m.hidden).map((m) => m.id);
  const numberFields = ds.fields.filter((f) => f.type === 'number');
  const range = fc.constantFrom(...numberFields).chain((f) => fc.tuple(fc.integer({ min: f.min, max: f.max }), fc.integer({ min: f.min, max: f.max }))
    .map(([a, b]) => ({ kind: 'range' as const, field: f.id, low: Math.min(a, b), high: Math.max(a, b) })));
  return fc.record({
    rows: fc.uniqueArray(fieldRef, { maxLength: 2, selector: (r) => r.field }),
    columns: fc.uniqueArray(fieldRef, { maxLength: 1, selector: (r) => r.field }),
    measures: fc.uniqueArray(fc.constantFrom(...measures), { minLength: 1, maxLength: 4 }),
    filters: fc.array(range, { maxLength: 1 }),
    totals: fc.boolean(),
    yearCount: fc.integer({ min: 1, max: 2 }),
  }).filter((q) => new Set([...q.rows, ...q.columns].map((r) => r.field)).size === q.rows.length + q.columns.length)
    .map(({ yearCount, ...q }) => ({ dataset, years: years.slice(-yearCount), ...q }));
}

describe('two-step plans', () => {
  for (const dataset of ['apc', 'op', 'ae'] as const) {
    it(`equal the one-step statement on ${dataset} for any query`, async () => {
      await fc.assert(fc.asyncProperty(arbitraryQuery(dataset), async (input) => {
        let plan;
        try { plan = buildPlan(PivotQuerySchema.parse(input), catalogue); } catch { return; } // too many cells etc.
        if (twoStepBlocker(plan) !== null) return;
        const direct = await engine.run(renderSql(plan, duckdbDialect), { timeoutMs: 60_000 });
        const twoStep = await engine.run(renderTwoStep(plan, duckdbDialect), { timeoutMs: 60_000 });
        expect(keyed(twoStep)).toEqual(keyed(direct));
      }), { numRuns: 15, seed: 20241126 });
    }, 300_000);
  }

  it('gives the same medians and counts for a plain median pivot', async () => {
    const plan = buildPlan(PivotQuerySchema.parse({ dataset: 'apc', years: years.slice(-1), rows: [{ field: 'sex' }], measures: ['los_median', 'fce'] }), catalogue);
    const direct = keyed(await engine.run(renderSql(plan, duckdbDialect), { timeoutMs: 60_000 }));
    const twoStep = keyed(await engine.run(renderTwoStep(plan, duckdbDialect), { timeoutMs: 60_000 }));
    expect(twoStep).toEqual(direct);
  });
});
