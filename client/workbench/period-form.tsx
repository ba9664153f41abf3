// A date range for the time field: from one month to another, inclusive. It becomes an `in`
// filter on the months between, so it composes with years chosen above and reads back as a range.
import { useState, type ReactNode } from 'react';
import type { Filter } from '../../shared/query/pivot-query';
import type { CodeFieldResponse } from '../api/api-types';
import type { Draft } from '../url/workbench-draft';
import { setFilter } from './draft-edits';
import { FilterFormActions } from './filter-form-actions';
import { asMonthRun, monthsBetween, monthsOf } from './period-range';

interface Props {
  field: CodeFieldResponse;
  current: Extract<Filter, { kind: 'in' }> | undefined;
  onApply: (edit: (d: Draft) => Draft) => void;
  footer: ReactNode;
}

export function PeriodForm({ field, current, onApply, footer }: Props) {
  const period = monthsOf(field);
  const months = period?.months ?? [];
  const run = current ? asMonthRun(months, current.codes) : undefined;
  const [from, setFrom] = useState(run?.from.code ?? months[0]?.code ?? '');
  const [to, setTo] = useState(run?.to.code ?? months.at(-1)?.code ?? '');
  const codes = monthsBetween(months, from, to);
  const problem = codes.length === 0 ? 'The range starts after it ends.' : codes.length > 500 ? 'Choose at most 500 months.' : undefined;
  return (
    <form className="range-form" onSubmit={(e) => {
      e.preventDefault();
      if (problem === undefined && period) onApply((d) => setFilter(d, { kind: 'in', field: field.id, level: period.level, codes }));
    }}>
      <p className="hint">Records whose month falls in the range, both ends included. Only the financial years chosen above are searched.</p>
      <div className="range-inputs">
        <label>From <select data-testid="period-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          {months.map((m) => <option key={m.code} value={m.code}>{m.label}</option>)}
        </select></label>
        <label>to <select data-testid="period-to" value={to} onChange={(e) => setTo(e.target.value)}>
          {months.map((m) => <option key={m.code} value={m.code}>{m.label}</option>)}
        </select></label>
      </div>
      <FilterFormActions problem={problem} footer={footer} />
    </form>
  );
}
