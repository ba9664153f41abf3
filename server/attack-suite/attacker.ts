// A scripted attacker: one signed-in analyst calling the real API through the official tRPC
// client. A refused query (any 4xx but 401) gives the attacker nothing, so it comes back as
// undefined; anything else unexpected fails the test.
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { PivotQueryInput } from '../../shared/query/pivot-query';
import type { PivotResult } from '../../shared/result/pivot-result';
import type { AppRouter } from '../trpc/app-router';

export interface Attacker {
  readonly email: string;
  /** The protected table, or undefined when the server refused the query. */
  ask(query: PivotQueryInput): Promise<PivotResult | undefined>;
  readonly stats: { queries: number; refused: number; ms: number; refusedBy: Map<string, number> };
}

function cookieClient(baseUrl: string) {
  let cookie = '';
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({
      url: `${baseUrl}/trpc`,
      fetch: async (url, init) => {
        const res = await fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } } as RequestInit);
        const set = res.headers.getSetCookie().find((c) => c.startsWith('hes_session='));
        if (set) cookie = set.split(';')[0]!;
        return res;
      },
    })],
  });
  return client;
}

/** A refusal: the server answered 4xx (other than 401, which would mean the attacker lost its session). */
export function isRefusal(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: unknown } | undefined)?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 401;
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Attacker> {
  const client = cookieClient(baseUrl);
  await client.auth.login.mutate({ email, password });
  const stats = { queries: 0, refused: 0, ms: 0, refusedBy: new Map<string, number>() };
  return {
    email,
    stats,
    async ask(query) {
      stats.queries += 1;
      const started = performance.now();
      try {
        return await client.query.pivot.query(query);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        stats.refused += 1;
        const code = String((error as TRPCClientError<AppRouter>).data?.domainCode ?? (error as TRPCClientError<AppRouter>).data?.code ?? 'unknown');
        stats.refusedBy.set(code, (stats.refusedBy.get(code) ?? 0) + 1);
        return undefined;
      } finally {
        stats.ms += performance.now() - started;
      }
    },
  };
}
