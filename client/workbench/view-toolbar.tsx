// Above the table: undo / redo, "show as" (value or a percentage of row, column, total or
// parent) and top-N with an optional "Other" row. Each control is one draft edit.
import { useEffect, useState } from 'react';
import type { Draft, ShowAs } from '../url/workbench-draft';
import { setShowAs, setTopN } from './view-edits';

interface Props {
  draft: Draft;
  onChange: (edit: (d: Draft) => Draft) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
}

const SHOW_AS_LABELS: readonly (readonly [ShowAs, string])[] = [
  ['value', 'Values'], ['row', '% of row total'], ['column', '% of column total'], ['total', '% of grand total'], ['parent', '% of parent'],
];
const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function ViewToolbar({ draft, onChange, canUndo, canRedo, onUndo, onRedo }: Props) {
  return (
    <div className="view-toolbar" role="toolbar" aria-label="Table view">
      <button type="button" className="button-small" data-testid="undo" disabled={!canUndo} onClick={onUndo}
        aria-keyshortcuts="Control+Z" title={`Undo (${mod}Z)`}>↶ Undo</button>
      <button type="button" className="button-small" data-testid="redo" disabled={!canRedo} onClick={onRedo}
        aria-keyshortcuts="Control+Shift+Z" title={`Redo (${mod}Shift+Z)`}>↷ Redo</button>
      <label className="toolbar-field">Show as{' '}
        <select data-testid="show-as" value={draft.showAs ?? 'value'}
          onChange={(e) => { const v = SHOW_AS_LABELS.find(([id]) => id === e.target.value)?.[0] ?? 'value'; onChange((d) => setShowAs(d, v)); }}>
          {SHOW_AS_LABELS.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
        </select>
      </label>
      <TopN draft={draft} onChange={onChange} />
    </div>
  );
}

/** "Top N rows" with an "Other" switch; the number is applied on Enter or when leaving the box. */
function TopN({ draft, onChange }: Pick<Props, 'draft' | 'onChange'>) {
  const [text, setText] = useState(draft.limit === undefined ? '' : String(draft.limit));
  useEffect(() => setText(draft.limit === undefined ? '' : String(draft.limit)), [draft.limit]);
  const parsed = text.trim() === '' ? undefined : Number(text);
  const isValid = parsed === undefined || (Number.isInteger(parsed) && parsed >= 1 && parsed <= 10_000);
  const apply = () => {
    if (!isValid || parsed === draft.limit) return;
    const other = draft.other === true;
    onChange((d) => setTopN(d, parsed, other));
  };
  return (
    <span className="toolbar-field">
      <label htmlFor="top-n">Top rows</label>{' '}
      <input id="top-n" data-testid="top-n" type="number" min={1} max={10000} inputMode="numeric" placeholder="all"
        value={text} aria-invalid={!isValid} aria-describedby={isValid ? undefined : 'top-n-error'}
        onChange={(e) => setText(e.target.value)} onBlur={apply} onKeyDown={(e) => { if (e.key === 'Enter') apply(); }} />
      {!isValid && <span id="top-n-error" className="error-message" role="alert">A whole number from 1 to 10,000</span>}
      <label className="check inline-check">
        <input type="checkbox" data-testid="top-n-other" checked={draft.other === true} disabled={draft.limit === undefined}
          onChange={(e) => { const on = e.target.checked; onChange((d) => setTopN(d, d.limit, on)); }} />
        with “Other” row
      </label>
    </span>
  );
}
