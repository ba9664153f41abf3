// TanStack Query defaults: client errors (4xx) are answers, not glitches, so they are not
// retried; pivots over static data stay fresh, so focus does not re-run them.
import { isTRPCClientError } from '@trpc/client';
import { QueryClient } from '@tanstack/react-query';

const errorData = (error: unknown): Record<string, unknown> | undefined => {
  if (!isTRPCClientError(error)) return undefined;
  const data: unknown = error.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
};

/** True when the server says the session is missing or expired (not a wrong password). */
export function isSignedOutError(error: unknown): boolean {
  return errorData(error)?.['domainCode'] === 'not-authenticated';
}

/** The domain code the server attached to an error ('too-many-cells', …), if any. */
export function domainCodeOf(error: unknown): string | undefined {
  const code = errorData(error)?.['domainCode'];
  return typeof code === 'string' ? code : undefined;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => {
          const status = errorData(error)?.['httpStatus'];
          const isServerFault = typeof status !== 'number' || (status >= 500 && status !== 504);
          return isServerFault && count < 1;
        },
        refetchOnWindowFocus: false,
        staleTime: 5 * 60_000,
      },
    },
  });
}
