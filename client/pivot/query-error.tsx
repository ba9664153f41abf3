// A failed pivot: the server's own sentence (written for an analyst), or a plain one when
// the server could not be reached. Shown where the table would be, never a blank page.
import { isTRPCClientError } from '@trpc/client';
import type { ApiError } from '../api/api-types';
import { domainCodeOf } from '../api/query-client';

export function QueryError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const reachedServer = isTRPCClientError(error) && error.data !== undefined;
  const code = domainCodeOf(error);
  return (
    <div className="query-error" role="alert" data-testid="pivot-error" data-domain-code={code ?? ''}>
      <p>{reachedServer ? error.message : 'The server could not be reached. Check your connection and try again.'}</p>
      {(!reachedServer || code === 'query-timeout' || code === undefined) && (
        <button type="button" className="button-secondary" onClick={onRetry}>Try again</button>
      )}
    </div>
  );
}
