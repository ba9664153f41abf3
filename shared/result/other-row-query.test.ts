import { describe, expect, it } from 'vitest';
import { HES_2018 } from '../disclosure/policy';
import { protect } from '../disclosure/protect';
import { PivotQuerySchema, type PivotQueryInput } from '../query/pivot-query';
import { buildPlan } from '../sql/build-plan';
import { duckdbDialect } from '../sql/dialects/duckdb';
import { renderSql } from '../sql/render-sql';
import { TEST_CATALOGUE } from '../sql/test-catalogue';
import { MENTIONS_NOTE, otherRowRequest } from './other-row-query';
import { shapePivot } from './shape-pivot';
import { testAggregates, type TestRow } from './test-aggregates';

// Chapters IX, X, XXI and NULL by sex; FCEs 120, 55, 27 and 30 in total.
const row = (chapter: string | null, sex: string | null, fce: number): TestRow => ({
  dims: [chapter, sex], groupingId: (chapter === null ? 2 : 0) + (sex === null ? 1 : 0), values: { fce },
});
const GRID: TestRow[] = [
  row('IX', '1', 100), row('IX', '2', 20), row('IX', null, 120), row('X', '1', 50), row('X', '2', 5), row('X', null, 55),
  row('XXI', '1', 7), row('XXI', '2', 20), row('XXI', null, 27), { ...row(null, '1', 30), groupingId: 0 }, { ...row(null, null, 30), groupingId: 1 },
  row(null, '1', 187), row(null, '2', 45), row(null, null, 232),
];

const request = (input: Partial<PivotQueryInput>, rows: readonly TestRow[] = GRID) => {
  const query = PivotQuerySchema.parse({ dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01' }], columns: [{ field: 'sex' }], measures: ['fce'], ...input });
  const prot = protect(HES_2018, testAggregates(buildPlan(query, TEST_CATALOGUE), rows));
  return otherRowRequest(query, TEST_CATALOGUE, prot, shapePivot(prot, query, TEST_CATALOGUE, { asOf: '2024-06-30', dataVersion: 't' }));
};
const compiled = (r: ReturnType<typeof request>) => {
  if (r.kind !== 'run') throw new Error(`expected a run, got ${r.kind}`);
  return { ...renderSql(r.plan, duckdbDialect), hidden: r.hidden };
};

describe('otherRowRequest', () => {
  it('asks for nothing without other, without a limit, without row fields, or when the limit cuts nothing', () => {
    expect(request({ limit: 2 }).kind).toBe('none');
    expect(request({ other: true }).kind).toBe('none');
    expect(request({ other: true, limit: 4 }).kind).toBe('none');
    expect(request({ other: true, limit: 1, rows: [], columns: [] }, [{ dims: [], groupingId: 0, values: { fce: 9 } }]).kind).toBe('none');
  });

  it('skips mention fields, where a record can sit in shown and hidden rows alike, with a note', () => {
    const rows: TestRow[] = [{ dims: ['IX'], groupingId: 0, values: { fce: 40 } }, { dims: ['X'], groupingId: 0, values: { fce: 30 } }, { dims: [null], groupingId: 1, values: { fce: 60 } }];
    const r = request({ rows: [{ field: 'diag_any' }], columns: [], other: true, limit: 1 }, rows);
    expect(r).toEqual({ kind: 'not-for-mentions', note: MENTIONS_NOTE });
  });

  it('plans the query without row fields, with totals, and the kept top-level codes excluded', () => {
    const r = compiled(request({ other: true, limit: 2, totals: false, sort: { by: 'measure', measure: 'fce', direction: 'desc' }, filters: [{ kind: 'in', field: 'sex', codes: ['1', '2'] }] }));
    expect(r.hidden).toBe(2);
    expect(r.plan.dimensions.map((d) => [d.axis, d.field])).toEqual([['column', 'sex']]);
    expect(r.plan.groupingSets).toEqual([[0], []]);
    // NULL ("Not recorded") is not shown, so it belongs to Other: the not-in lets NULL through.
    expect(r.sql).toContain('((diag_01_chapter) IS NULL OR (diag_01_chapter) NOT IN ($4, $5))');
    expect(r.sql).not.toContain('IS NOT NULL');
    expect(r.params.slice(-2)).toEqual(['IX', 'X']);
    expect(r.params).toEqual(expect.arrayContaining(['1', '2']));
  });

  it('keeps NULLs (and empty strings) out of Other when the "Not recorded" row is shown', () => {
    // Sorted by code, descending: XXI and "Not recorded" (both after the code list) come first.
    const r = compiled(request({ other: true, limit: 2, sort: { by: 'code', direction: 'desc' } }));
    expect(r.hidden).toBe(2);
    expect(r.sql).toContain('(((diag_01_chapter) IS NOT NULL)) AND (((diag_01_chapter) IS NULL OR (diag_01_chapter) NOT IN ($2, $3)))');
    expect(r.params.slice(-2)).toEqual(['XXI', '']);
  });
});
