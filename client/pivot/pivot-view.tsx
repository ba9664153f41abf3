// Runs the draft's pivot through TanStack Query (the previous table stays on screen while a
// new one loads) and shows the grid, its footer and the chart, or the server's message.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../api/trpc';
import { PivotChart } from '../chart/pivot-chart';
import { checkDraft, type Draft } from '../url/workbench-draft';
import { PivotGrid } from './pivot-grid';
import { QueryError } from './query-error';
import { SuppressionFooter } from './suppression-footer';

export function PivotView({ draft }: { draft: Draft }) {
  const trpc = useTRPC();
  const check = checkDraft(draft);
  const pivot = useQuery(trpc.query.pivot.queryOptions(check.kind === 'ready' ? check.query : skipToken, { placeholderData: keepPreviousData }));
  const [chartMeasure, setChartMeasure] = useState<string | null>(null);

  if (check.kind === 'incomplete') return <p className="notice-plain" role="status" data-testid="pivot-incomplete">{check.reason}</p>;
  const result = pivot.data;
  const measureIndex = Math.max(0, result?.measures.findIndex((m) => m.id === chartMeasure) ?? 0);

  return (
    <div className="pivot-view">
      <div className="pivot-status" aria-live="polite">
        {pivot.isFetching && <span className="busy" data-testid="pivot-busy"><span className="spinner" aria-hidden="true" />Updating the table…</span>}
      </div>
      {pivot.isError && <QueryError error={pivot.error} onRetry={() => void pivot.refetch()} />}
      {!result && pivot.isPending && <p className="hint">Running the query…</p>}
      {result && (
        <>
          <PivotGrid result={result} busy={pivot.isFetching} />
          <SuppressionFooter result={result} />
          <section className="chart-section" aria-labelledby="chart-heading">
            <div className="chart-header">
              <h2 id="chart-heading">Chart</h2>
              {result.measures.length > 1 && (
                <label>Measure{' '}
                  <select data-testid="chart-measure" value={result.measures[measureIndex]?.id} onChange={(e) => setChartMeasure(e.target.value)}>
                    {result.measures.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
                  </select>
                </label>
              )}
            </div>
            <PivotChart result={result} measureIndex={measureIndex} />
          </section>
        </>
      )}
    </div>
  );
}
