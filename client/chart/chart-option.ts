// The ECharts option for ChartData: horizontal bars (long category labels stay readable),
// NHS palette, en-GB numbers; a null value draws nothing.
import { formatNumber } from '../pivot/format-value';
import type { ChartData } from './chart-data';

const NHS_PALETTE = ['#005eb8', '#41b6e6', '#330072', '#ffb81c', '#009639', '#da291c', '#768692', '#00a499', '#ae2573', '#ed8b00'];

export function chartHeightPx(data: ChartData): number {
  const perCategory = Math.max(26, Math.min(data.series.length, 6) * 12 + 8);
  return Math.min(1400, Math.max(260, 90 + data.categories.length * perCategory));
}

export function chartOption(data: ChartData) {
  const format = (v: unknown) => (typeof v === 'number' ? formatNumber(v, data.decimals) : 'suppressed or no data');
  return {
    color: NHS_PALETTE,
    animation: false,
    title: { text: data.measureLabel, left: 0, textStyle: { fontSize: 14, fontWeight: 'bold' as const, color: '#212b32' } },
    legend: { show: data.series.length > 1, top: 24, type: 'scroll' as const },
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: format },
    grid: { left: 8, right: 32, top: data.series.length > 1 ? 56 : 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => formatNumber(v, 0) } },
    yAxis: {
      type: 'category' as const, inverse: true, data: [...data.categories],
      axisLabel: { width: 220, overflow: 'truncate' as const },
    },
    series: data.series.map((s) => ({ type: 'bar' as const, name: s.name, data: [...s.values] })),
  };
}
