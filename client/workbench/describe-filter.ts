// One line of text for a filter, with code labels where the catalogue shipped them.
import type { Filter } from '../../shared/query/pivot-query';
import type { FieldResponse } from '../api/api-types';
import { asMonthRun, monthsOf } from './period-range';

const SHOWN_CODES = 3;

export function codeLabels(field: FieldResponse | undefined, level: string | undefined): ReadonlyMap<string, string> {
  if (field?.type !== 'code') return new Map();
  const lvl = field.levels.find((l) => l.id === (level ?? field.defaultLevel));
  return new Map((lvl?.codes ?? []).map((c) => [c.code, c.label]));
}

export function describeFilter(filter: Filter, field: FieldResponse | undefined): string {
  const name = field?.label ?? filter.field;
  switch (filter.kind) {
    case 'in':
    case 'not-in': {
      const months = field?.type === 'code' && filter.level === 'month' ? monthsOf(field)?.months : undefined;
      const run = months ? asMonthRun(months, filter.codes) : undefined;
      if (run) return `${name} ${filter.kind === 'in' ? 'from' : 'outside'} ${run.from.label} to ${run.to.label}`;
      const labels = codeLabels(field, filter.level);
      const names = filter.codes.slice(0, SHOWN_CODES).map((c) => labels.get(c) ?? c);
      const more = filter.codes.length > SHOWN_CODES ? ` and ${filter.codes.length - SHOWN_CODES} more` : '';
      return `${name} ${filter.kind === 'in' ? 'is' : 'is not'} ${names.join(', ')}${more}`;
    }
    case 'range': {
      const unit = field?.type === 'number' ? ` ${field.unit}` : '';
      return `${name} from ${filter.low} to ${filter.high}${unit}`;
    }
    case 'code-prefix':
      return `${name} codes starting ${filter.prefix}`;
    default: {
      const never: never = filter;
      return String(never);
    }
  }
}
