// Signs out, forgets every cached answer of this session, and re-checks the session, which
// then shows the login page.
import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';

export function SignOutButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(trpc.auth.logout.mutationOptions({
    onSettled: async () => {
      const meKey = trpc.auth.me.queryKey();
      queryClient.removeQueries({ predicate: (q) => q.queryHash !== hashKey(meKey) });
      await queryClient.resetQueries({ queryKey: meKey });
    },
  }));
  return (
    <button type="button" className="button-secondary" data-testid="sign-out" disabled={logout.isPending} onClick={() => logout.mutate()}>
      Sign out
    </button>
  );
}
