import { describe, expect, it } from 'vitest';
import { samplePivot } from '../test-fixtures/sample-pivot';
import { chartData } from './chart-data';

describe('chartData', () => {
  it('plots leaf rows by leaf columns, without totals, suppressed values as gaps', () => {
    const data = chartData(samplePivot, 0);
    expect(data?.categories).toEqual(['Elective', 'Emergency']);
    expect(data?.series).toEqual([
      { name: 'Male', values: [1234, 20500] },
      { name: 'Female', values: [null, 18000] },
    ]);
    expect(data?.hasSuppressed).toBe(true);
  });

  it('draws one series for the chosen measure when there are no column fields', () => {
    const noColumns = {
      ...samplePivot, columnFields: [], columns: [{ codes: [], labels: [], depth: 0 }],
      cells: samplePivot.cells.map((row) => [row[2]!]),
    };
    expect(chartData(noColumns, 1)?.series).toEqual([{ name: 'Mean length of stay (days)', values: [3.3, 5.1] }]);
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
});
