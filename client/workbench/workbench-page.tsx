// The workbench: the dataset's catalogue on the left, the table being built on the right.
// The draft comes from the URL; the catalogue and the pivot come from TanStack Query.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { DatasetId } from '../../shared/catalogue/catalogue-types';
import type { DatasetResponse } from '../api/api-types';
import { useTRPC } from '../api/trpc';
import { PivotView } from '../pivot/pivot-view';
import { reconcileDraft } from '../url/reconcile-draft';
import { useLinkDraft, type LinkDraft } from '../url/use-link-draft';
import { defaultDraft, type Draft } from '../url/workbench-draft';
import { AxisZones } from './axis-zones';
import { DatasetPicker } from './dataset-picker';
import { WorkbenchDnd } from './drag-drop';
import { DrillBreadcrumbs } from './drill-breadcrumbs';
import { FieldList } from './field-list';
import { FilterChips } from './filter-chips';
import { FilterEditor } from './filter-editor';
import { LinkNotice } from './link-notice';
import { MeasurePicker } from './measure-picker';
import { useUndoKeys } from './use-undo-keys';
import { keepValidExpansions } from './view-edits';
import { ViewToolbar } from './view-toolbar';
import { YearPicker } from './year-picker';

const DEFAULT_DATASET: DatasetId = 'apc';

export function WorkbenchPage() {
  const trpc = useTRPC();
  const link = useLinkDraft();
  const datasetId = link.draft?.dataset ?? DEFAULT_DATASET;
  const view = useQuery(trpc.catalogue.dataset.queryOptions({ id: datasetId }));
  if (view.isError) {
    return <main className="page-message" role="alert">The catalogue could not be loaded: {view.error.message}</main>;
  }
  if (!view.data || view.data.id !== datasetId) return <main className="page-message" role="status">Loading the catalogue…</main>;
  return <Workbench view={view.data} link={link} />;
}

function Workbench({ view, link }: { view: DatasetResponse; link: LinkDraft }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const reconciled = useMemo(
    () => (link.draft ? reconcileDraft(link.draft, view) : { draft: defaultDraft(view), dropped: [] }),
    [link.draft, view],
  );
  const draft = reconciled.draft;
  const { setDraft, reportDropped } = link;
  useUndoKeys(link.undo, link.redo);

  // A link naming things this dataset lacks is cleaned once, and the notice says what went.
  useEffect(() => {
    if (reconciled.dropped.length === 0) return;
    setDraft(reconciled.draft, 'replace');
    reportDropped(reconciled.dropped);
  }, [reconciled, setDraft, reportDropped]);

  const update = (edit: (d: Draft) => Draft) => {
    const next = keepValidExpansions(draft, edit(draft));
    if (next !== draft) setDraft(next);
  };
  const changeDataset = async (id: DatasetId) => {
    if (id === draft.dataset) return;
    setEditing(null);
    const next = await queryClient.fetchQuery(trpc.catalogue.dataset.queryOptions({ id }));
    setDraft(defaultDraft(next, draft.years));
  };
  const editingField = editing === null ? undefined : view.fields.find((f) => f.id === editing);

  return (
    <WorkbenchDnd draft={draft} onChange={update} onFilter={setEditing}>
    <main className="workbench">
      <aside className="sidebar" aria-label="Dataset, years, measures and fields">
        <DatasetPicker value={draft.dataset} onChange={(id) => void changeDataset(id)} />
        <YearPicker view={view} draft={draft} onChange={update} />
        <MeasurePicker view={view} draft={draft} onChange={update} />
        <FieldList view={view} draft={draft} onChange={update} onFilter={setEditing} />
      </aside>
      <section className="canvas" aria-label="Table">
        <LinkNotice dropped={link.dropped} onDismiss={link.dismissDropped} />
        <AxisZones view={view} draft={draft} onChange={update} />
        <FilterChips view={view} draft={draft} onChange={update} onEdit={setEditing} />
        {editingField && (
          <FilterEditor key={editingField.id} view={view} field={editingField} current={draft.filters.find((f) => f.field === editingField.id)}
            onApply={(edit) => { update(edit); setEditing(null); }} onClose={() => setEditing(null)} />
        )}
        <DrillBreadcrumbs view={view} draft={draft} onChange={update} />
        <ViewToolbar draft={draft} onChange={update} canUndo={link.canUndo} canRedo={link.canRedo} onUndo={link.undo} onRedo={link.redo} />
        <PivotView draft={draft} view={view} onChange={update} />
      </section>
    </main>
    </WorkbenchDnd>
  );
}
