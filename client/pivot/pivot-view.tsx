// Runs the draft's pivot through TanStack Query (the previous table stays on screen while a
// new one loads), fetches the children of members expanded in place, and shows the grid, its
// footer and the chart. Grid and chart drill the same way: into a member (breadcrumb) or in place.
import { keepPreviousData, skipToken, useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { DatasetResponse, PivotResponse } from '../api/api-types';
import { useTRPC } from '../api/trpc';
import { ChartKindPicker } from '../chart/chart-kind-picker';
import { PivotChart } from '../chart/pivot-chart';
import { checkDraft, type Draft, type Expansion } from '../url/workbench-draft';
import { drillInto, drillUpTo, setChart, setSort, toggleExpansion, type FieldLevels } from '../workbench/view-edits';
import { buildGridModel, type ChildResult } from './build-grid-model';
import { expansionKey, expansionQuery } from './expansion-query';
import type { GridRow } from './grid-model';
import { PivotGrid } from './pivot-grid';
import { QueryError } from './query-error';
import { SuppressionFooter } from './suppression-footer';

interface Props { draft: Draft; view: DatasetResponse; onChange: (edit: (d: Draft) => Draft) => void }

/** Fields that drill: code fields with levels, except mention fields (see build-grid-model). */
function drillableFields(view: DatasetResponse): Map<string, FieldLevels> {
  return new Map(view.fields.flatMap((f) => (f.type === 'code' && !f.multiValued && f.levels.length > 1
    ? [[f.id, { id: f.id, levels: f.levels.map((l) => l.id), defaultLevel: f.defaultLevel }] as const] : [])));
}

export function PivotView({ draft, view, onChange }: Props) {
  const trpc = useTRPC();
  const check = checkDraft(draft);
  const pivot = useQuery(trpc.query.pivot.queryOptions(check.kind === 'ready' ? check.query : skipToken, { placeholderData: keepPreviousData }));
  const fields = useMemo(() => drillableFields(view), [view]);
  const [chartMeasure, setChartMeasure] = useState<string | null>(null);

  // Children of expanded members: fetched for the members on screen only (see `wanted`).
  const [fetching, setFetching] = useState<readonly Expansion[]>([]);
  const childQueries = useQueries({
    queries: fetching.map((e) => {
      const query = expansionQuery(draft, e, fields);
      return trpc.query.pivot.queryOptions(query ?? skipToken, { staleTime: 60_000 });
    }),
  });
  const children = new Map<string, ChildResult>(fetching.map((e, i) => {
    const q = childQueries[i];
    const state: ChildResult = q?.data ? { state: 'ready', result: q.data } : q?.isError ? { state: 'error', message: q.error.message } : { state: 'loading' };
    return [expansionKey(e), state];
  }));
  const base = pivot.data;
  const built = base ? buildGridModel({
    base, totals: draft.totals, showAs: draft.showAs ?? 'value', expanded: draft.expanded ?? [], children, fields,
  }) : undefined;
  const measureIndex = Math.max(0, base?.measures.findIndex((m) => m.id === chartMeasure) ?? 0);
  const parents = useMemo(() => (base ? codeParents(view, base) : undefined), [view, base]);
  const wantedKey = JSON.stringify(built?.wanted.map(expansionKey) ?? []);
  useEffect(() => {
    if (!built) return;
    if (wantedKey !== JSON.stringify(fetching.map(expansionKey))) setFetching(built.wanted);
  }, [wantedKey]); // eslint-disable-line react-hooks/exhaustive-deps -- the key is the dependency

  if (check.kind === 'incomplete') return <p className="notice-plain" role="status" data-testid="pivot-incomplete">{check.reason}</p>;
  const childError = childQueries.find((q) => q.isError)?.error;

  const onToggleExpand = (row: GridRow) => {
    if (row.expand) { const path = row.expand.path; onChange((d) => toggleExpansion(d, path)); }
  };
  /** Escape: collapse the expanded member this row is under (focus goes to it), or at the top
   *  level go back up the last drill step. */
  const onEscape = (row: GridRow): string | undefined => {
    const rows = built?.model.rows ?? [];
    const byKey = new Map(rows.map((r) => [r.key, r]));
    let member = row.expand?.state === 'expanded' ? row : undefined;
    for (let r: GridRow | undefined = row; !member && r && r.indent > 0; r = r.parentKey === undefined ? undefined : byKey.get(r.parentKey)) {
      const parent = r.parentKey === undefined ? undefined : byKey.get(r.parentKey);
      if (parent && parent.indent < r.indent && parent.expand?.state === 'expanded') member = parent;
    }
    if (member?.expand) { const path = member.expand.path; onChange((d) => toggleExpansion(d, path)); return member.key; }
    const last = draft.drill?.at(-1);
    if (last) onChange((d) => drillUpTo(d, last.field, (d.drill ?? []).filter((s) => s.field === last.field).length - 1));
    return undefined;
  };
  const onDrillRow = (result: PivotResponse, rowIndex: number) => {
    const header = result.rows[rowIndex];
    if (!header) return;
    const k = result.rowFields.findIndex((f, i) => i < header.depth && fields.has(f.field) && f.drillable && header.codes[i] !== '');
    const field = fields.get(result.rowFields[k]?.field ?? '');
    if (k < 0 || !field) return;
    onChange((d) => drillInto(d, 'rows', k, field, header.codes[k]!, header.labels[k]!));
  };

  return (
    <div className="pivot-view">
      <div className="pivot-status" aria-live="polite">
        {pivot.isFetching && <span className="busy" data-testid="pivot-busy"><span className="spinner" aria-hidden="true" />Updating the table…</span>}
      </div>
      {pivot.isError && <QueryError error={pivot.error} onRetry={() => void pivot.refetch()} />}
      {childError && <QueryError error={childError} onRetry={() => void childQueries.find((q) => q.isError)?.refetch()} />}
      {!base && pivot.isPending && <p className="hint">Running the query…</p>}
      {base && built && (
        <>
          <PivotGrid model={built.model} busy={pivot.isFetching} sort={draft.sort}
            onSort={(sort) => onChange((d) => setSort(d, sort))} onToggleExpand={onToggleExpand} onEscape={onEscape} />
          <SuppressionFooter result={base} model={built.model} />
          <section className="chart-section" aria-labelledby="chart-heading">
            <div className="chart-header">
              <h2 id="chart-heading">Chart</h2>
              <ChartKindPicker result={base} measureIndex={measureIndex} value={draft.chart ?? 'auto'} onChange={(kind) => onChange((d) => setChart(d, kind))} />
              {base.measures.length > 1 && (
                <label>Measure{' '}
                  <select data-testid="chart-measure" value={base.measures[measureIndex]?.id} onChange={(e) => setChartMeasure(e.target.value)}>
                    {base.measures.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
                  </select>
                </label>
              )}
            </div>
            <PivotChart result={base} measureIndex={measureIndex} kind={draft.chart ?? 'auto'}
              onDrill={(rowIndex) => onDrillRow(base, rowIndex)} codeParents={parents} />
          </section>
        </>
      )}
    </div>
  );
}

/** Code → parent code for the first row field's level (ICB → NHS region for the tile map). */
function codeParents(view: DatasetResponse, result: PivotResponse): ReadonlyMap<string, string> | undefined {
  const first = result.rowFields[0];
  const field = view.fields.find((f) => f.id === first?.field);
  if (field?.type !== 'code') return undefined;
  const codes = field.levels.find((l) => l.id === first?.level)?.codes;
  return codes ? new Map(codes.flatMap((c) => (c.parent !== undefined ? [[c.code, c.parent] as const] : []))) : undefined;
}
