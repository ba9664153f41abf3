import { describe, expect, it } from 'vitest';
import { duckdbDialect } from './dialects/duckdb';
import { recordTableSpec, renderRollupBuild } from './rollup';
import { TEST_CATALOGUE } from './test-catalogue';

const apc = { ...TEST_CATALOGUE.datasets.get('apc')!, columns: ['fyear', 'fquarter', 'sex', 'diag_01_chapter', 'diag_01', 'startage', 'person_id'] };

describe('per-record table build', () => {
  it('numbers shared keys first, writes a year at a time (then any other), and drops the key table', () => {
    const spec = recordTableSpec(apc, 'records_apc')!;
    expect(spec.clusterBy).toEqual({ expr: 'fyear', values: ['2223', '2324'] });
    const statements = renderRollupBuild(spec, duckdbDialect);
    const kinds = statements.map((s) => s.split(' AS ')[0]!.replace(/ SELECT.*/, ''));
    expect(kinds).toEqual([
      'DROP TABLE IF EXISTS "records_apc__keys0"',
      'CREATE TABLE "records_apc__keys0"',
      'CREATE TABLE "records_apc"',
      'INSERT INTO "records_apc"',
      'INSERT INTO "records_apc"',
      'DROP TABLE "records_apc__keys0"',
    ]);
    expect(statements[2]).toMatch(/WHERE \(fyear\) = '2223'$/);
    expect(statements[3]).toMatch(/WHERE \(fyear\) = '2324'$/);
    expect(statements[4]).toMatch(/WHERE \(\(fyear\) IS NULL OR \(fyear\) NOT IN \('2223', '2324'\)\)$/);
    // Keys seen once are not in the key table: only those of several records are numbered.
    expect(statements[1]).toContain('GROUP BY 1 HAVING count(*) > 1');
  });
});
