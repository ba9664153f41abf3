// Financial-year time code lists (hes-data.md §1.5, §3.5) for exactly the years loaded:
// fyear '2324' → quarter '2023-24 Q1' → month '2023-04' ('Apr 2023').
import type { CodeList } from '../../shared/catalogue/catalogue-types';
import { entry } from './define-code-list';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTER_MONTHS = ['Apr-Jun', 'Jul-Sep', 'Oct-Dec', 'Jan-Mar'];

/** '2324' → 2023 (the calendar year the financial year starts in). */
export function fyearStart(fyear: string): number {
  if (!/^\d{4}$/.test(fyear)) throw new Error(`Not a financial year code: ${fyear}`);
  const yy = Number(fyear.slice(0, 2));
  return (yy >= 50 ? 1900 : 2000) + yy;
}

/** '2324' → '2023-24'. */
export const fyearLabel = (fyear: string): string => `${fyearStart(fyear)}-${fyear.slice(2)}`;

export function buildTimeCodeLists(years: readonly string[]): CodeList[] {
  const sorted = [...years].sort((a, b) => fyearStart(a) - fyearStart(b));
  const quarters = sorted.flatMap((fy) =>
    QUARTER_MONTHS.map((months, q) => entry(`${fyearLabel(fy)} Q${q + 1}`, `${fyearLabel(fy)} Q${q + 1} (${months})`, false, fy)));
  const months = sorted.flatMap((fy) =>
    Array.from({ length: 12 }, (_, i) => {
      const monthIndex = (i + 3) % 12; // April first
      const year = fyearStart(fy) + (i >= 9 ? 1 : 0);
      const code = `${year}-${String(monthIndex + 1).padStart(2, '0')}`;
      return entry(code, `${MONTHS[monthIndex] ?? ''} ${year}`, false, `${fyearLabel(fy)} Q${Math.floor(i / 3) + 1}`);
    }));
  return [
    { id: 'fyear', label: 'Financial year', codes: sorted.map((fy) => entry(fy, fyearLabel(fy))) },
    { id: 'fquarter', label: 'Financial quarter', codes: quarters },
    { id: 'month', label: 'Month', codes: months },
  ];
}
