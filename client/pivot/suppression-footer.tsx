// Beneath the table: the disclosure policy and its rules, how many cells it suppressed, the
// result's notes, and the as-of date of the data. Exports carry the same text.
import type { PivotResponse } from '../api/api-types';

const formatAsOf = (iso: string): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
};

export function SuppressionFooter({ result }: { result: PivotResponse }) {
  const n = result.suppressedCount;
  return (
    <footer className="suppression-footer" data-testid="suppression-footer">
      <p>
        <strong>{result.policy.label}</strong>
        {' · '}<span data-testid="suppressed-count">{n.toLocaleString('en-GB')} {n === 1 ? 'cell' : 'cells'} suppressed</span>
        {' · '}Data as of <time dateTime={result.asOf} data-testid="as-of">{formatAsOf(result.asOf)}</time>
      </p>
      <ul className="rules">{result.policy.rules.map((r) => <li key={r}>{r}</li>)}</ul>
      {result.notes.length > 0 && <ul className="notes" data-testid="result-notes">{result.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
    </footer>
  );
}
