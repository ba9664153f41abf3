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

/** What a statistic is, for its precision: the aggregate and the most decimals it shows. */
export interface StatisticSpec {
  readonly aggregate: 'mean' | 'median';
  readonly decimals: number;
}

/**
 * Decimal places a mean of `records` values may show without telling the count. A mean shown
 * to a step of 10^-d leaves its sum uncertain by a range of width n·10^-d; when that is at least
 * 1, every count the rounded count allows has a whole-number sum matching the mean, so the mean
 * cannot be inverted into the exact count (the audit found 6 decimals gave it away for 1,333 of
 * 1,770 means). The width is judged from the smallest count the *published* (rounded) count
 * allows, so the precision itself tells nothing beyond a rounded count.
 */
export function meanDecimals(policy: DisclosurePolicy, records: number, maxDecimals: number): number {
  const rounded = roundToBase(records, policy.roundingBase);
  const fewest = Math.max(rounded - Math.floor(policy.roundingBase / 2), policy.suppressMax + 1);
  return Math.max(0, Math.min(maxDecimals, Math.floor(Math.log10(fewest))));
}

/** Means, medians: * when 1–7 records contribute, empty when none; shown at a precision that
 *  cannot be inverted into the count ({@link meanDecimals}); medians at the catalogue's decimals
 *  (whole numbers for whole-number data, so a ".5" cannot tell an even count). */
export function protectStatistic(policy: DisclosurePolicy, value: number | null, records: number, spec: StatisticSpec): ProtectedValue {
  if (records === 0 || value === null) return { value: null, suppressed: false };
  if (isSmall(policy, records)) return SUPPRESSED;
  const decimals = spec.aggregate === 'mean' ? meanDecimals(policy, records, spec.decimals) : spec.decimals;
  return { value: roundToDecimals(value, decimals), suppressed: false };
}

/** Half away from zero at `decimals` places, on the decimal text so 2.675 → 2.68 as written. */
export function roundToDecimals(value: number, decimals: number): number {
  const scaled = Number(`${Math.abs(value).toFixed(12)}e${decimals}`);
  return Math.sign(value) * Number(`${Math.round(scaled)}e-${decimals}`);
}

/** Ratios from protected parts: * if either part is *, empty if the denominator is 0. */
export function protectRatio(numerator: ProtectedValue, denominator: ProtectedValue, multiplier: number): ProtectedValue {
  if (numerator.suppressed || denominator.suppressed) return SUPPRESSED;
  if (denominator.value === null || denominator.value === 0 || numerator.value === null) return { value: null, suppressed: false };
  return { value: Math.round((numerator.value / denominator.value) * multiplier * 1e6) / 1e6, suppressed: false };
}
