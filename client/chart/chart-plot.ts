// Everything the chart component draws for one result, measure and requested kind, worked
// out purely (no ECharts): which kind, the plotted data, the option, its height, the
// data-series test hook and which table row a click lands on.
import type { PivotResponse } from '../api/api-types';
import { cartesianOption, isHorizontal } from './cartesian-option';
import { chartData, type ChartData } from './chart-data';
import { chartKindName, chartKindsFor, mapRoleOf, resolveChartKind, type ChartKind } from './chart-kind';
import { chartPoints, type ChartOption } from './chart-style';
import { heatmapOption, heatmapPosition, UPRIGHT_LABEL_COLUMNS } from './heatmap-option';
import { mapOption, mapPlot, type MapPlot } from './map-option';
import { pieOption } from './pie-option';

export interface Plot {
  readonly kind: ChartKind;
  /** The kind the user asked for when it does not suit this table. */
  readonly fellBackFrom: ChartKind | null;
  readonly data: ChartData | null;
  readonly map: MapPlot | null;
}

interface Limits { readonly categories: number; readonly series: number }
// Enough to read, few enough to draw quickly; the grid shows every row. Heatmaps exist for
// many columns; pies and maps show one series.
const LIMITS: ReadonlyMap<ChartKind, Limits> = new Map<ChartKind, Limits>([
  ['bar', { categories: 60, series: 12 }],
  ['stacked-bar', { categories: 60, series: 12 }],
  ['horizontal-bar', { categories: 60, series: 12 }],
  ['line', { categories: 120, series: 12 }],
  ['heatmap', { categories: 80, series: 40 }],
  ['pie', { categories: 12, series: 1 }],
  ['map', { categories: 200, series: 1 }],
]);

export function buildPlot(result: PivotResponse, measureIndex: number, requested: ChartKind | 'auto', codeParents?: ReadonlyMap<string, string> | undefined): Plot {
  const { kind, fellBackFrom } = resolveChartKind(chartKindsFor(result, measureIndex), requested);
  const limits = LIMITS.get(kind) ?? { categories: 60, series: 12 };
  const data = chartData(result, measureIndex, limits.categories, limits.series);
  const role = mapRoleOf(result);
  if (kind === 'map' && data && role) {
    const plotted = mapPlot(data, role, codeParents);
    return { kind, fellBackFrom, data: plotted.data, map: plotted.map };
  }
  return { kind, fellBackFrom, data, map: null };
}

export const hasPoints = (plot: Plot): boolean => (plot.data?.categories.length ?? 0) > 0;

export function plotOption(plot: Plot): ChartOption | null {
  const { data } = plot;
  if (!data || !hasPoints(plot)) return null;
  switch (plot.kind) {
    case 'bar': case 'stacked-bar': case 'horizontal-bar': case 'line': return cartesianOption(plot.kind, data);
    case 'heatmap': return heatmapOption(data);
    case 'pie': return pieOption(data);
    case 'map': return plot.map ? mapOption(data, plot.map) : null;
    default: return assertNever(plot.kind);
  }
}

export function plotHeightPx(plot: Plot): number {
  const { data } = plot;
  if (!data || !hasPoints(plot)) return 0;
  const clamp = (px: number) => Math.min(1400, Math.max(260, px));
  const legend = data.series.length > 1 ? 24 : 0;
  switch (plot.kind) {
    case 'bar': case 'stacked-bar': case 'horizontal-bar': case 'line': {
      if (!isHorizontal(plot.kind, data)) return 360 + legend;
      const bars = plot.kind === 'stacked-bar' ? 1 : Math.min(data.series.length, 6);
      return clamp(90 + legend + data.categories.length * Math.max(26, bars * 12 + 8));
    }
    // Upright column labels take up to their 120 px width below the cells.
    case 'heatmap': return clamp(150 + data.categories.length * 24 + (data.series.length > UPRIGHT_LABEL_COLUMNS ? 100 : 0));
    case 'pie': return 380;
    case 'map': return plot.map?.role === 'icb' ? 560 : 440;
    default: return assertNever(plot.kind);
  }
}

/** The index into result.rows of the category a click landed on, or null. */
export function drillRowIndex(plot: Plot, params: unknown): number | null {
  const point = chartPoints(params)[0];
  if (!point || !plot.data) return null;
  const category = plot.kind === 'heatmap' ? (heatmapPosition(point.value)?.category ?? -1)
    : plot.kind === 'map' ? plot.data.codes.indexOf(point.name)
    : point.dataIndex;
  return plot.data.rowIndexes[category] ?? null;
}

/** The data-series attribute: exactly what is plotted, nulls for gaps, for tests to compare. */
export function plotSeriesJson(plot: Plot): string {
  return JSON.stringify({
    kind: plot.kind,
    measure: plot.data?.measure ?? null,
    categories: plot.data?.categories ?? [],
    series: (plot.data?.series ?? []).map((s) => ({ name: s.name, values: s.values })),
  });
}

export function plotDescription(plot: Plot): string {
  const categories = plot.data?.categories.length ?? 0;
  const series = plot.data?.series.length ?? 0;
  const noun = plot.kind === 'map' ? (categories === 1 ? 'area' : 'areas') : (categories === 1 ? 'row' : 'rows');
  return `${chartKindName(plot.kind)} of ${plot.data?.measureLabel ?? 'the table'} for ${categories} ${noun}`
    + `${series > 1 ? ` and ${series} series` : ''}; the same figures are in the table above.`;
}

function assertNever(value: never): never {
  throw new Error(`Unexpected chart kind ${String(value)}`);
}
