// The active filters as chips: click to edit, × to remove, drag back to the field list to
// remove; a field dropped on the zone opens its filter editor.
import { horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import type { DatasetResponse } from '../api/api-types';
import type { Draft } from '../url/workbench-draft';
import { describeFilter } from './describe-filter';
import { removeFilter } from './draft-edits';
import { DropArea, SortableChip } from './drag-drop';

interface Props {
  view: DatasetResponse;
  draft: Draft;
  onChange: (edit: (d: Draft) => Draft) => void;
  onEdit: (field: string) => void;
}

export function FilterChips({ view, draft, onChange, onEdit }: Props) {
  const fields = new Map(view.fields.map((f) => [f.id, f]));
  return (
    <DropArea zone="filters" className="zone filters-zone" label="Filters" testId="zone-filters">
      <h2 className="zone-title">Filters</h2>
      {draft.filters.length === 0 && <p className="hint">None: every record of the chosen years counts. Drag a field here or use its “Filter” button.</p>}
      <SortableContext items={draft.filters.map((f) => `filters:${f.field}`)} strategy={horizontalListSortingStrategy}>
      <ul className="plain-list chips">
        {draft.filters.map((f, i) => {
          const text = describeFilter(f, fields.get(f.field));
          return (
            <SortableChip key={f.field} item={{ field: f.field, label: fields.get(f.field)?.label ?? f.field, from: 'filters' }} index={i}
              className={`chip filter-chip${f.kind === 'not-in' ? ' is-exclude' : ''}`} testId={`filter-chip-${f.field}`}>
              <button type="button" className="chip-text-button" title="Edit this filter" onClick={() => onEdit(f.field)}>{text}</button>
              <button type="button" className="chip-button" aria-label={`Remove filter: ${text}`} data-testid={`remove-filter-${f.field}`}
                onClick={() => onChange((d) => removeFilter(d, f.field))}>×</button>
            </SortableChip>
          );
        })}
      </ul>
      </SortableContext>
    </DropArea>
  );
}
