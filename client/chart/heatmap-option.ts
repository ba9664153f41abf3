// A heatmap of rows × columns: one cell per pair, coloured on a continuous scale. Suppressed
// and empty cells are separate series with fixed colours, outside the scale, so neither
// reads as a low value.
import { formatNumber } from '../pivot/format-value';
import type { ChartData } from './chart-data';
import {
  chartPoints, describeValue, EMPTY_COLOUR, EMPTY_TEXT, escapeHtml, SCALE_COLOURS, SUPPRESSED_COLOUR, SUPPRESSED_DECAL,
  SUPPRESSED_TEXT, TEXT_COLOUR, titleOf, valueExtent, type ChartOption,
} from './chart-style';

/** [column, category, value]. A heatmap draws only cells with a number, so cells outside the
 *  scale carry this placeholder; the colour comes from their series and tooltips never show it. */
export type HeatmapCell = [number, number, number];
export const PLACEHOLDER = 1;
/** Beyond this many cells, numbers in the cells are clutter; the tooltip still has them. */
const MAX_LABELLED_CELLS = 120;
/** Past this many columns, slanted column labels overlap one another: they stand upright. */
export const UPRIGHT_LABEL_COLUMNS = 20;

export function heatmapCells(data: ChartData): { values: HeatmapCell[]; suppressed: HeatmapCell[]; empty: HeatmapCell[] } {
  const values: HeatmapCell[] = [];
  const suppressed: HeatmapCell[] = [];
  const empty: HeatmapCell[] = [];
  data.series.forEach((s, x) => data.categories.forEach((_, y) => {
    const value = s.values[y];
    if (typeof value === 'number') values.push([x, y, value]);
    else (s.suppressed[y] === true ? suppressed : empty).push([x, y, PLACEHOLDER]);
  }));
  return { values, suppressed, empty };
}

export function heatmapOption(data: ChartData): ChartOption {
  const cells = heatmapCells(data);
  const [min, max] = valueExtent(data);
  const showLabels = data.series.length * data.categories.length <= MAX_LABELLED_CELLS;
  return {
    animation: false,
    title: titleOf(data),
    tooltip: { trigger: 'item', formatter: (params: unknown) => cellTooltip(data, params) },
    // The bottom clears the colour scale and the numbers on its handles.
    grid: { left: 8, right: 16, top: 40, bottom: 72, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category', data: data.series.map((s) => s.name), splitArea: { show: true },
      axisLabel: { hideOverlap: true, rotate: data.series.length > UPRIGHT_LABEL_COLUMNS ? 90 : data.series.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' },
    },
    yAxis: { type: 'category', inverse: true, data: [...data.categories], axisLabel: { width: 220, overflow: 'truncate' } },
    visualMap: [{
      type: 'continuous', seriesIndex: 0, min, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
      inRange: { color: SCALE_COLOURS }, formatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, data.decimals) : ''),
    }, {
      // ECharts draws a heatmap series only under a visualMap; this one leaves their own colours.
      type: 'continuous', seriesIndex: [1, 2], show: false, min: 0, max: PLACEHOLDER, inRange: { opacity: 1 },
    }],
    series: [
      {
        type: 'heatmap', name: data.measureLabel, data: cells.values,
        label: { show: showLabels, fontSize: 10, formatter: (p: unknown) => cellLabel(data, p) },
      },
      {
        type: 'heatmap', name: SUPPRESSED_TEXT, data: cells.suppressed,
        itemStyle: { color: SUPPRESSED_COLOUR, decal: SUPPRESSED_DECAL },
        label: { show: showLabels, fontSize: 10, color: TEXT_COLOUR, formatter: '*' },
      },
      { type: 'heatmap', name: EMPTY_TEXT, data: cells.empty, itemStyle: { color: EMPTY_COLOUR } },
    ],
  };
}

/** The column and category of a clicked or hovered cell, from its [x, y, value] triple. */
export function heatmapPosition(value: unknown): { column: number; category: number } | null {
  if (!Array.isArray(value)) return null;
  const [column, category]: unknown[] = value;
  return typeof column === 'number' && typeof category === 'number' ? { column, category } : null;
}

function cellTooltip(data: ChartData, params: unknown): string {
  const position = heatmapPosition(chartPoints(params)[0]?.value);
  if (!position) return '';
  const category = escapeHtml(data.categories[position.category] ?? '');
  const column = escapeHtml(data.series[position.column]?.name ?? '');
  return `<b>${category}</b><br/>${column}: <b>${describeValue(data, position.column, position.category)}</b>`;
}

function cellLabel(data: ChartData, params: unknown): string {
  const position = heatmapPosition(chartPoints(params)[0]?.value);
  return position ? describeValue(data, position.column, position.category) : '';
}
