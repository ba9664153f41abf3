// The active filters as chips: click to edit, × to remove.
import type { DatasetResponse } from '../api/api-types';
import type { Draft } from '../url/workbench-draft';
import { describeFilter } from './describe-filter';
import { removeFilter } from './draft-edits';

interface Props {
  view: DatasetResponse;
  draft: Draft;
  onChange: (edit: (d: Draft) => Draft) => void;
  onEdit: (field: string) => void;
}

export function FilterChips({ view, draft, onChange, onEdit }: Props) {
  const fields = new Map(view.fields.map((f) => [f.id, f]));
  return (
    <section className="zone filters-zone" aria-label="Filters" data-testid="zone-filters">
      <h2 className="zone-title">Filters</h2>
      {draft.filters.length === 0 && <p className="hint">None: every record of the chosen years counts. Use “Filter” on a field to add one.</p>}
      <ul className="plain-list chips">
        {draft.filters.map((f) => {
          const text = describeFilter(f, fields.get(f.field));
          return (
            <li key={f.field} className={`chip filter-chip${f.kind === 'not-in' ? ' is-exclude' : ''}`} data-testid={`filter-chip-${f.field}`}>
              <button type="button" className="chip-text-button" title="Edit this filter" onClick={() => onEdit(f.field)}>{text}</button>
              <button type="button" className="chip-button" aria-label={`Remove filter: ${text}`} data-testid={`remove-filter-${f.field}`}
                onClick={() => onChange((d) => removeFilter(d, f.field))}>×</button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
