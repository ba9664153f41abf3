// The end of every filter form: what is wrong (if anything), Apply, and the editor's own buttons.
import type { ReactNode } from 'react';

export function FilterFormActions({ problem, footer }: { problem: string | undefined; footer: ReactNode }) {
  return (
    <>
      {problem && <p className="error-message" role="status">{problem}</p>}
      <div className="form-buttons">
        <button type="submit" data-testid="filter-apply" disabled={problem !== undefined}>Apply filter</button>
        {footer}
      </div>
    </>
  );
}
