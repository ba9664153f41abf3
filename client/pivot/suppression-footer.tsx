// Beneath the table: the disclosure policy and its rules, how many cells it suppressed, the
// result's notes, and the as-of date of the data. Exports carry the same text.
import type { PivotResponse } from '../api/api-types';
import type { GridModel } from './grid-model';

const formatAsOf = (iso: string): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
};

/** The shares note: percentages of rounded figures need not add up to 100. */
const SHARE_NOTE = 'Percentages are worked out from the protected (rounded) figures, so they may not add up to exactly 100%; medians, means and rates are shown as values.';

export function SuppressionFooter({ result, model }: { result: PivotResponse; model?: GridModel }) {
  // Cells on screen: the base table's own count, or the merged view's when members are expanded.
  const n = model ? model.rows.reduce((sum, r) => sum + model.columns.reduce((s, c) => s + (r.cells[c]?.filter((x) => x.suppressed).length ?? 0), 0), 0) : result.suppressedCount;
  const notes = model && model.showAs !== 'value' ? [...result.notes, SHARE_NOTE] : result.notes;
  return (
    <footer className="suppression-footer" data-testid="suppression-footer">
      <p>
        <strong>{result.policy.label}</strong>
        {' · '}<span data-testid="suppressed-count">{n.toLocaleString('en-GB')} {n === 1 ? 'cell' : 'cells'} suppressed</span>
        {' · '}Data as of <time dateTime={result.asOf} data-testid="as-of">{formatAsOf(result.asOf)}</time>
      </p>
      <ul className="rules">{result.policy.rules.map((r) => <li key={r}>{r}</li>)}</ul>
      {notes.length > 0 && <ul className="notes" data-testid="result-notes">{notes.map((note) => <li key={note}>{note}</li>)}</ul>}
    </footer>
  );
}
