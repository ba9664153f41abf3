import { describe, expect, it } from 'vitest';
import { HES_2018 } from '../disclosure/policy';
import { protect } from '../disclosure/protect';
import { InvalidQueryError } from '../errors/domain-error';
import { PivotQuerySchema, type PivotQueryInput } from '../query/pivot-query';
import { buildPlan } from '../sql/build-plan';
import { TEST_CATALOGUE } from '../sql/test-catalogue';
import { countTopLevelRows, shapePivot } from './shape-pivot';
import { testAggregates, type TestRow } from './test-aggregates';

const META = { asOf: '2024-06-30', dataVersion: 't' };
const parse = (input: Partial<PivotQueryInput>) => PivotQuerySchema.parse({ dataset: 'apc', years: ['2324'], measures: ['fce'], ...input });
const shape = (input: Partial<PivotQueryInput>, rows: readonly TestRow[]) => {
  const query = parse(input);
  const prot = protect(HES_2018, testAggregates(buildPlan(query, TEST_CATALOGUE), rows));
  return { prot, result: shapePivot(prot, query, TEST_CATALOGUE, META) };
};
const shown = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? '*' : c.value);

describe('shapePivot: "Not recorded" members', () => {
  it('keeps a NULL member apart from the total it would otherwise share a key with', () => {
    const rows: TestRow[] = [
      { dims: [null], groupingId: 1, values: { fce: 180 } },
      { dims: ['IX'], groupingId: 0, values: { fce: 100 } },
      { dims: [null], groupingId: 0, values: { fce: 30 } },
      { dims: ['X'], groupingId: 0, values: { fce: 50 } },
    ];
    for (const order of [rows, [...rows].reverse()]) {
      const { result } = shape({ rows: [{ field: 'diag_01' }] }, order);
      expect(result.rows.map((r) => [r.codes, r.labels, r.depth])).toEqual([[['IX'], ['Circulatory'], 1], [['X'], ['Respiratory'], 1], [[''], ['Not recorded'], 1], [[], [], 0]]);
      expect(result.cells.map((row) => shown(row[0]![0]!))).toEqual([100, 50, 30, 180]);
    }
  });
});

// Chapters IX and X (code-list order), XXI (not in the test list: ordered after it) and NULL;
// columns sex 1 and 2. XXI is 20 for sex 2 like IX; X is * there; NULL has no sex-2 cell.
const cell = (chapter: string | null, sex: string | null, fce: number, los: number | null = null, losRecords = 0): TestRow => ({
  dims: [chapter, sex], groupingId: (chapter === null ? 2 : 0) + (sex === null ? 1 : 0),
  values: { fce, los_median: los, 'los_median.records': losRecords },
});
const GRID: TestRow[] = [
  cell('IX', '1', 100, 3, 50), cell('IX', '2', 20), cell('IX', null, 120, 3, 50),
  cell('X', '1', 50, 5, 9), cell('X', '2', 5), cell('X', null, 55, 5, 9),
  cell('XXI', '1', 7, 2, 3), cell('XXI', '2', 20), cell('XXI', null, 27, 2, 3),
  cell(null, '1', 30), cell(null, null, 30),
  cell(null, '1', 187, 3, 62), cell(null, '2', 45), cell(null, null, 232, 3, 62),
].map((r, i) => (i === 9 || i === 10 ? { ...r, groupingId: r.groupingId - 2 } : r));
const TABLE = { rows: [{ field: 'diag_01' }], columns: [{ field: 'sex' }], measures: ['fce', 'los_median'] };
const order = (sort: PivotQueryInput['sort'], extra: Partial<PivotQueryInput> = {}, rows = GRID) =>
  shape({ ...TABLE, sort, ...extra }, rows).result.rows.map((r) => r.codes.join('/'));

describe('shapePivot: sorting by a measure in a column', () => {
  it('sorts by the total column when no column is named, or [] is', () => {
    expect(order({ by: 'measure', measure: 'fce', direction: 'desc' })).toEqual(['IX', 'X', '', 'XXI', '']);
    expect(order({ by: 'measure', measure: 'fce', direction: 'desc', column: [] })).toEqual(['IX', 'X', '', 'XXI', '']);
  });

  it("sorts by the named column's protected values: * as a small number, a missing count as 0, ties by code order", () => {
    expect(order({ by: 'measure', measure: 'fce', direction: 'desc', column: ['2'] })).toEqual(['IX', 'XXI', 'X', '', '']);
    expect(order({ by: 'measure', measure: 'fce', direction: 'asc', column: ['2'] })).toEqual(['', 'X', 'IX', 'XXI', '']);
  });

  it('puts empty values last in both directions', () => {
    expect(order({ by: 'measure', measure: 'los_median', direction: 'desc', column: ['1'] })).toEqual(['X', 'XXI', 'IX', '', '']);
    expect(order({ by: 'measure', measure: 'los_median', direction: 'asc', column: ['1'] })).toEqual(['IX', 'XXI', 'X', '', '']);
  });

  it('keeps the first N top-level rows of that order', () => {
    const { result, prot } = shape({ ...TABLE, sort: { by: 'measure', measure: 'fce', direction: 'desc', column: ['2'] }, limit: 2 }, GRID);
    expect(result.rows.map((r) => r.codes.join('/'))).toEqual(['IX', 'XXI', '']);
    expect(result.notes).toContain('Showing the first 2 of 4 rows.');
    expect(countTopLevelRows(prot)).toBe(4);
  });

  it('refuses a column the table does not have with a typed error naming it', () => {
    const fail = (column: string[]) => () => order({ by: 'measure', measure: 'fce', direction: 'desc', column });
    expect(fail(['9'])).toThrow(InvalidQueryError);
    expect(fail(['9'])).toThrow('The table has no column "Not specified" to sort by');
    expect(fail(['1', '2'])).toThrow(expect.objectContaining({ code: 'invalid-query', path: 'sort.column' }));
    expect(() => order({ by: 'measure', measure: 'fce', direction: 'desc', column: [] }, { totals: false }, GRID.filter((r) => r.groupingId === 0))).toThrow('no total column');
  });
});
