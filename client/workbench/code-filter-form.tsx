// Picks codes of a code field to include or exclude. Small code lists came with the
// catalogue and are narrowed in the browser; large ones (ICD-10 codes, districts) are
// searched on the server as the analyst types.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { DatasetId } from '../../shared/catalogue/catalogue-types';
import type { Filter } from '../../shared/query/pivot-query';
import type { CodeFieldResponse } from '../api/api-types';
import { useTRPC } from '../api/trpc';
import { codeLabels } from './describe-filter';

type CodeFilter = Extract<Filter, { kind: 'in' | 'not-in' }>;
/** A code to pick; `level` is set when search found it at another level than the one shown. */
interface Option { readonly code: string; readonly label: string; readonly context?: string; readonly level?: string }

const MAX_CODES = 500;
const SHOWN_OPTIONS = 300;
const normalise = (s: string) => s.replaceAll('.', '').replaceAll(' ', '').toUpperCase();

interface Props {
  dataset: DatasetId;
  field: CodeFieldResponse;
  current: CodeFilter | undefined;
  onApply: (filter: CodeFilter) => void;
  footer: ReactNode;
}

export function CodeFilterForm({ dataset, field, current, onApply, footer }: Props) {
  const [level, setLevel] = useState(current?.level ?? field.defaultLevel);
  const [mode, setMode] = useState<CodeFilter['kind']>(current?.kind ?? 'in');
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(() => {
    const labels = codeLabels(field, current?.level);
    return new Map((current?.codes ?? []).map((c) => [c, labels.get(c) ?? c]));
  });
  const levelView = field.levels.find((l) => l.id === level) ?? field.levels[0];
  const options = useCodeOptions(dataset, field, level, levelView?.codes ?? null, text);

  // A search hit at another level (typing "pneumonia" while chapters are shown finds J12–J18)
  // switches the filter to that level: a filter holds codes of one level.
  const toggle = (option: Option, on: boolean) => setSelected((s) => {
    if (on && option.level !== undefined && option.level !== level) {
      setLevel(option.level);
      return new Map([[option.code, option.label]]);
    }
    const next = new Map(s);
    if (on && next.size < MAX_CODES) next.set(option.code, option.label); else next.delete(option.code);
    return next;
  });
  const changeLevel = (next: string) => { setLevel(next); setSelected(new Map()); };
  const apply = () => {
    if (selected.size === 0) return;
    const codes = [...selected.keys()];
    onApply(level === field.defaultLevel ? { kind: mode, field: field.id, codes } : { kind: mode, field: field.id, level, codes });
  };

  return (
    <form className="code-filter" onSubmit={(e) => { e.preventDefault(); apply(); }}>
      <div className="code-filter-controls">
        {field.levels.length > 1 && (
          <label>Level{' '}
            <select data-testid="filter-level" value={level} onChange={(e) => changeLevel(e.target.value)}>
              {field.levels.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
            </select>
          </label>
        )}
        <fieldset className="mode-toggle">
          <legend className="visually-hidden">Include or exclude</legend>
          <label className="check"><input type="radio" name="filter-mode" data-testid="filter-mode-in" checked={mode === 'in'} onChange={() => setMode('in')} />Include only these</label>
          <label className="check"><input type="radio" name="filter-mode" data-testid="filter-mode-not-in" checked={mode === 'not-in'} onChange={() => setMode('not-in')} />Exclude these</label>
        </fieldset>
      </div>
      <label className="visually-hidden" htmlFor="filter-search">Find codes</label>
      <input id="filter-search" data-testid="filter-search" type="search" value={text} onChange={(e) => setText(e.target.value)}
        placeholder={levelView?.codes ? 'Narrow the list by code or description…' : `Type a code or words to search ${levelView?.codeCount.toLocaleString('en-GB') ?? ''} codes…`} />
      <div className="code-options" role="group" aria-label={`${levelView?.label ?? field.label} codes`} aria-busy={options.isSearching}>
        {options.message && <p className="hint" role="status">{options.message}</p>}
        <ul className="plain-list">
          {options.list.map((o) => (
            <li key={o.code}>
              <label className="check">
                <input type="checkbox" data-testid={`filter-code-${o.code}`} checked={selected.has(o.code)} onChange={(e) => toggle(o, e.target.checked)} />
                <span className="code">{o.code}</span> {o.label}{o.context && <span className="hint"> · {o.context}</span>}
                {o.level !== undefined && o.level !== level && <span className="level-tag">{field.levels.find((l) => l.id === o.level)?.label}</span>}
              </label>
            </li>
          ))}
        </ul>
      </div>
      <p className="selected-codes" aria-live="polite">
        {selected.size === 0 ? 'No codes chosen yet.' : `${selected.size} chosen: ${[...selected.values()].slice(0, 5).join(', ')}${selected.size > 5 ? '…' : ''}`}
      </p>
      <div className="form-buttons">
        <button type="submit" data-testid="filter-apply" disabled={selected.size === 0}>Apply filter</button>
        {selected.size > 0 && <button type="button" className="button-secondary" onClick={() => setSelected(new Map())}>Clear choices</button>}
        {footer}
      </div>
    </form>
  );
}

/** The options to show: with no text, the level's inline list; with text, a small list is
 *  narrowed in the browser, and a hierarchy is searched on the server across all its levels. */
function useCodeOptions(dataset: DatasetId, field: CodeFieldResponse, level: string, inline: readonly Option[] | null, text: string) {
  const trpc = useTRPC();
  const debounced = useDebounced(text.trim(), 250);
  const isHierarchy = field.levels.length > 1;
  const search = useQuery(trpc.catalogue.searchCodes.queryOptions(
    { dataset, field: field.id, ...(isHierarchy ? {} : { level }), text: debounced, limit: 100 },
    { enabled: (inline === null || isHierarchy) && debounced.length > 0, placeholderData: keepPreviousData },
  ));
  if (inline !== null && !(isHierarchy && text.trim().length > 0)) {
    const code = normalise(text);
    const words = text.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
    const hits = inline.filter((o) => code === '' || normalise(o.code).startsWith(code) || words.every((w) => o.label.toLowerCase().includes(w)));
    const message = hits.length === 0 ? 'No code matches.' : hits.length > SHOWN_OPTIONS ? `Showing ${SHOWN_OPTIONS} of ${hits.length}; type to narrow the list.` : undefined;
    return { list: hits.slice(0, SHOWN_OPTIONS), message, isSearching: false };
  }
  if (debounced.length === 0) return { list: [], message: 'Type a code (such as J18) or words of its description.', isSearching: false };
  const list = (search.data ?? []).map((m): Option => ({ code: m.code, label: m.label, context: m.parentLabels.at(-1) ?? '', level: m.level }));
  const message = search.isError ? search.error.message : search.isPending ? 'Searching…' : list.length === 0 ? 'No code matches.' : undefined;
  return { list, message, isSearching: search.isFetching };
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return current;
}
