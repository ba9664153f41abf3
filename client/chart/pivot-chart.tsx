// The bar chart of the current pivot. The plotted data are also exposed as a data-series
// attribute (categories and values) so tests can compare the chart with the API.
import { useEffect, useMemo, useRef } from 'react';
import type { PivotResponse } from '../api/api-types';
import { chartData } from './chart-data';
import { chartHeightPx, chartOption } from './chart-option';
import { echarts } from './echarts-setup';

interface Props { result: PivotResponse; measureIndex: number }

export function PivotChart({ result, measureIndex }: Props) {
  const data = useMemo(() => chartData(result, measureIndex), [result, measureIndex]);
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  // ECharts is created on the first chart with data (it cannot measure a zero-height box),
  // resized with its container, and disposed with the component.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element);
    return () => { observer.disconnect(); chart.current?.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element || !data || data.categories.length === 0) { chart.current?.clear(); return; }
    chart.current ??= echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current.setOption(chartOption(data), { notMerge: true });
    chart.current.resize();
  }, [data]);

  const categories = data?.categories ?? [];
  const series = data?.series ?? [];
  const isEmpty = categories.length === 0;
  const label = `Bar chart of ${data?.measureLabel ?? 'the table'} for ${categories.length} ${categories.length === 1 ? 'row' : 'rows'}`
    + `${series.length > 1 ? ` and ${series.length} series` : ''}; the same figures are in the table above.`;
  return (
    <figure className="pivot-chart">
      <div ref={container} className="chart-canvas" role="img" aria-label={label} data-testid="pivot-chart"
        data-series={JSON.stringify({ measure: data?.measure ?? null, categories, series })}
        style={{ height: data && !isEmpty ? `${chartHeightPx(data)}px` : '0' }} />
      {isEmpty && <p className="hint" data-testid="chart-empty">Add a field to rows to draw a chart.</p>}
      <figcaption className="hint">
        <span data-testid="chart-suppressed-note">* suppressed values are not plotted{data?.hasSuppressed ? ' (gaps in the bars)' : ''}. </span>
        {data && data.categoryTotal > categories.length && `Showing the first ${categories.length} of ${data.categoryTotal} rows. `}
        {data && data.seriesTotal > series.length && `Showing the first ${series.length} of ${data.seriesTotal} columns. `}
        Totals are not plotted.
      </figcaption>
    </figure>
  );
}
