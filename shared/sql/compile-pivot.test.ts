import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/catalogue-types';
import type { DomainError } from '../errors/domain-error';
import { PivotQuerySchema, type PivotQueryInput } from '../query/pivot-query';
import { buildPlan } from './build-plan';
import { compilePivot } from './compile-pivot';
import { duckdbDialect } from './dialects/duckdb';
import { recordTableSpec, rollupSpec } from './rollup';
import { TEST_CATALOGUE } from './test-catalogue';

const q = (input: Partial<PivotQueryInput>) => PivotQuerySchema.parse({ dataset: 'apc', years: ['2324'], measures: ['fce'], ...input });
const compile = (input: Partial<PivotQueryInput>) => compilePivot(q(input), TEST_CATALOGUE, duckdbDialect);
const errorOf = (fn: () => unknown): DomainError => {
  try { fn(); } catch (e) { return e as DomainError; }
  throw new Error('expected an error');
};

describe('buildPlan', () => {
  it('bounds a dimension\'s codes by its code list, or by the codes below an `in` filter on a coarser level of its field', () => {
    const codesOf = (input: Partial<PivotQueryInput>) => buildPlan(q({ rows: [{ field: 'diag_01', level: 'code4' }], ...input }), TEST_CATALOGUE).dimensions[0]!.codes;
    expect(codesOf({})).toBe(2);
    expect(codesOf({ filters: [{ kind: 'in', field: 'diag_01', level: 'chapter', codes: ['X'] }] })).toBe(1);
    expect(codesOf({ filters: [{ kind: 'in', field: 'diag_01', level: 'code4', codes: ['J181'] }] })).toBe(1);
    expect(codesOf({ filters: [{ kind: 'not-in', field: 'diag_01', level: 'chapter', codes: ['X'] }] })).toBe(2);
  });

  it('clamps range bounds to the field\'s declared values, keeps fractions, and refuses a range holding none of them', () => {
    const between = (low: number, high: number) => buildPlan(q({ filters: [{ kind: 'range', field: 'startage', low, high }] }), TEST_CATALOGUE).recordFilters[1];
    // startage is declared 0…120: the SQL only ever sees values in that range.
    expect(between(-1e15, 1e15)).toEqual({ kind: 'between', expr: 'startage', low: 0, high: 120 });
    expect(between(18.5, 64.5)).toEqual({ kind: 'between', expr: 'startage', low: 18.5, high: 64.5 });
    expect(between(120, 500)).toEqual({ kind: 'between', expr: 'startage', low: 120, high: 120 });
    const outside = errorOf(() => between(200, 300));
    expect(outside.code).toBe('invalid-filter');
    expect(outside.message).toBe('"Age at start of episode" runs from 0 to 120 years, so a range from 200 to 300 holds no records.');
    expect(errorOf(() => between(-9, -1)).code).toBe('invalid-filter');
  });
});

