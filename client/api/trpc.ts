// tRPC wiring for React: the typed context (useTRPC) and the client that talks to /trpc with
// the session cookie. Plain JSON, no transformer, matching the server.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../server/trpc/app-router';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** Batched GETs; long filter lists split the batch before the URL grows past what servers accept. */
export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc', maxURLLength: 8_000 })],
  });
}
