// How a protected cell reads on screen: en-GB thousands separators and the measure's
// decimals; '*' for a suppressed cell; an en dash where no record contributes.
import type { PivotResponse } from '../api/api-types';

type Cell = PivotResponse['cells'][number][number][number];
type Measure = PivotResponse['measures'][number];
type Policy = PivotResponse['policy'];

export const SUPPRESSED_MARK = '*';
export const EMPTY_MARK = '–';

const formatters = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals: number): string {
  let format = formatters.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, format);
  }
  return format.format(value);
}

export function formatCell(cell: Cell, measure: Pick<Measure, 'decimals'>): string {
  if (cell.suppressed) return SUPPRESSED_MARK;
  return cell.value === null ? EMPTY_MARK : formatNumber(cell.value, measure.decimals);
}

// Which of the policy's rules explains a suppressed value of each kind of measure.
const RULE_WORDS: ReadonlyMap<Measure['kind'], RegExp> = new Map([
  ['count', /count/i], ['sum', /sum/i], ['statistic', /mean|median/i], ['ratio', /percent|ratio/i],
]);

/** The tooltip of a suppressed cell: the policy rule behind it. */
export function suppressedTitle(measure: Pick<Measure, 'kind'>, policy: Policy): string {
  const words = RULE_WORDS.get(measure.kind);
  const rule = policy.rules.find((r) => words?.test(r) === true) ?? policy.rules[0] ?? '';
  return `Suppressed to protect confidentiality (${policy.label}). ${rule}`.trim();
}
