// What every chart shares: the option type (composed from only the ECharts parts we
// register, imported as types so no chart code reaches the main bundle), the NHS palette,
// the look of suppressed and empty values, and en-GB value text for tooltips and labels.
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, MapSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption, VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatNumber } from '../pivot/format-value';
import type { ChartData } from './chart-data';

export type ChartOption = ComposeOption<
  | BarSeriesOption | LineSeriesOption | HeatmapSeriesOption | PieSeriesOption | MapSeriesOption
  | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export const NHS_PALETTE = ['#005eb8', '#41b6e6', '#330072', '#ffb81c', '#009639', '#da291c', '#768692', '#00a499', '#ae2573', '#ed8b00'];
/** Continuous scales (heatmap, map) run from a pale to the dark NHS blue. */
export const SCALE_COLOURS = ['#e8f1fa', '#7fb0e0', '#005eb8', '#003087'];
export const TEXT_COLOUR = '#212b32';

/** Suppressed values: grey with diagonal hatching, so they never read as a low value. */
export const SUPPRESSED_COLOUR = '#aeb7bd';
export const SUPPRESSED_DECAL = {
  symbol: 'rect', symbolSize: 1, color: 'rgba(255, 255, 255, 0.75)',
  dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: Math.PI / 4,
};
/** No record contributed: a pale neutral, distinct from both the scale and suppression. */
export const EMPTY_COLOUR = '#f0f4f5';
export const SUPPRESSED_TEXT = '* suppressed';
/** ECharts' own marker for a missing value in pies and maps: nothing is drawn, unlike 0. */
export const NO_VALUE = '-';
export const EMPTY_TEXT = 'no records';

export function titleOf(data: ChartData): TitleComponentOption {
  return { text: data.measureLabel, left: 0, textStyle: { fontSize: 14, fontWeight: 'bold', color: TEXT_COLOUR } };
}

/** A value as the tooltip says it: the number, "* suppressed" or "no records". */
export function describeValue(data: ChartData, seriesIndex: number, categoryIndex: number): string {
  const series = data.series[seriesIndex];
  if (series?.suppressed[categoryIndex] === true) return SUPPRESSED_TEXT;
  const value = series?.values[categoryIndex];
  return typeof value === 'number' ? formatNumber(value, data.decimals) : EMPTY_TEXT;
}

export const axisNumber = (value: number): string => formatNumber(value, 0);

/** The lowest and highest plotted value; a flat scale is widened so ECharts can draw it. */
export function valueExtent(data: ChartData): [number, number] {
  const values = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? [Math.min(0, low), Math.max(high, low + 1)] : [low, high];
}

/** What a tooltip or click handler needs from ECharts' callback parameters, read safely. */
export interface ChartPoint {
  readonly seriesIndex: number;
  readonly dataIndex: number;
  readonly name: string;
  readonly marker: string;
  readonly value: unknown;
}

export function chartPoints(params: unknown): ChartPoint[] {
  return (Array.isArray(params) ? params : [params]).flatMap((p: unknown): ChartPoint[] => {
    if (typeof p !== 'object' || p === null) return [];
    const read = (field: string): unknown => (Object.hasOwn(p, field) ? Reflect.get(p, field) : undefined);
    const seriesIndex = read('seriesIndex');
    const dataIndex = read('dataIndex');
    const name = read('name');
    const marker = read('marker');
    return [{
      seriesIndex: typeof seriesIndex === 'number' ? seriesIndex : -1,
      dataIndex: typeof dataIndex === 'number' ? dataIndex : -1,
      name: typeof name === 'string' ? name : '',
      marker: typeof marker === 'string' ? marker : '',
      value: read('value'),
    }];
  });
}

const HTML_ESCAPES: ReadonlyMap<string, string> = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&#39;']]);
/** Tooltips are HTML; labels come from code lists, so escape them. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES.get(c) ?? c);
