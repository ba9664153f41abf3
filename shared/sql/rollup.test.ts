import { describe, expect, it } from 'vitest';
import { duckdbDialect } from './dialects/duckdb';
import { PivotQuerySchema } from '../query/pivot-query';
import { buildPlan } from './build-plan';
import { matchRollup, recordTableSpec, renderRollupBuild, rollupSpec, yearSlice } from './rollup';
import { TEST_CATALOGUE } from './test-catalogue';

const apc = { ...TEST_CATALOGUE.datasets.get('apc')!, columns: ['fyear', 'fquarter', 'sex', 'diag_01_chapter', 'diag_01', 'startage', 'person_id'] };

describe('per-record table build', () => {
  it('numbers the shared keys of each year, writes a year at a time (then any other), and drops each key table', () => {
    const spec = recordTableSpec(apc, 'records_apc')!;
    expect(spec.clusterBy).toEqual({ expr: 'fyear', values: ['2223', '2324'] });
    const statements = renderRollupBuild(spec, duckdbDialect);
    const kinds = statements.map((s) => s.split(' AS ')[0]!.replace(/ SELECT.*/, ''));
    const year = ['CREATE TABLE "records_apc__keys0"', 'INSERT INTO "records_apc"', 'DROP TABLE IF EXISTS "records_apc__keys0"'];
    expect(kinds).toEqual([
      'DROP TABLE IF EXISTS "records_apc__keys0"',
      'CREATE TABLE "records_apc__keys0"', 'CREATE TABLE "records_apc"', 'DROP TABLE IF EXISTS "records_apc__keys0"',
      ...year, ...year,
    ]);
    // Each year's keys, then that year's records joined to them.
    const only2223 = /WHERE \(fyear\) = '2223'/;
    expect(statements[1]).toMatch(only2223);
    expect(statements[2]).toMatch(/WHERE \(fyear\) = '2223'$/);
    expect(statements[4]).toMatch(/WHERE \(fyear\) = '2324'/);
    expect(statements[5]).toMatch(/WHERE \(fyear\) = '2324'$/);
    expect(statements[8]).toMatch(/WHERE \(\(fyear\) IS NULL OR \(fyear\) NOT IN \('2223', '2324'\)\)$/);
    // Keys seen once are not in the key table: only those of several records are numbered.
    expect(statements[1]).toContain('GROUP BY 1 HAVING count(*) > 1');
  });

  it('answers a distinct count only for a one-year query, as keys are numbered within a year', () => {
    const spec = recordTableSpec(apc, 'records_apc')!;
    const plan = (years: string[]) => buildPlan(PivotQuerySchema.parse({ dataset: 'apc', years, rows: [{ field: 'sex' }], measures: ['patients'] }), TEST_CATALOGUE);
    expect(matchRollup(plan(['2324']), [spec], apc.columns)?.table).toBe('records_apc');
    expect(matchRollup(plan(['2223', '2324']), [spec], apc.columns)).toBeUndefined();
  });
});

describe('grouped rollup build', () => {
  it('orders its rows by year first, so a one-year query skips the other years\' row groups', () => {
    const spec = rollupSpec(apc, { grain: ['diag_01_chapter', 'fyear', 'sex'], histograms: [] }, 'rollup_apc_1');
    expect(spec.grain).toEqual(['fyear', 'diag_01_chapter', 'sex']);
    expect(renderRollupBuild(spec, duckdbDialect)[0]).toMatch(/ORDER BY "fyear", "diag_01_chapter", "sex"$/);
  });
});

describe('yearSlice', () => {
  it('estimates rollups holding the year from the latest year alone, and no others', () => {
    expect(yearSlice(apc, ['fyear', 'sex'])).toEqual({ where: "(fyear) = '2324'", years: 2 });
    expect(yearSlice(apc, ['sex'])).toBeUndefined(); // combinations across years are not a sum
    expect(yearSlice({ ...apc, years: ['2324'] }, ['fyear', 'sex'])).toBeUndefined();
  });
});
