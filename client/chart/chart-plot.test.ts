import { describe, expect, it } from 'vitest';
import { samplePivot } from '../test-fixtures/sample-pivot';
import { cartesianOption } from './cartesian-option';
import { chartData, type ChartData } from './chart-data';
import { axisField, CHAPTERS, MONTHS, ONS_REGIONS, pivotFixture, SEXES, YEARS } from './chart-fixtures';
import { buildPlot, drillRowIndex, plotOption, plotSeriesJson } from './chart-plot';
import { EMPTY_COLOUR, SUPPRESSED_COLOUR, type ChartOption } from './chart-style';
import { heatmapCells, heatmapOption, PLACEHOLDER } from './heatmap-option';
import { pieOption } from './pie-option';

const bySex = chartData(samplePivot, 0)!;
const asList = <T,>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const seriesOf = (option: ChartOption | null) => asList(option?.series).map((s) => s as Record<string, unknown>);
const axisOf = (option: ChartOption, axis: 'xAxis' | 'yAxis') => asList(option[axis])[0] as Record<string, unknown>;
const tooltipText = (option: ChartOption, params: unknown): string => {
  const tooltip = asList(option.tooltip)[0];
  const formatter = tooltip?.formatter;
  if (typeof formatter !== 'function') throw new Error('no tooltip formatter');
  return String(formatter(params as never, '', () => undefined));
};

describe('bar and line options', () => {
  it('plots suppressed values as null, not zero, and unstacked', () => {
    const series = seriesOf(cartesianOption('bar', bySex));
    expect(series.map((s) => [s.type, s.data, s.stack])).toEqual([['bar', [1234, 20500], undefined], ['bar', [null, 18000], undefined]]);
  });

  it('stacks every series of a stacked bar chart', () => {
    expect(seriesOf(cartesianOption('stacked-bar', bySex)).map((s) => s.stack)).toEqual(['total', 'total']);
  });

  it('swaps the axes for horizontal bars, first category at the top', () => {
    const vertical = cartesianOption('bar', bySex);
    const horizontal = cartesianOption('horizontal-bar', bySex);
    expect([axisOf(vertical, 'xAxis').type, axisOf(vertical, 'yAxis').type]).toEqual(['category', 'value']);
    expect([axisOf(horizontal, 'xAxis').type, axisOf(horizontal, 'yAxis').type]).toEqual(['value', 'category']);
    expect(axisOf(horizontal, 'yAxis')).toMatchObject({ inverse: true, data: ['Elective', 'Emergency'] });
  });

  it('leaves gaps in lines rather than joining across a suppressed value', () => {
    expect(seriesOf(cartesianOption('line', bySex))[1]).toMatchObject({ type: 'line', data: [null, 18000], connectNulls: false });
  });

  it('says "* suppressed" and "no records" in tooltips, never 0', () => {
    const option = cartesianOption('bar', bySex);
    const text = tooltipText(option, [
      { seriesIndex: 0, dataIndex: 0, marker: '', name: 'Elective', value: 1234 },
      { seriesIndex: 1, dataIndex: 0, marker: '', name: 'Elective', value: null },
    ]);
    expect(text).toBe('<b>Elective</b><br/>Male: <b>1,234</b><br/>Female: <b>* suppressed</b>');
    const mean = cartesianOption('bar', chartData(samplePivot, 1)!);
    expect(tooltipText(mean, [{ seriesIndex: 0, dataIndex: 1, marker: '', value: null }])).toContain('Male: <b>no records</b>');
  });
});

describe('heatmap option', () => {
  it('gives [column, category, value] triples, with suppressed and empty cells as their own series', () => {
    const mean = chartData(samplePivot, 1)!;
    expect(heatmapCells(mean)).toEqual({
      values: [[0, 0, 3.25], [1, 1, 5.04]],
      suppressed: [[1, 0, PLACEHOLDER]],
      empty: [[0, 1, PLACEHOLDER]],
    });
    const option = heatmapOption(mean);
    const series = seriesOf(option);
    expect(series.map((s) => s.type)).toEqual(['heatmap', 'heatmap', 'heatmap']);
    expect(series.map((s) => (s.itemStyle as { color?: string } | undefined)?.color)).toEqual([undefined, SUPPRESSED_COLOUR, EMPTY_COLOUR]);
    // Only the values are on the colour scale.
    expect(asList(option.visualMap)[0]).toMatchObject({ seriesIndex: 0, min: 3.25, max: 5.04 });
    expect(tooltipText(option, { value: [1, 0, PLACEHOLDER] })).toBe('<b>Elective</b><br/>Female: <b>* suppressed</b>');
  });
});

