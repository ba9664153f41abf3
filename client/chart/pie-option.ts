// A pie of one additive series over a few categories, drawn only when the user asks for it.
// Suppressed and empty categories have no slice (ECharts' '-' draws nothing), so shares are of
// the published values; the caption says which categories are missing.
import type { ChartData } from './chart-data';
import { chartPoints, describeValue, escapeHtml, NHS_PALETTE, NO_VALUE, titleOf, type ChartOption } from './chart-style';

export interface PieSlice { name: string; value: number | typeof NO_VALUE }

export function pieSlices(data: ChartData): PieSlice[] {
  const values = data.series[0]?.values ?? [];
  return data.categories.map((name, i) => ({ name, value: values[i] ?? NO_VALUE }));
}

export function pieOption(data: ChartData): ChartOption {
  return {
    color: NHS_PALETTE,
    animation: false,
    title: titleOf(data),
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const point = chartPoints(params)[0];
        if (!point) return '';
        return `<b>${escapeHtml(data.categories[point.dataIndex] ?? '')}</b><br/>${describeValue(data, 0, point.dataIndex)}`;
      },
    },
    series: [{
      type: 'pie', name: data.measureLabel, radius: ['0%', '58%'], center: ['50%', '56%'],
      data: pieSlices(data),
      // Percent first, so a truncated long label never loses it; labels kept inside the box.
      label: { formatter: '{d}%  {b}', width: 170, overflow: 'truncate', alignTo: 'edge', edgeDistance: 8 },
    }],
  };
}
