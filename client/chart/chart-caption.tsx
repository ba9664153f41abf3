// The sentences under a chart: how suppressed and empty values are drawn (never as zero),
// what was left out (cut-off rows and columns, areas with no tile, slices with no value),
// and why the chart differs from the kind the user picked.
import { chartKindName, type ChartKind } from './chart-kind';
import type { Plot } from './chart-plot';

const GAP_WORDS: ReadonlyMap<ChartKind, string> = new Map<ChartKind, string>([
  ['line', 'gaps in the lines'], ['pie', 'no slice'],
]);
const CLICK_TARGETS: ReadonlyMap<ChartKind, string> = new Map<ChartKind, string>([
  ['line', 'point'], ['heatmap', 'cell'], ['pie', 'slice'], ['map', 'tile'],
]);

const lower = (kind: ChartKind) => chartKindName(kind).toLowerCase();

export function ChartCaption({ plot, canDrill }: { plot: Plot; canDrill: boolean }) {
  const { data, map } = plot;
  const shownRows = data?.categories.length ?? 0;
  const shownColumns = data?.series.length ?? 0;
  const hasKey = plot.kind === 'heatmap' || plot.kind === 'map';
  const noSlice = plot.kind === 'pie' && data ? data.categories.filter((_, i) => data.series[0]?.values[i] === null) : [];
  return (
    <figcaption className="hint chart-caption">
      {plot.fellBackFrom && (
        <span data-testid="chart-fallback">A {lower(plot.fellBackFrom)} does not suit this table; showing a {lower(plot.kind)} instead. </span>
      )}
      {hasKey ? (
        <span data-testid="chart-suppressed-note">
          <span className="chart-key chart-key-suppressed" aria-hidden="true" /> * suppressed{' '}
          <span className="chart-key chart-key-empty" aria-hidden="true" /> no records.{' '}
        </span>
      ) : (
        <span data-testid="chart-suppressed-note">
          * suppressed values are not plotted{data?.hasSuppressed ? ` (${GAP_WORDS.get(plot.kind) ?? 'gaps in the bars'})` : ''}.{' '}
        </span>
      )}
      {noSlice.length > 0 && `No slice for: ${noSlice.join(', ')}. `}
      {map && map.leftOut.length > 0 && <span data-testid="chart-not-on-map">Not on the map: {map.leftOut.join(', ')}. </span>}
      {data && data.categoryTotal > shownRows && `Showing the first ${shownRows} of ${data.categoryTotal} rows. `}
      {data && data.seriesTotal > shownColumns && `Showing the first ${shownColumns} of ${data.seriesTotal} columns. `}
      {data?.otherLabel && `${data.otherLabel} is not plotted. `}
      Totals are not plotted.
      {canDrill && shownRows > 0 && ` Click a ${CLICK_TARGETS.get(plot.kind) ?? 'bar'} to drill down.`}
    </figcaption>
  );
}
