// Disclosure policies are data: a stricter threshold is one more entry, not a branch.
// Rules from hes-data.md §5.1–§5.5; why each setting is what it is: docs/disclosure.md.

export interface DisclosurePolicy {
  readonly id: string;
  readonly label: string;
  /** Counts (and record counts behind sums and statistics) in [suppressMin, suppressMax] → '*'. */
  readonly suppressMin: number;
  readonly suppressMax: number;
  /** Other counts and sums are rounded to the nearest multiple of this. */
  readonly roundingBase: number;
  /** How the same population gets the same published value however and whenever it is asked.
   *  Only deterministic rounding is offered: its output is a function of the cell's true count,
   *  so repeats and re-phrasings cannot be averaged (docs/disclosure.md says why not cell-key
   *  perturbation). */
  readonly consistency: 'deterministic-rounding';
  /** Secondary suppression: every primary-suppressed count must keep a feasible interval at
   *  least this wide (max − min, in records) given everything the table and the tables it
   *  implies publish (margins, hierarchy parents, a top-N table's hidden rows). */
  readonly protectionWidth: number;
  /** Overlap control across one analyst's recent queries on a dataset. */
  readonly overlap: OverlapSettings;
  /** Cells of tables crossing fine clinical codes with providers or sites need at least this
   *  many records (hes-data.md §5.4 "minimum aggregation"); smaller ones are masked. */
  readonly fineCodeByProviderMinimum: number;
  /** One sentence per rule, shown in the grid footer and export notes. */
  readonly rules: readonly string[];
}

export interface OverlapSettings {
  /** How many of an analyst's most recent answered tables are remembered per dataset. */
  readonly recentQueries: number;
  /** …and for how long. */
  readonly windowMs: number;
  /** At most this many published cells are remembered per analyst (oldest tables dropped). */
  readonly maxCells: number;
  /** Different bounds of one number field's range filters an analyst may use in the window: a
   *  tracker needs many paddings (hes-data.md §5.4: caps on filter terms); analysts rarely need
   *  more than a handful of age cut-offs a day. */
  readonly rangeBounds: number;
}

const COMMON_RULES = [
  'Totals are computed from unrounded data, so cells need not add up to them.',
  'Sums (bed days) are suppressed when few records contribute, otherwise rounded like counts.',
  'Means and medians are suppressed when few records contribute; means show one decimal place only from 15 records, medians are whole numbers.',
  'Percentages and ratios are calculated from the rounded figures and suppressed when either part is suppressed.',
  'Further cells are suppressed where a hidden count could otherwise be worked out from this table, its totals, its parent rows or its "Other" row (secondary suppression).',
  'Cells are suppressed where they differ from a table you asked for recently by only a few records (overlap control), and at most 12 different bounds of one range filter are answered a day.',
];

const OVERLAP: OverlapSettings = { recentQueries: 500, windowMs: 24 * 60 * 60 * 1000, maxCells: 400_000, rangeBounds: 12 };

export const HES_2018: DisclosurePolicy = {
  id: 'hes-2018',
  label: 'HES disclosure control (2018)',
  suppressMin: 1,
  suppressMax: 7,
  roundingBase: 5,
  consistency: 'deterministic-rounding',
  protectionWidth: 4,
  overlap: OVERLAP,
  fineCodeByProviderMinimum: 10,
  rules: [
    'Counts of 1 to 7 are suppressed (*); zero is shown as 0.',
    'All other counts, including totals, are rounded to the nearest 5.',
    ...COMMON_RULES,
    'Cells of tables crossing 3- or 4-character diagnosis or procedure codes with providers or sites are suppressed below 10 records.',
  ],
};

export const STRICT_10: DisclosurePolicy = {
  id: 'strict-10',
  label: 'Strict disclosure control (1 to 10 suppressed)',
  suppressMin: 1,
  suppressMax: 10,
  roundingBase: 5,
  consistency: 'deterministic-rounding',
  protectionWidth: 6,
  overlap: OVERLAP,
  fineCodeByProviderMinimum: 20,
  rules: [
    'Counts of 1 to 10 are suppressed (*); zero is shown as 0.',
    'All other counts, including totals, are rounded to the nearest 5.',
    ...COMMON_RULES,
    'Cells of tables crossing 3- or 4-character diagnosis or procedure codes with providers or sites are suppressed below 20 records.',
  ],
};

const POLICIES = new Map<string, DisclosurePolicy>([[HES_2018.id, HES_2018], [STRICT_10.id, STRICT_10]]);

export const POLICY_IDS = [...POLICIES.keys()];

export function findPolicy(id: string): DisclosurePolicy | undefined {
  return POLICIES.get(id);
}
