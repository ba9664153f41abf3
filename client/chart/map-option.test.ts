import { describe, expect, it } from 'vitest';
import { chartData } from './chart-data';
import { axisField, ICB_MEMBERS, ICB_PARENTS, ONS_REGIONS, pivotFixture } from './chart-fixtures';
import { buildPlot, plotOption, plotSeriesJson } from './chart-plot';
import { EMPTY_COLOUR, SUPPRESSED_COLOUR } from './chart-style';
import { mapItems, mapOption, mapPlot } from './map-option';

// North East 1000, North West suppressed, Yorkshire no records, the rest 1000 × (row + 1); then Wales.
const regions = pivotFixture({
  rowField: axisField('region', 'ons-region'), rows: ONS_REGIONS,
  value: (r) => (r === 1 ? 'suppressed' : r === 2 ? null : 1000 * (r + 1)),
});

describe('mapPlot', () => {
  const { data, map } = mapPlot(chartData(regions, 0)!, 'ons-region');

  it('keeps the areas that have a tile and lists the rows that have none', () => {
    expect(data.codes).toEqual(ONS_REGIONS.slice(0, 9).map((r) => r.code));
    expect(data.rowIndexes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(map.leftOut).toEqual(['Wales']);
    expect(data.categoryTotal).toBe(9);
    expect(map.geoJson.features.map((f) => f.properties.name)).toEqual(data.codes);
  });

  it('gives one item per tile, suppressed and empty ones without a value and in their own colours', () => {
    const items = mapItems(data);
    expect(items).toHaveLength(9);
    expect(items[0]).toMatchObject({ name: 'E12000001', value: 1000 });
    expect(items[1]).toMatchObject({ name: 'E12000002', value: '-', itemStyle: { areaColor: SUPPRESSED_COLOUR } });
    expect(items[1]?.itemStyle?.decal).toBeDefined();
    expect(items[2]).toEqual({ name: 'E12000003', value: '-', itemStyle: { areaColor: EMPTY_COLOUR } });
  });

  it('colours only the published values on the scale and labels tiles with short names', () => {
    const option = mapOption(data, map);
    const visualMap = Array.isArray(option.visualMap) ? option.visualMap[0] : option.visualMap;
    expect(visualMap).toMatchObject({ seriesIndex: 0, min: 1000, max: 9000 });
    const series = (Array.isArray(option.series) ? option.series[0] : option.series) as { map: string; label: { formatter: (p: unknown) => string } };
    expect(series.map).toBe(map.name);
    expect(['E12000001', 'E12000002', 'E12000003'].map((name) => series.label.formatter({ name }))).toEqual(['NE\n1,000', 'NW\n*', 'Y&H\n–']);
  });

  it('exposes the tiles as the plotted categories', () => {
    expect(JSON.parse(plotSeriesJson(buildPlot(regions, 0, 'map')))).toEqual({
      kind: 'map', measure: 'fce', categories: ONS_REGIONS.slice(0, 9).map((r) => r.label),
      series: [{ name: 'Finished consultant episodes', values: [1000, null, null, 4000, 5000, 6000, 7000, 8000, 9000] }],
    });
  });
});

describe('ICB maps', () => {
  const icbs = pivotFixture({ rowField: axisField('icb', 'icb'), rows: ICB_MEMBERS });
  it('places all 42 ICBs, with or without their parents, under different layouts', () => {
    const clustered = buildPlot(icbs, 0, 'map', ICB_PARENTS);
    const grid = buildPlot(icbs, 0, 'map');
    expect([clustered.map?.tiles.length, grid.map?.tiles.length]).toEqual([42, 42]);
    expect(clustered.map?.name).not.toBe(grid.map?.name);
    expect(plotOption(clustered)).not.toBeNull();
  });
});