describe('pie option', () => {
  const regions = pivotFixture({ rowField: axisField('x'), rows: SEXES, value: (r) => (r === 0 ? 'suppressed' : 40) });
  it('draws one series of slices, none for a suppressed category', () => {
    const series = seriesOf(pieOption(chartData(regions, 0)!));
    expect(series).toHaveLength(1);
    expect(series[0]?.data).toEqual([{ name: 'Male', value: '-' }, { name: 'Female', value: 40 }]);
  });
});

describe('buildPlot', () => {
  it('falls back to the automatic kind when the asked one does not suit the table', () => {
    expect(buildPlot(samplePivot, 0, 'pie')).toMatchObject({ kind: 'bar', fellBackFrom: 'pie' });
    expect(buildPlot(samplePivot, 0, 'heatmap')).toMatchObject({ kind: 'heatmap', fellBackFrom: null });
  });

  it('shows exactly the plotted numbers in the data-series attribute', () => {
    expect(JSON.parse(plotSeriesJson(buildPlot(samplePivot, 0, 'auto')))).toEqual({
      kind: 'bar', measure: 'fce', categories: ['Elective', 'Emergency'],
      series: [{ name: 'Male', values: [1234, 20500] }, { name: 'Female', values: [null, 18000] }],
    });
  });

  it('keeps up to 40 columns for a heatmap but a single series for a pie', () => {
    const wide = pivotFixture({ rowField: axisField('chapter'), rows: CHAPTERS, columnField: axisField('m'), columns: [...MONTHS, ...MONTHS.map((m) => ({ ...m, code: `x${m.code}` }))] });
    expect(buildPlot(wide, 0, 'heatmap').data?.series).toHaveLength(24);
    expect(buildPlot(wide, 0, 'bar').data?.series).toHaveLength(12);
    expect(buildPlot(pivotFixture({ rowField: axisField('fyear', 'time'), rows: YEARS }), 0, 'pie').data?.series).toHaveLength(1);
  });

  it('builds an option for every kind the table offers', () => {
    const regions = pivotFixture({ rowField: axisField('region', 'ons-region'), rows: ONS_REGIONS });
    for (const kind of ['bar', 'stacked-bar', 'horizontal-bar', 'heatmap'] as const) expect(seriesOf(plotOption(buildPlot(samplePivot, 0, kind))).length).toBeGreaterThan(0);
    for (const kind of ['line', 'pie'] as const) expect(seriesOf(plotOption(buildPlot(pivotFixture({ rowField: axisField('fyear', 'time'), rows: YEARS }), 0, kind)))[0]?.type).toBe(kind);
    expect(seriesOf(plotOption(buildPlot(regions, 0, 'map')))[0]?.type).toBe('map');
  });
});

describe('drillRowIndex', () => {
  it('maps a clicked bar, cell or tile to its row in the result', () => {
    const reversed: ChartData = { ...bySex, rowIndexes: [5, 7] };
    expect(drillRowIndex({ kind: 'bar', fellBackFrom: null, data: reversed, map: null }, { seriesIndex: 1, dataIndex: 1 })).toBe(7);
    expect(drillRowIndex({ kind: 'heatmap', fellBackFrom: null, data: reversed, map: null }, { seriesIndex: 1, dataIndex: 0, value: [1, 0, 1] })).toBe(5);
    const regions = pivotFixture({ rowField: axisField('region', 'ons-region'), rows: ONS_REGIONS });
    expect(drillRowIndex(buildPlot(regions, 0, 'map'), { name: 'E12000007', dataIndex: 0 })).toBe(6);
  });

  it('ignores clicks that land on nothing plotted', () => {
    expect(drillRowIndex(buildPlot(samplePivot, 0, 'bar'), { dataIndex: 9 })).toBeNull();
    expect(drillRowIndex(buildPlot(samplePivot, 0, 'bar'), null)).toBeNull();
  });
});
