// The rows and columns zones: one chip per field with its level (changing it drills up or
// down the hierarchy), buttons to move and remove it, and the swap button. Fields are dropped
// here from the list and dragged between and within the zones (drag-drop.tsx).
import { horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import type { FieldRef } from '../../shared/query/pivot-query';
import type { CodeFieldResponse, DatasetResponse } from '../api/api-types';
import type { Draft } from '../url/workbench-draft';
import { canSwapAxes, moveEarlier, removeFromAxis, setLevel, swapAxes, type Axis } from './draft-edits';
import { DropArea, SortableChip } from './drag-drop';

interface Props { view: DatasetResponse; draft: Draft; onChange: (edit: (d: Draft) => Draft) => void }

export function AxisZones({ view, draft, onChange }: Props) {
  return (
    <div className="zones">
      <Zone axis="rows" title="Rows" view={view} draft={draft} onChange={onChange} />
      <button type="button" className="button-secondary swap-button" data-testid="swap-axes" disabled={!canSwapAxes(draft)}
        onClick={() => onChange(swapAxes)} title="Swap rows and columns">
        ⇄ Swap rows and columns
      </button>
      <Zone axis="columns" title="Columns" view={view} draft={draft} onChange={onChange} />
    </div>
  );
}

function Zone({ axis, title, view, draft, onChange }: Props & { axis: Axis; title: string }) {
  const fields = new Map(view.fields.flatMap((f) => (f.type === 'code' ? [[f.id, f] as const] : [])));
  const refs = draft[axis];
  return (
    <DropArea zone={axis} className="zone" label={title} testId={`zone-${axis}`}>
      <h2 className="zone-title">{title}</h2>
      {refs.length === 0 && <p className="hint">Drag a field here or use its {title} button{axis === 'rows' ? ' (up to 3)' : ' (up to 2)'}.</p>}
      <SortableContext items={refs.map((r) => `${axis}:${r.field}`)} strategy={horizontalListSortingStrategy}>
        <ul className="plain-list chips">
          {refs.map((ref, i) => {
            const field = fields.get(ref.field);
            return field ? (
              <AxisChip key={ref.field} axis={axis} index={i} field={field} fieldRef={ref} onChange={onChange} />
            ) : null;
          })}
        </ul>
      </SortableContext>
    </DropArea>
  );
}

interface ChipProps { axis: Axis; index: number; field: CodeFieldResponse; fieldRef: FieldRef; onChange: Props['onChange'] }

function AxisChip({ axis, index, field, fieldRef, onChange }: ChipProps) {
  const level = fieldRef.level ?? field.defaultLevel;
  const selectId = `level-${axis}-${field.id}`;
  return (
    <SortableChip item={{ field: field.id, label: field.label, from: axis }} index={index} className="chip" testId={`chip-${axis}-${field.id}`}>
      <span className="chip-label">{field.label}</span>
      {field.levels.length > 1 && (
        <>
          <label className="visually-hidden" htmlFor={selectId}>Level of {field.label}</label>
          <select id={selectId} data-testid={`level-${field.id}`} value={level}
            onChange={(e) => { const next = e.target.value; onChange((d) => setLevel(d, axis, index, next)); }}>
            {field.levels.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
          </select>
        </>
      )}
      {index > 0 && (
        <button type="button" className="chip-button" aria-label={`Move ${field.label} earlier`} title="Move earlier"
          onClick={() => onChange((d) => moveEarlier(d, axis, index))}>↑</button>
      )}
      <button type="button" className="chip-button" data-testid={`remove-${axis}-${field.id}`} aria-label={`Remove ${field.label} from ${axis}`}
        title="Remove" onClick={() => onChange((d) => removeFromAxis(d, axis, index))}>×</button>
    </SortableChip>
  );
}
