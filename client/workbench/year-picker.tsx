// Financial years as checkboxes (several years add up, as in HDIS).
import type { DatasetResponse } from '../api/api-types';
import type { Draft } from '../url/workbench-draft';
import { toggleYear } from './draft-edits';

interface Props { view: DatasetResponse; draft: Draft; onChange: (edit: (d: Draft) => Draft) => void }

export function YearPicker({ view, draft, onChange }: Props) {
  const order = view.years.map((y) => y.code);
  const chosen = new Set(draft.years);
  return (
    <fieldset className="panel">
      <legend className="panel-title">Financial years</legend>
      <div className="year-grid">
        {view.years.map((y) => (
          <label key={y.code} className="check">
            <input type="checkbox" data-testid={`year-${y.code}`} checked={chosen.has(y.code)}
              onChange={(e) => { const on = e.target.checked; onChange((d) => toggleYear(d, y.code, on, order)); }} />
            {y.label}
          </label>
        ))}
      </div>
      {draft.years.length === 0 && <p className="hint" role="status">Choose at least one year.</p>}
    </fieldset>
  );
}
