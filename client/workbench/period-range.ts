// Date ranges at month granularity: HES periods are financial years, quarters and months, so a
// "from – to" period filter is the list of months between two months (an `in` filter), and a
// filter that is such a run of months reads back as a range.
import type { CodeFieldResponse } from '../api/api-types';

export interface Month { readonly code: string; readonly label: string }

/** The months of a time field in time order, or undefined for a field without a month level. */
export function monthsOf(field: CodeFieldResponse): { level: string; months: readonly Month[] } | undefined {
  const level = field.levels.find((l) => l.role === 'time' && l.id === 'month');
  if (!level?.codes) return undefined;
  return { level: level.id, months: [...level.codes].sort((a, b) => a.code.localeCompare(b.code)).map((c) => ({ code: c.code, label: c.label })) };
}

/** The month codes from `from` to `to` inclusive (empty when the range runs backwards). */
export function monthsBetween(months: readonly Month[], from: string, to: string): string[] {
  const a = months.findIndex((m) => m.code === from);
  const b = months.findIndex((m) => m.code === to);
  return a < 0 || b < a ? [] : months.slice(a, b + 1).map((m) => m.code);
}

/** The first and last month when `codes` are a run of consecutive months, else undefined. */
export function asMonthRun(months: readonly Month[], codes: readonly string[]): { from: Month; to: Month } | undefined {
  if (codes.length < 2) return undefined;
  const positions = codes.map((c) => months.findIndex((m) => m.code === c)).sort((x, y) => x - y);
  if (positions[0]! < 0 || positions.some((p, i) => i > 0 && p !== positions[i - 1]! + 1)) return undefined;
  return { from: months[positions[0]!]!, to: months[positions.at(-1)!]! };
}
