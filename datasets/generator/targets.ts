// Published figures the generator is calibrated to (hes-data.md §6.1), plus the generator's own
// choices for years and measures without a published value (marked "chosen"). Data, not logic.

/** FAEs (admissions) per financial year, published HES. Sets APC volume per year. */
export const FAE_SERIES: ReadonlyMap<string, number> = new Map([
  ['1314', 15_462_057], ['1415', 15_892_457], ['1516', 16_251_841], ['1617', 16_546_667],
  ['1718', 16_622_939], ['1819', 17_127_498], ['1920', 17_202_558], ['2021', 12_813_120],
  ['2122', 15_979_490], ['2223', 16_399_596], ['2324', 17_560_128],
]);

/** APC 2023-24 headline figures; their structure is reused for every year. */
export const APC_2324 = {
  fces: 21_450_875,
  faes: 17_560_128,
  bedDays: 48_324_062,
  /** Day-case FCEs as a share of FCEs. */
  dayCaseShare: 0.371,
  /** FCE shares by sex code; unknown 0.7% split between '0' (not known) and '9' (chosen split). */
  sex: [['1', 0.448], ['2', 0.545], ['0', 0.005], ['9', 0.002]] as const,
  /** FAE shares by admimeth_pub. */
  admissionGroups: { emergency: 0.372, waitingList: 0.381, planned: 0.141, other: 0.106 },
} as const;

/** Age bands of startage as published (FCE %), plus the 1.3% left over assigned to unknown. */
export const AGE_BANDS: readonly { label: string; lo: number; hi: number; pct: number }[] = [
  { label: '<1', lo: 0, hi: 0, pct: 4.2 }, { label: '1-4', lo: 1, hi: 4, pct: 1.8 },
  { label: '5-9', lo: 5, hi: 9, pct: 1.5 }, { label: '10-14', lo: 10, hi: 14, pct: 1.4 },
  { label: '15-19', lo: 15, hi: 19, pct: 1.9 }, { label: '20-24', lo: 20, hi: 24, pct: 2.9 },
  { label: '25-29', lo: 25, hi: 29, pct: 4.2 }, { label: '30-34', lo: 30, hi: 34, pct: 5.2 },
  { label: '35-39', lo: 35, hi: 39, pct: 4.6 }, { label: '40-44', lo: 40, hi: 44, pct: 4.0 },
  { label: '45-49', lo: 45, hi: 49, pct: 3.9 }, { label: '50-54', lo: 50, hi: 54, pct: 5.3 },
  { label: '55-59', lo: 55, hi: 59, pct: 6.5 }, { label: '60-64', lo: 60, hi: 64, pct: 7.3 },
  { label: '65-69', lo: 65, hi: 69, pct: 7.7 }, { label: '70-74', lo: 70, hi: 74, pct: 8.6 },
  { label: '75-79', lo: 75, hi: 79, pct: 10.2 }, { label: '80-84', lo: 80, hi: 84, pct: 7.9 },
  { label: '85-89', lo: 85, hi: 89, pct: 5.9 }, { label: '90+', lo: 90, hi: 105, pct: 3.7 },
  { label: 'Unknown', lo: -1, hi: -1, pct: 1.3 },
];
export const UNKNOWN_AGE_BAND = AGE_BANDS.length - 1;

/** ICD-10 chapter of the primary diagnosis: % of FCEs and emergency % of FAEs (2023-24). */
export const CHAPTERS: readonly { chapter: string; fcePct: number; emergencyPct: number }[] = [
  { chapter: 'I', fcePct: 3.0, emergencyPct: 87 }, { chapter: 'II', fcePct: 11.9, emergencyPct: 6 },
  { chapter: 'III', fcePct: 2.3, emergencyPct: 23 }, { chapter: 'IV', fcePct: 2.4, emergencyPct: 46 },
  { chapter: 'V', fcePct: 1.2, emergencyPct: 86 }, { chapter: 'VI', fcePct: 2.3, emergencyPct: 35 },
  { chapter: 'VII', fcePct: 4.9, emergencyPct: 3 }, { chapter: 'VIII', fcePct: 0.4, emergencyPct: 49 },
  { chapter: 'IX', fcePct: 7.6, emergencyPct: 64 }, { chapter: 'X', fcePct: 8.1, emergencyPct: 82 },
  { chapter: 'XI', fcePct: 12.8, emergencyPct: 26 }, { chapter: 'XII', fcePct: 2.3, emergencyPct: 52 },
  { chapter: 'XIII', fcePct: 6.1, emergencyPct: 26 }, { chapter: 'XIV', fcePct: 5.4, emergencyPct: 46 },
  { chapter: 'XV', fcePct: 6.1, emergencyPct: 12 }, { chapter: 'XVI', fcePct: 1.3, emergencyPct: 22 },
  { chapter: 'XVII', fcePct: 0.5, emergencyPct: 11 }, { chapter: 'XVIII', fcePct: 10.8, emergencyPct: 69 },
  { chapter: 'XIX', fcePct: 6.0, emergencyPct: 76 }, { chapter: 'XXI', fcePct: 4.3, emergencyPct: 6 },
  { chapter: 'XXII', fcePct: 0.5, emergencyPct: 93 },
];

/** OP appointments per year: 1920 and 2223 published; the rest chosen (trend, 2020-21 dip). */
export const OP_APPOINTMENTS: ReadonlyMap<string, number> = new Map([
  ['1314', 110_200_000], ['1415', 113_300_000], ['1516', 116_400_000], ['1617', 119_100_000],
  ['1718', 121_300_000], ['1819', 123_400_000], ['1920', 124_900_000], ['2021', 101_600_000],
  ['2122', 119_800_000], ['2223', 124_200_000], ['2324', 127_600_000],
]);

/** OP appointment outcome shares (2019-20, used for every year); codes per hes-data §2.3. */
export const OP_ATTENDED = {
  attended: 0.772, dna: 0.062, cancelled: 0.162, notKnown: 0.004,
  /** Chosen splits inside the published groups. */
  lateSeenShare: 0.03, lateNotSeenShare: 0.05, patientCancelShare: 0.47,
} as const;

/** A&E attendances per year (about 25 million; chosen, 2020-21 dip kept inside ±10%). */
export const AE_ATTENDANCES: ReadonlyMap<string, number> = new Map([
  ['1314', 23_900_000], ['1415', 24_100_000], ['1516', 24_400_000], ['1617', 24_700_000],
  ['1718', 24_900_000], ['1819', 25_300_000], ['1920', 25_700_000], ['2021', 23_000_000],
  ['2122', 25_600_000], ['2223', 25_900_000], ['2324', 26_300_000],
]);

/** A&E share within 4 hours: 2020-21 on published; earlier years chosen (declining trend). */
export const AE_WITHIN_4H: ReadonlyMap<string, number> = new Map([
  ['1314', 0.957], ['1415', 0.936], ['1516', 0.919], ['1617', 0.897], ['1718', 0.884],
  ['1819', 0.876], ['1920', 0.844], ['2021', 0.87], ['2122', 0.77], ['2223', 0.708], ['2324', 0.721],
]);
