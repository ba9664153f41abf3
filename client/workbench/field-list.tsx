// The dataset's fields grouped as in the catalogue, with a search box. Each field has buttons
// to put it on rows or columns or to filter by it, and a grip to drag it to a zone; a chip
// dragged back here comes off its axis.
import { useState } from 'react';
import type { DatasetResponse, FieldResponse } from '../api/api-types';
import type { Draft } from '../url/workbench-draft';
import { addToAxis, axisLimit, type Axis } from './draft-edits';
import { DraggableField, DropArea } from './drag-drop';

interface Props {
  view: DatasetResponse;
  draft: Draft;
  onChange: (edit: (d: Draft) => Draft) => void;
  onFilter: (field: string) => void;
}

const matches = (field: FieldResponse, words: readonly string[]) => {
  const text = `${field.label} ${field.id} ${field.description} ${field.group}`.toLowerCase();
  return words.every((w) => text.includes(w));
};

export function FieldList({ view, draft, onChange, onFilter }: Props) {
  const [search, setSearch] = useState('');
  const words = search.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const shown = view.fields.filter((f) => matches(f, words));
  const groups = new Map<string, FieldResponse[]>();
  for (const f of shown) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);

  return (
    <DropArea zone="fields" className="panel field-list" label="Fields" testId="field-list">
      <h2 className="panel-title" id="fields-heading">Fields</h2>
      <label className="visually-hidden" htmlFor="field-search">Search fields</label>
      <input id="field-search" data-testid="field-search" type="search" placeholder="Search fields…"
        value={search} onChange={(e) => setSearch(e.target.value)} />
      {shown.length === 0 && <p className="hint" role="status">No field matches “{search}”.</p>}
      {[...groups].map(([group, fields]) => (
        <div key={group} className="field-group">
          <h3 className="field-group-title">{group}</h3>
          <ul className="plain-list">
            {fields.map((f) => <FieldItem key={f.id} field={f} draft={draft} onChange={onChange} onFilter={onFilter} />)}
          </ul>
        </div>
      ))}
    </DropArea>
  );
}

function FieldItem({ field, draft, onChange, onFilter }: { field: FieldResponse } & Omit<Props, 'view'>) {
  const axisButton = (axis: Axis, text: string) => {
    const isOn = draft[axis].some((r) => r.field === field.id);
    const isFull = draft[axis].length >= axisLimit(axis);
    const reason = field.type === 'number' ? 'A number field can only be filtered by a range'
      : isOn ? `Already on ${axis}` : isFull ? `At most ${axisLimit(axis)} fields on ${axis}` : undefined;
    return (
      <button type="button" className="button-small" data-testid={`field-${field.id}-${axis}`}
        aria-label={`Add ${field.label} to ${axis}`} title={reason ?? `Add ${field.label} to ${axis}`}
        disabled={reason !== undefined} onClick={() => onChange((d) => addToAxis(d, axis, field.id))}>
        {text}
      </button>
    );
  };
  const isFiltered = draft.filters.some((f) => f.field === field.id);
  return (
    <li className="field-item">
      <DraggableField item={{ field: field.id, label: field.label, from: 'fields', ...(field.type === 'number' ? { numeric: true } : {}) }}>
        <span className="field-label" title={field.description}>{field.label}</span>
      </DraggableField>
      <span className="field-actions">
        {axisButton('rows', 'Rows')}
        {axisButton('columns', 'Columns')}
        <button type="button" className={`button-small${isFiltered ? ' is-active' : ''}`} data-testid={`field-${field.id}-filter`}
          aria-label={`Filter by ${field.label}`} aria-pressed={isFiltered} onClick={() => onFilter(field.id)}>
          Filter
        </button>
      </span>
    </li>
  );
}
