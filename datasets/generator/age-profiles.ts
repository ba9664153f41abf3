// Age distributions (whole years) for OP courses and A&E attendances, and the A&E arrival-hour
// profile. Only plausible shapes: no published target depends on them.

const ages = (weight: (age: number) => number) => Array.from({ length: 101 }, (_, a) => [a, weight(a)] as [number, number]);

export const OP_AGE_WEIGHTS = ages((a) =>
  a < 1 ? 0.6 : a < 16 ? 0.8 : a < 40 ? 0.9 : a < 65 ? 1.35 : a < 85 ? 1.9 : 1.9 * Math.exp(-(a - 85) / 5));

export const AE_AGE_WEIGHTS = ages((a) =>
  a < 1 ? 2.2 : a < 5 ? 2.0 : a < 16 ? 1.2 : a < 31 ? 1.6 : a < 65 ? 1.1 : a < 85 ? 1.3 : 2.2 * Math.exp(-(a - 85) / 4));

/** Relative arrivals by hour of day: quiet overnight, busy late morning to evening. */
export const AE_HOUR_WEIGHTS: readonly [number, number][] = [
  2.2, 1.8, 1.5, 1.2, 1.0, 1.0, 1.5, 2.5, 4.5, 6.0, 6.5, 6.5, 6.2, 6.0, 5.8, 5.7, 5.8, 6.0, 6.0, 5.6, 5.0, 4.3, 3.5, 2.8,
].map((w, h) => [h, w] as [number, number]);
