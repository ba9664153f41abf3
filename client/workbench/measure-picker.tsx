// Measures as checkboxes (at least one, at most eight), and the totals switch.
import type { DatasetResponse } from '../api/api-types';
import { MAX } from '../url/draft-url';
import type { Draft } from '../url/workbench-draft';
import { setTotals, toggleMeasure } from './draft-edits';

interface Props { view: DatasetResponse; draft: Draft; onChange: (edit: (d: Draft) => Draft) => void }

export function MeasurePicker({ view, draft, onChange }: Props) {
  const order = view.measures.map((m) => m.id);
  const chosen = new Set(draft.measures);
  return (
    <fieldset className="panel">
      <legend className="panel-title">Measures</legend>
      <ul className="plain-list measure-list">
        {view.measures.map((m) => {
          const on = chosen.has(m.id);
          const locked = (on && chosen.size <= 1) || (!on && chosen.size >= MAX.measures);
          return (
            <li key={m.id}>
              <label className="check" title={locked ? (on ? 'At least one measure is needed' : `At most ${MAX.measures} measures`) : m.description}>
                <input type="checkbox" data-testid={`measure-${m.id}`} checked={on} aria-disabled={locked}
                  onChange={(e) => { const next = e.target.checked; onChange((d) => toggleMeasure(d, m.id, next, order)); }} />
                {m.label}
              </label>
            </li>
          );
        })}
      </ul>
      <label className="check totals-toggle">
        <input type="checkbox" data-testid="totals-toggle" checked={draft.totals}
          onChange={(e) => { const on = e.target.checked; onChange((d) => setTotals(d, on)); }} />
        Show totals and subtotals
      </label>
    </fieldset>
  );
}
