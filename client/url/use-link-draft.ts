// The draft lives in the URL: every change pushes a history entry (so Back undoes it), and
// Back/Forward re-read the link. Undo/redo (Ctrl+Z / Ctrl+Shift+Z) walk the workbench's own
// stacks of drafts, so they work the same whether the change came from a click, a drag or a key.
import { useCallback, useEffect, useRef, useState } from 'react';
import { linkSearch, parseLink, type LinkState } from './draft-url';
import { undoStacks, type UndoStacks } from './undo-stacks';
import type { Draft } from './workbench-draft';

export interface LinkDraft {
  readonly draft: Draft | null;
  /** What a damaged or outdated link lost, until the analyst dismisses the notice. */
  readonly dropped: readonly string[];
  readonly setDraft: (draft: Draft, history?: 'push' | 'replace') => void;
  readonly reportDropped: (messages: readonly string[]) => void;
  readonly dismissDropped: () => void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undo: () => void;
  readonly redo: () => void;
}

const readLocation = (): LinkState => parseLink(window.location.search);
const writeLocation = (draft: Draft, history: 'push' | 'replace') => {
  const url = `${window.location.pathname}${linkSearch(draft)}`;
  if (history === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
};

export function useLinkDraft(): LinkDraft {
  const [state, setState] = useState<LinkState>(readLocation);
  const [stacks, setStacksState] = useState<UndoStacks<Draft>>(undoStacks.empty);
  // The draft and stacks on screen, for the callbacks below without re-creating them.
  const current = useRef(state.draft);
  current.current = state.draft;
  const stacksRef = useRef(stacks);
  const setStacks = (next: UndoStacks<Draft>) => { stacksRef.current = next; setStacksState(next); };

  useEffect(() => {
    const onPop = () => setState(readLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const setDraft = useCallback((draft: Draft, history: 'push' | 'replace' = 'push') => {
    writeLocation(draft, history);
    // A 'replace' cleans up the same view (e.g. a link's dropped parts): not an undoable step.
    const before = current.current;
    if (history === 'push' && before) setStacks(undoStacks.record(stacksRef.current, before));
    setState((s) => ({ draft, dropped: s.dropped }));
  }, []);

  const move = useCallback((direction: 'undo' | 'redo') => {
    const here = current.current;
    if (!here) return;
    const s = stacksRef.current;
    const step = direction === 'undo' ? undoStacks.undo(s, here) : undoStacks.redo(s, here);
    if (!step) return;
    writeLocation(step.draft, 'push');
    setStacks(step.stacks);
    setState((st) => ({ draft: step.draft, dropped: st.dropped }));
  }, []);
  const undo = useCallback(() => move('undo'), [move]);
  const redo = useCallback(() => move('redo'), [move]);

  const reportDropped = useCallback((messages: readonly string[]) => {
    setState((s) => ({ ...s, dropped: [...s.dropped, ...messages] }));
  }, []);
  const dismissDropped = useCallback(() => setState((s) => ({ ...s, dropped: [] })), []);

  return {
    draft: state.draft, dropped: state.dropped, setDraft, reportDropped, dismissDropped,
    canUndo: stacks.past.length > 0, canRedo: stacks.future.length > 0, undo, redo,
  };
}
