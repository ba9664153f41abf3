import { describe, expect, it } from 'vitest';
import { samplePivot } from '../test-fixtures/sample-pivot';
import { chartData, pickCategories } from './chart-data';

describe('chartData', () => {
  it('plots leaf rows by leaf columns, without totals, suppressed values as gaps', () => {
    const data = chartData(samplePivot, 0);
    expect(data?.categories).toEqual(['Elective', 'Emergency']);
    expect(data?.series).toEqual([
      { name: 'Male', values: [1234, 20500], suppressed: [false, false] },
      { name: 'Female', values: [null, 18000], suppressed: [true, false] },
    ]);
    expect(data?.hasSuppressed).toBe(true);
    expect([data?.rowIndexes, data?.codes]).toEqual([[0, 1], ['elective', 'emergency']]);
  });

  it('tells a suppressed gap from one where no record contributed', () => {
    const data = chartData(samplePivot, 1);
    expect(data?.series[0]).toEqual({ name: 'Male', values: [3.25, null], suppressed: [false, false] });
    expect(data?.series[1]).toEqual({ name: 'Female', values: [null, 5.04], suppressed: [true, false] });
  });

  it('draws one series for the chosen measure when there are no column fields', () => {
    const noColumns = {
      ...samplePivot, columnFields: [], columns: [{ codes: [], labels: [], depth: 0 }],
      cells: samplePivot.cells.map((row) => [row[2]!]),
    };
    expect(chartData(noColumns, 1)?.series).toEqual([{ name: 'Mean length of stay (days)', values: [3.3, 5.1], suppressed: [false, false] }]);
  });

  it('plots nothing when the only row is the grand total', () => {
    const noRows = { ...samplePivot, rowFields: [], rows: [{ codes: [], labels: [], depth: 0 }], cells: [samplePivot.cells[2]!] };
    expect(chartData(noRows, 0)?.categories).toEqual([]);
  });

  it('cuts long category lists and says how many rows there were', () => {
    const data = chartData(samplePivot, 0, 1, 1);
    expect(data?.categories).toEqual(['Elective']);
    expect(data?.series.map((s) => s.name)).toEqual(['Male']);
    expect([data?.categoryTotal, data?.seriesTotal]).toEqual([2, 2]);
  });

  it('leaves out the Other row of a top-N table and names it', () => {
    const other = { codes: ['__other__'], labels: ['Other (5 more)'], depth: 1, other: true as const };
    const withOther = { ...samplePivot, rows: samplePivot.rows.toSpliced(2, 0, other), cells: samplePivot.cells.toSpliced(2, 0, samplePivot.cells[0]!) };
    const data = chartData(withOther, 0);
    expect([data?.categories, data?.rowIndexes, data?.otherLabel]).toEqual([['Elective', 'Emergency'], [0, 1], 'Other (5 more)']);
  });

  it('keeps chosen categories with their rows, and does not count the dropped ones as cut short', () => {
    const data = pickCategories(chartData(samplePivot, 0)!, [1]);
    expect([data.categories, data.rowIndexes, data.codes, data.categoryTotal]).toEqual([['Emergency'], [1], ['emergency'], 1]);
    expect(data.series.map((s) => s.values)).toEqual([[20500], [18000]]);
    expect(data.hasSuppressed).toBe(false);
  });
});
