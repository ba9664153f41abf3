import { describe, expect, it } from 'vitest';
import { samplePivot } from '../test-fixtures/sample-pivot';
import {
  axisField, CHAPTERS, ICB_MEMBERS, members, MONTHS, NHS_REGION_MEMBERS, ONS_REGIONS, pivotFixture, SEXES, YEARS,
} from './chart-fixtures';
import { chartKindsFor, isChartKind, resolveChartKind } from './chart-kind';

const plain = axisField('sex');

describe('chartKindsFor', () => {
  it('offers bars, stacked bars and a heatmap for rows × columns of a count, and picks plain bars', () => {
    expect(chartKindsFor(samplePivot, 0)).toEqual({ available: ['bar', 'stacked-bar', 'horizontal-bar', 'heatmap'], auto: 'bar' });
  });

  it('does not stack a mean, which does not add up', () => {
    expect(chartKindsFor(samplePivot, 1).available).not.toContain('stacked-bar');
  });

  it('draws periods as a line', () => {
    const years = pivotFixture({ rowField: axisField('fyear', 'time'), rows: YEARS });
    expect(chartKindsFor(years)).toEqual({ available: ['bar', 'horizontal-bar', 'line', 'pie'], auto: 'line' });
    const yearsBySex = pivotFixture({ rowField: axisField('fyear', 'time'), rows: YEARS, columnField: plain, columns: SEXES });
    expect(chartKindsFor(yearsBySex).auto).toBe('line');
  });

  it('does not draw a line through categories that are not periods', () => {
    expect(chartKindsFor(pivotFixture({ rowField: plain, rows: SEXES })).available).not.toContain('line');
    const yearThenSex = { ...pivotFixture({ rowField: axisField('fyear', 'time'), rows: YEARS }), rowFields: [axisField('fyear', 'time'), plain] };
    expect(chartKindsFor(yearThenSex).available).not.toContain('line');
  });

  it('lays bars on their side for long labels or many categories', () => {
    expect(chartKindsFor(pivotFixture({ rowField: axisField('chapter'), rows: CHAPTERS })).auto).toBe('horizontal-bar');
    expect(chartKindsFor(pivotFixture({ rowField: plain, rows: members(15) })).auto).toBe('bar');
    expect(chartKindsFor(pivotFixture({ rowField: plain, rows: members(16) })).auto).toBe('horizontal-bar');
  });

  it('picks a heatmap for one row field by a column field with many values', () => {
    const byMonth = pivotFixture({ rowField: axisField('chapter'), rows: CHAPTERS, columnField: axisField('month', 'time'), columns: MONTHS });
    expect(chartKindsFor(byMonth).auto).toBe('heatmap');
    const eight = pivotFixture({ rowField: plain, rows: SEXES, columnField: axisField('x'), columns: members(8) });
    expect(chartKindsFor(eight)).toMatchObject({ auto: 'bar', available: expect.arrayContaining(['heatmap']) as unknown });
  });

  it('offers a pie for one additive series of at most 12 categories, and never picks it', () => {
    const twelve = pivotFixture({ rowField: plain, rows: members(12) });
    expect(chartKindsFor(twelve)).toMatchObject({ auto: 'bar', available: expect.arrayContaining(['pie']) as unknown });
    expect(chartKindsFor(pivotFixture({ rowField: plain, rows: members(13) })).available).not.toContain('pie');
    expect(chartKindsFor(pivotFixture({ rowField: plain, rows: SEXES, measure: 'statistic' })).available).not.toContain('pie');
    expect(chartKindsFor(pivotFixture({ rowField: plain, rows: SEXES, measure: 'sum' })).available).toContain('pie');
    expect(chartKindsFor(samplePivot).available).not.toContain('pie');
  });

  it('offers a map for regions and ICBs as the only row field, and never picks it', () => {
    for (const [role, rows] of [['ons-region', ONS_REGIONS], ['nhs-region', NHS_REGION_MEMBERS], ['icb', ICB_MEMBERS]] as const) {
      const kinds = chartKindsFor(pivotFixture({ rowField: axisField('area', role), rows }));
      expect(kinds.available).toContain('map');
      expect(kinds.auto).not.toBe('map');
    }
    const regions = pivotFixture({ rowField: axisField('area', 'ons-region'), rows: ONS_REGIONS });
    expect(chartKindsFor({ ...regions, rowFields: [axisField('area', 'ons-region'), plain] }).available).not.toContain('map');
    expect(chartKindsFor(pivotFixture({ rowField: plain, rows: SEXES })).available).not.toContain('map');
  });

  it('offers only bars when there are no rows to plot', () => {
    const noRows = { ...samplePivot, rowFields: [], rows: [{ codes: [], labels: [], depth: 0 }], cells: [samplePivot.cells[2]!] };
    expect(chartKindsFor(noRows)).toEqual({ available: ['bar'], auto: 'bar' });
  });

  it('leaves the Other row of a top-N table out, and then offers no pie', () => {
    const top = pivotFixture({ rowField: plain, rows: members(3) });
    const withOther = { ...top, rows: top.rows.toSpliced(3, 0, { codes: ['__other__'], labels: ['Other (9 more)'], depth: 1, other: true as const }) };
    expect(chartKindsFor(top).available).toContain('pie');
    expect(chartKindsFor(withOther).available).not.toContain('pie');
  });
});

describe('resolveChartKind', () => {
  const kinds = chartKindsFor(samplePivot);
  it('follows the user where the kind fits and falls back to automatic where it does not', () => {
    expect(resolveChartKind(kinds, 'auto')).toEqual({ kind: 'bar', fellBackFrom: null });
    expect(resolveChartKind(kinds, 'heatmap')).toEqual({ kind: 'heatmap', fellBackFrom: null });
    expect(resolveChartKind(kinds, 'pie')).toEqual({ kind: 'bar', fellBackFrom: 'pie' });
  });

  it('recognises kinds in text from a select or the URL', () => {
    expect(['map', 'pie', 'auto', 'constructor', ''].map(isChartKind)).toEqual([true, true, false, false, false]);
  });
});
