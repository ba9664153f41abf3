// The draft lives in the URL: every change pushes a history entry (so Back undoes it), and
// Back/Forward re-read the link. This is client state, not server state.
import { useCallback, useEffect, useState } from 'react';
import { linkSearch, parseLink, type LinkState } from './draft-url';
import type { Draft } from './workbench-draft';

export interface LinkDraft {
  readonly draft: Draft | null;
  /** What a damaged or outdated link lost, until the analyst dismisses the notice. */
  readonly dropped: readonly string[];
  readonly setDraft: (draft: Draft, history?: 'push' | 'replace') => void;
  readonly reportDropped: (messages: readonly string[]) => void;
  readonly dismissDropped: () => void;
}

const readLocation = (): LinkState => parseLink(window.location.search);

export function useLinkDraft(): LinkDraft {
  const [state, setState] = useState<LinkState>(readLocation);

  useEffect(() => {
    const onPop = () => setState(readLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const setDraft = useCallback((draft: Draft, history: 'push' | 'replace' = 'push') => {
    const url = `${window.location.pathname}${linkSearch(draft)}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setState((s) => ({ draft, dropped: s.dropped }));
  }, []);
  const reportDropped = useCallback((messages: readonly string[]) => {
    setState((s) => ({ ...s, dropped: [...s.dropped, ...messages] }));
  }, []);
  const dismissDropped = useCallback(() => setState((s) => ({ ...s, dropped: [] })), []);

  return { draft: state.draft, dropped: state.dropped, setDraft, reportDropped, dismissDropped };
}
