// The chart of the current pivot, in the kind the user picked or the one that suits it. The
// plotted data are also exposed as data-series / data-row-indexes attributes so tests can
// compare the chart with the API. ECharts arrives lazily; a placeholder holds its place.
import { useEffect, useMemo, useRef } from 'react';
import type { EChartsType } from 'echarts/core';
import type { PivotResponse } from '../api/api-types';
import { ChartCaption } from './chart-caption';
import { mapRoleOf, type ChartKind } from './chart-kind';
import { buildPlot, drillRowIndex, hasPoints, plotDescription, plotHeightPx, plotOption, plotSeriesJson, type Plot } from './chart-plot';
import { useEcharts } from './use-echarts';
import './chart.css';

interface Props {
  result: PivotResponse;
  measureIndex: number;
  kind: ChartKind | 'auto';
  /** Called with the index into result.rows of a clicked bar, point, slice, cell or tile. */
  onDrill?: ((rowIndex: number) => void) | undefined;
  /** Code → parent code (ICB → NHS region), to cluster ICB tiles on the map. */
  codeParents?: ReadonlyMap<string, string> | undefined;
}

export function PivotChart({ result, measureIndex, kind, onDrill, codeParents }: Props) {
  // Parents matter only to ICB maps; other charts are not redrawn when a new map object arrives.
  const parents = mapRoleOf(result) === 'icb' ? codeParents : undefined;
  const plot = useMemo(() => buildPlot(result, measureIndex, kind, parents), [result, measureIndex, kind, parents]);
  const echarts = useEcharts();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The click handler is bound once; it reads the current plot and callback from here.
  const latest = useRef<{ plot: Plot; onDrill: Props['onDrill'] }>({ plot, onDrill });
  useEffect(() => { latest.current = { plot, onDrill }; });

  // Resized with its container, disposed with the component.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element);
    return () => { observer.disconnect(); chart.current?.dispose(); chart.current = null; };
  }, []);

  // Created on the first chart with data (ECharts cannot measure a zero-height box).
  useEffect(() => {
    const element = container.current;
    if (echarts.kind !== 'ready' || !element) return;
    const option = plotOption(plot);
    if (!option) { chart.current?.clear(); return; }
    if (!chart.current) {
      chart.current = echarts.setup.echarts.init(element, undefined, { renderer: 'canvas' });
      chart.current.on('click', (params) => {
        const row = drillRowIndex(latest.current.plot, params);
        if (row !== null) latest.current.onDrill?.(row);
      });
    }
    if (plot.map) echarts.setup.ensureMap(plot.map.name, plot.map.geoJson);
    chart.current.setOption(option, { notMerge: true });
    chart.current.resize();
  }, [plot, echarts]);

  const isEmpty = !hasPoints(plot);
  const heightPx = plotHeightPx(plot);
  return (
    <figure className="pivot-chart">
      <div className="chart-frame">
        <div ref={container} className="chart-canvas" role="img" aria-label={plotDescription(plot)} data-testid="pivot-chart"
          data-kind={plot.kind} data-series={plotSeriesJson(plot)} data-row-indexes={JSON.stringify(plot.data?.rowIndexes ?? [])}
          style={{ height: `${heightPx}px` }} />
        {!isEmpty && echarts.kind === 'loading' && <p className="chart-placeholder" data-testid="chart-loading">Loading the chart…</p>}
        {!isEmpty && echarts.kind === 'failed' && (
          <p className="chart-placeholder" role="alert">The chart could not be loaded; the table above has the same figures.</p>
        )}
      </div>
      {isEmpty && <p className="hint" data-testid="chart-empty">Add a field to rows to draw a chart.</p>}
      <ChartCaption plot={plot} canDrill={onDrill !== undefined && result.rowFields.at(-1)?.drillable === true} />
    </figure>
  );
}
