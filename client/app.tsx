// The sign-in gate: the session (auth.me) decides between the login page and the workbench.
// Any request that finds the session gone sends the analyst back to the login page.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isSignedOutError } from './api/query-client';
import { useTRPC } from './api/trpc';
import { AppHeader } from './auth/app-header';
import { LoginPage } from './auth/login-page';
import { WorkbenchPage } from './workbench/workbench-page';

export function App() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: Number.POSITIVE_INFINITY }));

  useEffect(() => queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error' || !isSignedOutError(event.action.error)) return;
    const meKey = trpc.auth.me.queryKey();
    if (queryClient.getQueryState(meKey)?.status === 'success') void queryClient.resetQueries({ queryKey: meKey });
  }), [queryClient, trpc]);

  if (me.isPending) return <p className="page-message" role="status">Loading…</p>;
  if (me.isError) {
    if (isSignedOutError(me.error)) return <><AppHeader user={null} /><LoginPage /></>;
    return (
      <>
        <AppHeader user={null} />
        <main className="page-message" role="alert">
          <p>The workbench could not reach the server: {me.error.message}</p>
          <button type="button" onClick={() => void me.refetch()}>Try again</button>
        </main>
      </>
    );
  }
  return <><AppHeader user={me.data.user} /><WorkbenchPage /></>;
}
