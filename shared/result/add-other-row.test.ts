import { describe, expect, it } from 'vitest';
import { HES_2018 } from '../disclosure/policy';
import { protect } from '../disclosure/protect';
import { PivotQuerySchema, type PivotQueryInput } from '../query/pivot-query';
import { buildPlan } from '../sql/build-plan';
import { TEST_CATALOGUE } from '../sql/test-catalogue';
import { addOtherRow } from './add-other-row';
import { otherRowPlan } from './other-row-query';
import { OTHER_CODE } from './pivot-result';
import { shapePivot } from './shape-pivot';
import { testAggregates, type TestRow } from './test-aggregates';

const META = { asOf: '2024-06-30', dataVersion: 't' };
const BASE: PivotQueryInput = { dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01' }], columns: [{ field: 'sex' }], measures: ['fce', 'los_median'], limit: 1, other: true };
const row = (chapter: string | null, sex: string | null, fce: number, los: number | null = null, records = 0): TestRow => ({
  dims: [chapter, sex], groupingId: (chapter === null ? 2 : 0) + (sex === null ? 1 : 0), values: { fce, los_median: los, 'los_median.records': records },
});
// Shown: chapter IX (limit 1 by code). Columns: sex 1, sex 2, "Not recorded" sex, total.
const MAIN: TestRow[] = [
  row('IX', '1', 100, 3, 40), row('IX', '2', 20), row('IX', null, 120, 3, 40),
  row('X', '1', 50), row('X', null, 50), { ...row(null, '1', 9), groupingId: 0 }, { ...row(null, null, 9), groupingId: 1 },
  { ...row('IX', null, 4), groupingId: 0 }, { ...row(null, null, 4), groupingId: 2 },
  row(null, '1', 159, 3, 40), row(null, '2', 20), row(null, null, 183, 3, 40),
];
// Other: X and NULL chapters by sex. No sex-2 cell; the NULL-sex cell (3, suppressed) comes
// after the total, so a key that confused [''] with [] would overwrite the total with *.
const OTHER: TestRow[] = [
  { dims: ['1'], groupingId: 0, values: { fce: 59, los_median: 4.5, 'los_median.records': 12 } },
  { dims: [null], groupingId: 1, values: { fce: 62, los_median: 4, 'los_median.records': 13 } },
  { dims: [null], groupingId: 0, values: { fce: 3, los_median: 2, 'los_median.records': 3 } },
];

function tables(input: Partial<PivotQueryInput> = {}, otherRows = OTHER) {
  const query = PivotQuerySchema.parse({ ...BASE, ...input });
  const main = protect(HES_2018, testAggregates(buildPlan(query, TEST_CATALOGUE), query.totals ? MAIN : MAIN.filter((r) => r.groupingId === 0)));
  const table = shapePivot(main, query, TEST_CATALOGUE, META);
  const other = protect(HES_2018, testAggregates(otherRowPlan(query, TEST_CATALOGUE, 'diag_01_chapter', ['IX']), otherRows));
  return { table, other };
}
const shown = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? '*' : c.value);

describe('addOtherRow', () => {
  it('adds one protected row after the shown rows and before the grand total, matched by column codes', () => {
    const { table, other } = tables();
    expect(table.columns.map((c) => c.codes)).toEqual([['1'], ['2'], [''], []]);
    const out = addOtherRow(table, other, 2);
    expect(out.rows.map((r) => r.codes)).toEqual([['IX'], [OTHER_CODE], []]);
    expect(out.rows[1]).toEqual({ codes: [OTHER_CODE], labels: ['Other (2 more)'], depth: 1, other: true });
    // sex 1: 59 is suppressed too (62 − 59 would pin the 3 to 1–4), median 4.5 shown whole;
    // sex 2: no records → 0 and empty; not recorded: 3 → *; total 62 → 60.
    expect(out.cells[1]!.map((c) => c.map(shown))).toEqual([['*', 5], [0, null], ['*', '*'], [60, 4]]);
    expect(out.cells[0]).toEqual(table.cells[0]);
    expect(out.cells[2]).toEqual(table.cells[1]);
    expect(out.suppressedCount).toBe(table.suppressedCount + 3);
    expect(out.notes).toEqual([...table.notes, 'Other combines the 2 rows not shown; it is computed and protected as one group.']);
    expect(out.notes).toContain('Showing the first 1 of 3 rows.');
  });

  it('goes last when the table has no grand total, and reads only the columns the table shows', () => {
    const { table, other } = tables({ totals: false });
    expect(table.columns.map((c) => c.codes)).toEqual([['1'], ['2'], ['']]);
    const out = addOtherRow(table, other, 1);
    expect(out.rows.map((r) => r.codes)).toEqual([['IX'], [OTHER_CODE]]);
    expect(out.cells[1]!.map((c) => c.map(shown))).toEqual([['*', 5], [0, null], ['*', '*']]);
    expect(out.notes.at(-1)).toBe('Other combines the 1 row not shown; it is computed and protected as one group.');
  });

  it('refuses aggregates that do not describe the same measures and columns', () => {
    const { table } = tables();
    const query = PivotQuerySchema.parse({ ...BASE, measures: ['fce'] });
    const wrong = protect(HES_2018, testAggregates(otherRowPlan(query, TEST_CATALOGUE, 'diag_01_chapter', ['IX']), OTHER));
    expect(() => addOtherRow(table, wrong, 2)).toThrow('do not match');
    const noColumns = PivotQuerySchema.parse({ ...BASE, columns: [] });
    const flat = protect(HES_2018, testAggregates(otherRowPlan(noColumns, TEST_CATALOGUE, 'diag_01_chapter', ['IX']), [{ dims: [], groupingId: 0, values: { fce: 62 } }]));
    expect(() => addOtherRow(table, flat, 2)).toThrow('do not match');
  });
});
