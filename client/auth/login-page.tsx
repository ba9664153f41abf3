// Sign-in form. A wrong email or password gets the server's one uniform message.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../api/trpc';

export function LoginPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(trpc.auth.login.mutationOptions({
    onSuccess: (data) => { queryClient.setQueryData(trpc.auth.me.queryKey(), data); },
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-heading">
        <h1 id="login-heading">Sign in</h1>
        <p className="hint">Use the demo login printed in the server console.</p>
        <label htmlFor="login-email">Email</label>
        <input id="login-email" data-testid="login-email" type="email" autoComplete="username" required
          value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="login-password">Password</label>
        <input id="login-password" data-testid="login-password" type="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
        {login.isError && <p className="error-message" role="alert" data-testid="login-error">{login.error.message}</p>}
        <button type="submit" data-testid="login-submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
