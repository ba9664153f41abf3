// Disclosure policies are data: a stricter threshold is one more entry, not a branch.
// Rules from hes-data.md §5.1 and §5.3 (policy hes-2018).

export interface DisclosurePolicy {
  readonly id: string;
  readonly label: string;
  /** Counts (and record counts behind sums and statistics) in [suppressMin, suppressMax] → '*'. */
  readonly suppressMin: number;
  readonly suppressMax: number;
  /** Other counts and sums are rounded to the nearest multiple of this. */
  readonly roundingBase: number;
  /** One sentence per rule, shown in the grid footer and export notes. */
  readonly rules: readonly string[];
}

export const HES_2018: DisclosurePolicy = {
  id: 'hes-2018',
  label: 'HES disclosure control (2018)',
  suppressMin: 1,
  suppressMax: 7,
  roundingBase: 5,
  rules: [
    'Counts of 1 to 7 are suppressed (*); zero is shown as 0.',
    'All other counts, including totals, are rounded to the nearest 5; totals are computed from unrounded data, so cells need not add up to them.',
    'Sums (bed days) are suppressed when 1 to 7 records contribute, otherwise rounded to the nearest 5.',
    'Means and medians are suppressed when 1 to 7 records contribute.',
    'Percentages and ratios are calculated from the rounded figures and suppressed when either part is suppressed.',
  ],
};

const POLICIES = new Map<string, DisclosurePolicy>([[HES_2018.id, HES_2018]]);

export function findPolicy(id: string): DisclosurePolicy | undefined {
  return POLICIES.get(id);
}
