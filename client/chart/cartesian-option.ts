// Bars (grouped, stacked, horizontal) and lines: categories on one axis, the measure on the
// other, one series per leaf column. A null draws nothing (a gap in a line, no bar), so a
// suppressed value is never shown as zero.
import type { ChartData } from './chart-data';
import { LONG_LABEL_CHARS, medianLength } from './chart-kind';
import {
  axisNumber, chartPoints, describeValue, escapeHtml, NHS_PALETTE, titleOf, type ChartOption,
} from './chart-style';

export type CartesianKind = 'bar' | 'stacked-bar' | 'horizontal-bar' | 'line';

/** Bars lie on their side when asked to, or when stacked bars carry long labels. */
export function isHorizontal(kind: CartesianKind, data: ChartData): boolean {
  return kind === 'horizontal-bar' || (kind === 'stacked-bar' && medianLength(data.categories) > LONG_LABEL_CHARS);
}

export function cartesianOption(kind: CartesianKind, data: ChartData): ChartOption {
  const horizontal = isHorizontal(kind, data);
  const hasLegend = data.series.length > 1;
  const categoryAxis = horizontal
    ? { type: 'category' as const, inverse: true, data: [...data.categories], axisLabel: { width: 220, overflow: 'truncate' as const } }
    : {
      type: 'category' as const, data: [...data.categories], boundaryGap: kind !== 'line',
      // Every label that fits is drawn: ECharts' automatic interval measures labels before
      // truncation and would drop every other one; hideOverlap drops only those that collide.
      axisLabel: { interval: 0, hideOverlap: true, rotate: data.categories.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' as const },
    };
  const valueAxis = { type: 'value' as const, axisLabel: { formatter: axisNumber } };
  return {
    color: NHS_PALETTE,
    animation: false,
    title: titleOf(data),
    legend: { show: hasLegend, top: 30, left: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: kind === 'line' ? 'line' : 'shadow' },
      formatter: (params: unknown) => axisTooltip(data, params),
    },
    grid: { left: 8, right: 32, top: hasLegend ? 68 : 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: data.series.map((s) => kind === 'line'
      ? { type: 'line' as const, name: s.name, data: [...s.values], connectNulls: false, showSymbol: true, symbolSize: 6 }
      : { type: 'bar' as const, name: s.name, data: [...s.values], ...(kind === 'stacked-bar' ? { stack: 'total' } : {}) }),
  };
}

/** One line per series under the category's label, saying "* suppressed" where a bar is missing. */
function axisTooltip(data: ChartData, params: unknown): string {
  const points = chartPoints(params);
  const category = points[0]?.dataIndex ?? -1;
  const lines = points.map((p) => `${p.marker}${escapeHtml(data.series[p.seriesIndex]?.name ?? '')}: <b>${describeValue(data, p.seriesIndex, category)}</b>`);
  return [`<b>${escapeHtml(data.categories[category] ?? '')}</b>`, ...lines].join('<br/>');
}
