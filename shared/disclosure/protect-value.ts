// The per-cell rules of a disclosure policy, one function per measure kind.
import type { DisclosurePolicy } from './policy';

export interface ProtectedValue {
  readonly value: number | null;
  readonly suppressed: boolean;
}

const SUPPRESSED: ProtectedValue = Object.freeze({ value: null, suppressed: true });
const isSmall = (policy: DisclosurePolicy, n: number) => n >= policy.suppressMin && n <= policy.suppressMax;

/** Nearest multiple of `base`; integers have no ties at base 5 (remainder 1–2 down, 3–4 up). */
export function roundToBase(n: number, base: number): number {
  return base * Math.round(n / base);
}

/** 0 → 0; 1–7 → *; else nearest 5. */
export function protectCount(policy: DisclosurePolicy, count: number): ProtectedValue {
  if (count === 0) return { value: 0, suppressed: false };
  if (isSmall(policy, count)) return SUPPRESSED;
  return { value: roundToBase(count, policy.roundingBase), suppressed: false };
}

/** Sums: * when 1–7 records contribute, else the sum rounded to the nearest 5. */
export function protectSum(policy: DisclosurePolicy, sum: number | null, records: number): ProtectedValue {
  if (records === 0) return { value: 0, suppressed: false };
  if (isSmall(policy, records)) return SUPPRESSED;
  return { value: roundToBase(sum ?? 0, policy.roundingBase), suppressed: false };
}

/** Means, medians: * when 1–7 records contribute, empty when none. */
export function protectStatistic(policy: DisclosurePolicy, value: number | null, records: number): ProtectedValue {
  if (records === 0 || value === null) return { value: null, suppressed: false };
  if (isSmall(policy, records)) return SUPPRESSED;
  return { value: Math.round(value * 1e6) / 1e6, suppressed: false };
}

/** Ratios from protected parts: * if either part is *, empty if the denominator is 0. */
export function protectRatio(numerator: ProtectedValue, denominator: ProtectedValue, multiplier: number): ProtectedValue {
  if (numerator.suppressed || denominator.suppressed) return SUPPRESSED;
  if (denominator.value === null || denominator.value === 0 || numerator.value === null) return { value: null, suppressed: false };
  return { value: Math.round((numerator.value / denominator.value) * multiplier * 1e6) / 1e6, suppressed: false };
}
