// Generated pivots for the grid's unit tests: a wide one (many rows, many value columns) to
// check virtualisation, and one with two column fields whose subtotals make uneven headers.
import type { PivotResponse } from '../api/api-types';
import { samplePivot } from '../test-fixtures/sample-pivot';

type Header = PivotResponse['rows'][number];
const field = (id: string, label: string) => ({ field: id, level: id, label, levelLabel: label, drillable: false, showCodes: false, role: null });
const count = (id: string, label: string) => ({ id, label, kind: 'count' as const, unit: 'episodes', decimals: 0 });

/** `rows` leaf rows and a total row × `values` column values and a total column, one count. */
export function widePivot(rows: number, values: number): PivotResponse {
  const rowHeaders: Header[] = [
    ...Array.from({ length: rows }, (_, r) => ({ codes: [`R${r}`], labels: [`Row ${r}`], depth: 1 })),
    { codes: [], labels: [], depth: 0 },
  ];
  const columns: Header[] = [
    ...Array.from({ length: values }, (_, c) => ({ codes: [`C${c}`], labels: [`Column ${c}`], depth: 1 })),
    { codes: [], labels: [], depth: 0 },
  ];
  return {
    ...samplePivot,
    rowFields: [field('row_field', 'Row field')],
    columnFields: [field('col_field', 'Column field')],
    measures: [count('fce', 'Finished consultant episodes')],
    rows: rowHeaders,
    columns,
    cells: rowHeaders.map((_, r) => columns.map((_, c) => [{ value: r * 1000 + c, suppressed: false }])),
    suppressedCount: 0,
  };
}

/** Rows: admission method (2) and total; columns: sex × age band with subtotals; two measures. */
export function twoColumnFieldPivot(): PivotResponse {
  const columns: Header[] = [];
  for (const [sex, sexLabel] of [['1', 'Male'], ['2', 'Female']] as const) {
    columns.push({ codes: [sex, 'a'], labels: [sexLabel, 'Young'], depth: 2 }, { codes: [sex, 'b'], labels: [sexLabel, 'Old'], depth: 2 }, { codes: [sex], labels: [sexLabel], depth: 1 });
  }
  columns.push({ codes: [], labels: [], depth: 0 });
  const rows = samplePivot.rows;
  return {
    ...samplePivot,
    columnFields: [field('sex', 'Sex'), field('age_band', 'Age band')],
    measures: [count('fce', 'Finished consultant episodes'), count('admissions', 'Admissions')],
    columns,
    cells: rows.map((_, r) => columns.map((_, c) => [{ value: r * 100 + c, suppressed: false }, { value: r * 10 + c, suppressed: false }])),
  };
}
