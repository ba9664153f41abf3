import { describe, expect, it } from 'vitest';
import { samplePivot } from '../test-fixtures/sample-pivot';
import { formatCell, suppressedTitle } from './format-value';
import { twoColumnFieldPivot } from './grid-test-pivots';
import { buildPivotColumns, rowHeaderLabel } from './pivot-columns';

describe('buildPivotColumns', () => {
  it('nests measures under each column value and the total', () => {
    const defs = buildPivotColumns(samplePivot);
    const outline = defs.map((d) => ({ header: d.header, children: 'columns' in d ? d.columns?.map((x) => x.id) : undefined }));
    expect(outline).toEqual([
      { header: 'Admission method group', children: undefined },
      { header: 'Male', children: ['v-0-0', 'v-0-1'] },
      { header: 'Female', children: ['v-1-0', 'v-1-1'] },
      { header: 'Total', children: ['v-2-0', 'v-2-1'] },
    ]);
  });

  it('makes column values the leaves when there is one measure', () => {
    const single = { ...samplePivot, measures: samplePivot.measures.slice(0, 1), cells: samplePivot.cells.map((r) => r.map((c) => c.slice(0, 1))) };
    expect(buildPivotColumns(single).map((d) => [d.id, d.header])).toEqual([
      ['row-0', 'Admission method group'], ['v-0-0', 'Male'], ['v-1-0', 'Female'], ['v-2-0', 'Total'],
    ]);
  });

  it('lays out only the columns shown, in their order', () => {
    const leaves = (defs: ReturnType<typeof buildPivotColumns>) => defs.map((d) => ('columns' in d ? [d.header, d.columns?.map((x) => x.id)] : [d.id]));
    expect(leaves(buildPivotColumns(samplePivot, [1, 0]))).toEqual([['row-0'], ['Female', ['v-1-0', 'v-1-1']], ['Male', ['v-0-0', 'v-0-1']]]);
    expect(leaves(buildPivotColumns(samplePivot, [0, 1]))).toEqual([['row-0'], ['Male', ['v-0-0', 'v-0-1']], ['Female', ['v-1-0', 'v-1-1']]]);
  });

  it('groups only neighbouring columns under one heading', () => {
    const twoFields = twoColumnFieldPivot();
    const defs = buildPivotColumns(twoFields, [0, 3, 1]);
    expect(defs.map((d) => d.header)).toEqual(['Admission method group', 'Male', 'Female', 'Male']);
    const all = buildPivotColumns(twoFields);
    expect(all.map((d) => d.header)).toEqual(['Admission method group', 'Male', 'Female', 'Total']);
  });

  it('shows codes before labels only where the field says codes mean something', () => {
    const header = { codes: ['J09-J18'], labels: ['Influenza and pneumonia'], depth: 1 };
    expect(rowHeaderLabel(header, 0, true)).toBe('J09-J18 Influenza and pneumonia');
    expect(rowHeaderLabel(header, 0, false)).toBe('Influenza and pneumonia');
    expect(rowHeaderLabel({ codes: [], labels: [], depth: 0 }, 0, true)).toBe('Total');
  });

  it('labels subtotal and total rows', () => {
    const header = { codes: ['elective'], labels: ['Elective'], depth: 1 };
    expect(rowHeaderLabel(header, 0)).toBe('Elective');
    expect(rowHeaderLabel(header, 1)).toBe('Total');
    expect(rowHeaderLabel({ codes: [], labels: [], depth: 0 }, 0)).toBe('Total');
  });
});

describe('formatCell', () => {
  it('uses en-GB separators, the measure decimals, * and an en dash', () => {
    expect(formatCell({ value: 20500, suppressed: false }, { decimals: 0 })).toBe('20,500');
    expect(formatCell({ value: 3.25, suppressed: false }, { decimals: 1 })).toBe('3.3');
    expect(formatCell({ value: null, suppressed: true }, { decimals: 0 })).toBe('*');
    expect(formatCell({ value: null, suppressed: false }, { decimals: 1 })).toBe('–');
  });

  it('explains a suppressed cell with the rule for its kind of measure', () => {
    expect(suppressedTitle({ kind: 'statistic' }, samplePivot.policy)).toMatch(/Means and medians/);
    expect(suppressedTitle({ kind: 'count' }, samplePivot.policy)).toMatch(/Counts of 1 to 7/);
  });
});
