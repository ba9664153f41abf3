// The filter panel for one field: codes to include or exclude (code fields) or a min–max
// range (number fields). Opens below the zones; Escape or Cancel closes it.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Filter } from '../../shared/query/pivot-query';
import type { DatasetResponse, FieldResponse, NumberFieldResponse } from '../api/api-types';
import type { Draft } from '../url/workbench-draft';
import { CodeFilterForm } from './code-filter-form';
import { removeFilter, setFilter } from './draft-edits';
import { FilterFormActions } from './filter-form-actions';
import { PeriodForm } from './period-form';
import { monthsOf } from './period-range';

export type DraftEdit = (d: Draft) => Draft;

interface Props {
  view: DatasetResponse;
  field: FieldResponse;
  current: Filter | undefined;
  onApply: (edit: DraftEdit) => void;
  onClose: () => void;
}

export function FilterEditor({ view, field, current, onApply, onClose }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => { headingRef.current?.focus(); }, []);
  const onKeyDown = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
  const remove = current ? () => onApply((d) => removeFilter(d, field.id)) : undefined;
  const hasPeriods = field.type === 'code' && monthsOf(field) !== undefined;
  const [periodMode, setPeriodMode] = useState(hasPeriods && (current === undefined || (current.kind === 'in' && current.level === 'month')));
  return (
    <section className="filter-editor" aria-labelledby="filter-editor-heading" data-testid="filter-editor" onKeyDown={onKeyDown}>
      <h2 id="filter-editor-heading" ref={headingRef} tabIndex={-1}>Filter: {field.label}</h2>
      {hasPeriods && (
        <button type="button" className="button-small" data-testid="period-mode" onClick={() => setPeriodMode((m) => !m)}>
          {periodMode ? 'Pick years, quarters or months instead' : 'Choose a date range instead'}
        </button>
      )}
      {field.type === 'number'
        ? <RangeForm field={field} current={current?.kind === 'range' ? current : undefined} onApply={onApply} footer={<Footer onClose={onClose} onRemove={remove} />} />
        : field.type === 'code' && monthsOf(field) && (current === undefined || current.kind === 'in' && current.level === 'month')
          && periodMode ? <PeriodForm field={field} current={current?.kind === 'in' ? current : undefined} onApply={onApply} footer={<Footer onClose={onClose} onRemove={remove} />} />
        : <CodeFilterForm dataset={view.id} field={field} current={current?.kind === 'in' || current?.kind === 'not-in' ? current : undefined}
            onApply={(filter) => onApply((d) => setFilter(d, filter))} footer={<Footer onClose={onClose} onRemove={remove} />} />}
    </section>
  );
}

function Footer({ onClose, onRemove }: { onClose: () => void; onRemove: (() => void) | undefined }) {
  return (
    <>
      {onRemove && <button type="button" className="button-secondary" onClick={onRemove}>Remove filter</button>}
      <button type="button" className="button-secondary" onClick={onClose}>Cancel</button>
    </>
  );
}

interface RangeProps {
  field: NumberFieldResponse;
  current: Extract<Filter, { kind: 'range' }> | undefined;
  onApply: (edit: DraftEdit) => void;
  footer: ReactNode;
}

function RangeForm({ field, current, onApply, footer }: RangeProps) {
  const [low, setLow] = useState(String(current?.low ?? field.min));
  const [high, setHigh] = useState(String(current?.high ?? field.max));
  const lowValue = Number(low);
  const highValue = Number(high);
  const problem = low.trim() === '' || high.trim() === '' || !Number.isFinite(lowValue) || !Number.isFinite(highValue)
    ? 'Enter both ends of the range as numbers.'
    : lowValue > highValue ? 'The range starts after it ends.' : undefined;
  return (
    <form className="range-form" onSubmit={(e) => {
      e.preventDefault();
      if (problem === undefined) onApply((d) => setFilter(d, { kind: 'range', field: field.id, low: lowValue, high: highValue }));
    }}>
      <p className="hint">{field.description} Values run from {field.min} to {field.max} {field.unit}; both ends are included.</p>
      <div className="range-inputs">
        <label>From <input type="number" data-testid="range-low" value={low} onChange={(e) => setLow(e.target.value)} /></label>
        <label>to <input type="number" data-testid="range-high" value={high} onChange={(e) => setHigh(e.target.value)} /></label>
        <span>{field.unit}</span>
      </div>
      <FilterFormActions problem={problem} footer={footer} />
    </form>
  );
}
