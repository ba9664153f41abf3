// Financial-year arithmetic (hes-data.md §1.5): '2324' = 1 April 2023 to 31 March 2024.
// Dates are handled as day numbers since 1970-01-01 so TypeScript and SQL agree exactly.

const DAY_MS = 86_400_000;

/** Every year the generator can produce: 2013-14 to 2023-24. */
export const SUPPORTED_YEARS: readonly string[] = Array.from({ length: 11 }, (_, i) => {
  const a = 13 + i;
  return `${a}${a + 1}`;
});

/** Calendar year in which the financial year starts ('2324' → 2023). */
export function startCalendarYear(fyear: string): number {
  return 2000 + Number(fyear.slice(0, 2));
}

export function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** First and last day (inclusive) of a financial year as day numbers. */
export function yearBounds(fyear: string): { start: number; end: number; days: number } {
  const y = startCalendarYear(fyear);
  const start = dayNumber(y, 4, 1);
  const end = dayNumber(y + 1, 3, 31);
  return { start, end, days: end - start + 1 };
}

/** '2324' → '2023-24'. */
export function yearLabel(fyear: string): string {
  return `${startCalendarYear(fyear)}-${fyear.slice(2)}`;
}