describe('compilePivot', () => {
  it('renders one GROUPING SETS statement with every subtotal (golden)', async () => {
    const compiled = compile({
      rows: [{ field: 'diag_01' }], columns: [{ field: 'sex' }], measures: ['fce', 'los_median', 'pct_emergency', 'bed_days'],
      filters: [{ kind: 'range', field: 'startage', low: 18, high: 64 }, { kind: 'in', field: 'sex', codes: ['1', '2'] }],
    });
    await expect(`${compiled.sql}\n-- params: ${JSON.stringify(compiled.params)}\n`).toMatchFileSnapshot('golden/duckdb-two-dims.sql');
    expect(compiled.plan.groupingSets).toEqual([[0, 1], [0], [1], []]);
  });

  it('unnests an any-position field and filters lists by membership (golden)', async () => {
    const compiled = compile({ rows: [{ field: 'diag_any', level: 'code4' }], filters: [{ kind: 'in', field: 'diag_any', level: 'chapter', codes: ['X'] }, { kind: 'code-prefix', field: 'diag_01', prefix: 'j18' }] });
    await expect(`${compiled.sql}\n-- params: ${JSON.stringify(compiled.params)}\n`).toMatchFileSnapshot('golden/duckdb-any-position.sql');
  });

  it('answers distinct counts from a per-record table that keys them, and only from one', async () => {
    // Rollups need the dataset's column list (which columns a field expression reads).
    const apc = { ...TEST_CATALOGUE.datasets.get('apc')!, columns: ['fyear', 'fquarter', 'sex', 'diag_01_chapter', 'diag_01', 'startage', 'person_id'] };
    const catalogue: Catalogue = { ...TEST_CATALOGUE, datasets: new Map([['apc', apc]]) };
    const records = recordTableSpec(apc, 'apc_records');
    expect(records?.distinctKeys).toEqual(['person_id']);
    const input = { rows: [{ field: 'sex' }], measures: ['patients', 'fce'], filters: [{ kind: 'range' as const, field: 'startage', low: 18, high: 64 }] };
    const keyed = compilePivot(q(input), catalogue, duckdbDialect, [records!]);
    expect(keyed).toMatchObject({ rollup: 'apc_records', perRecord: true });
    await expect(`${keyed.sql}\n-- params: ${JSON.stringify(keyed.params)}\n`).toMatchFileSnapshot('golden/duckdb-distinct-per-record.sql');
    // Without the keys (or from a grouped rollup) a distinct count is counted over the records.
    const { distinctKeys: _, ...unkeyed } = records!;
    const grouped = rollupSpec(apc, { grain: records!.grain, histograms: [] }, 'apc_grouped');
    for (const rollups of [[], [unkeyed], [grouped]]) {
      const compiled = compilePivot(q(input), catalogue, duckdbDialect, rollups);
      expect(compiled.rollup).toBeUndefined();
      expect(compiled.sql).toContain('count(DISTINCT (person_id))');
    }
  });

  it('expands a ratio into its count parts and shares aggregates', () => {
    const { plan } = compile({ measures: ['pct_emergency', 'fae'] });
    expect(plan.measures.map((m) => m.id)).toEqual(['pct_emergency', 'fae', 'emergency_fae']);
    expect(plan.aggregates.filter((a) => a.fn === 'count')).toHaveLength(2);
    expect(plan.requestedMeasures).toEqual(['pct_emergency', 'fae']);
  });

  it('groups only the full set when totals are off, and nothing when there are no dimensions', () => {
    expect(compile({ rows: [{ field: 'sex' }], columns: [{ field: 'fyear' }], totals: false }).plan.groupingSets).toEqual([[0, 1]]);
    expect(compile({}).sql).not.toContain('GROUPING SETS');
  });

  it('rejects unknown ids, hidden measures, misuse of fields and oversized tables with typed errors', () => {
    expect(errorOf(() => compile({ rows: [{ field: 'constructor' }] })).code).toBe('unknown-field');
    expect(errorOf(() => compile({ rows: [{ field: 'diag_01', level: 'block' }] })).code).toBe('unknown-level');
    expect(errorOf(() => compile({ measures: ['hidden_helper'] })).code).toBe('unknown-measure');
    expect(errorOf(() => compile({ measures: ['constructor'] })).code).toBe('unknown-measure');
    expect(errorOf(() => compile({ years: ['1920'] })).code).toBe('unknown-year');
    expect(errorOf(() => compile({ rows: [{ field: 'startage' }] })).code).toBe('invalid-query');
    expect(errorOf(() => compile({ rows: [{ field: 'sex' }], columns: [{ field: 'sex' }] })).code).toBe('invalid-query');
    expect(errorOf(() => compile({ filters: [{ kind: 'in', field: 'sex', codes: ['7'] }] })).code).toBe('invalid-filter');
    expect(errorOf(() => compile({ filters: [{ kind: 'range', field: 'sex', low: 1, high: 2 }] })).code).toBe('invalid-filter');
    expect(errorOf(() => compile({ filters: [{ kind: 'range', field: 'startage', low: 9, high: 2 }] })).code).toBe('invalid-filter');
    expect(errorOf(() => buildPlan(q({ dataset: 'op' }), TEST_CATALOGUE)).code).toBe('unknown-dataset');
  });

  it('lets no filter value into the SQL text', () => {
    // Values are drawn with a marker that can never occur in catalogue SQL.
    const marked = fc.string({ minLength: 1, maxLength: 6 }).map((s) => `⟦${s}`);
    fc.assert(fc.property(fc.array(marked, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 100 }), (codes, age) => {
      // Codes must exist in the code list, so inject through the code list of a copy.
      const sexList = TEST_CATALOGUE.codeLists.get('sex')!;
      const catalogue = { ...TEST_CATALOGUE, codeLists: new Map([...TEST_CATALOGUE.codeLists, ['sex', { ...sexList, codes: [...sexList.codes, ...codes.map((code) => ({ code, label: code }))] }]]) };
      const { sql, params } = compilePivot(q({ rows: [{ field: 'sex' }], filters: [{ kind: 'not-in', field: 'sex', codes }, { kind: 'range', field: 'startage', low: age, high: age + 1 }] }), catalogue, duckdbDialect);
      expect(sql).not.toContain('⟦');
      expect(params.filter((p) => String(p).startsWith('⟦'))).toHaveLength(new Set(codes).size);
      expect(params).toContain(age);
    }));
  });
});
