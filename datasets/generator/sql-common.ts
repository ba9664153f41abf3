// SQL fragments shared by the three datasets: hash-based uniforms, the person key and the
// attributes derived from it (so a person's sex, birth date, ethnicity and residence never
// change), provider choice, HES age coding, financial periods and HH:MM times.

import { pickSql } from './slot-list';
import { CATEGORICAL_SLOTS, distIndex } from './categoricals';
import { DISTRICT_SLOTS, NATIONAL_KEY, RES_SLOTS, TRUST_SLOTS } from './lookup-lists';

export const U64 = '18446744073709551616.0';

/**
 * A stream of uniforms for one dataset-year. DuckDB's multi-argument hash combines the argument
 * hashes by multiply-and-XOR, so hash(…, tag1) and hash(…, tag2) differ by a fixed XOR and are
 * strongly dependent; hashing the result again (a full 64-bit mix) makes the draws independent.
 */
export interface Stream { readonly seed: number; readonly stream: number }

export const streamFor = (seed: number, dataset: 'apc' | 'op' | 'ae', fyear: string): Stream =>
  ({ seed, stream: (dataset === 'apc' ? 1 : dataset === 'op' ? 2 : 3) * 10_000 + Number(fyear) });

export function uniform(s: Stream, idExpr: string, tag: number | string): string {
  return `(hash(hash(${s.seed}, ${s.stream}, ${idExpr}, ${tag})) / ${U64})`;
}

/** An independent 64-bit hash per (row, tag), for draws such as serial numbers. */
export function rowHash(s: Stream, idExpr: string, tag: number | string): string {
  return `hash(hash(${s.seed}, ${s.stream}, ${idExpr}, ${tag}))`;
}

/**
 * How many people share one (sex, date of birth): about 770 at national scale (England's
 * population over sexes and birth dates), fewer at smaller scales, so repeat patients appear.
 */
export function serialRange(scale: number): number {
  return Math.max(1, Math.round(770 * scale));
}

/** Person hash: the same (sex, dob, serial) is the same person in every dataset and year. */
export function personHashSql(seed: number, sex: string, dob: string, serial: string): string {
  return `hash(${seed}, 'person', ${sex}, ${dob}, CAST(${serial} AS BIGINT))`;
}

/** A person used by one record only (deaths, unknown ages): never reused anywhere. */
export function soloHashSql(s: Stream, idExpr: string): string {
  return `hash(${s.seed}, 'solo', ${s.stream}, ${idExpr})`;
}

export const personIdSql = (ph: string) => `printf('%016x', ${ph})`;

const attr = (ph: string, k: number) => `(hash(hash(${ph}, ${k})) / ${U64})`;

/** Residence index into lk.res_* lists, from the person hash. */
export const residenceSql = (ph: string) => `lk.res_pick[CAST(floor(${attr(ph, 1)} * ${RES_SLOTS}) AS INTEGER) + 1]`;

/** Person-derived columns given the person hash `ph` and residence index `res` columns. */
export function personColumns(ph: string, res: string): Record<string, string> {
  const english = `lk.res_region[${res}] >= 0`;
  return {
    ethnos: pickSql('cat_ethnos', CATEGORICAL_SLOTS, '0', attr(ph, 5)),
    resgor_ons: `lk.res_code[${res}]`,
    resladst_ons: `CASE WHEN ${english} THEN lk.district_code[${pickSql('district_pick', DISTRICT_SLOTS, `lk.res_region[${res}]`, attr(ph, 2))}] ELSE lk.res_code[${res}] END`,
    imd04_decile: `CASE WHEN ${english} THEN ${pickSql('cat_imd', CATEGORICAL_SLOTS, '0', attr(ph, 3))} END`,
    rururb_ind: `CASE WHEN ${english} THEN ${pickSql('cat_rururb', CATEGORICAL_SLOTS, `CASE WHEN lk.res_london[${res}] = 1 THEN ${distIndex('rururb', 'london')} ELSE ${distIndex('rururb', 'other')} END`, attr(ph, 4))} ELSE '9' END`,
  };
}

/** Trust index (1-based): mostly in the patient's NHS region, sometimes anywhere. */
export function trustSql(res: string, uLocal: string, uPick: string, list: 'trust_pick' | 'ed_pick' = 'trust_pick'): string {
  return pickSql(list, TRUST_SLOTS, `CASE WHEN ${uLocal} < 0.92 THEN lk.res_nhs[${res}] ELSE ${NATIONAL_KEY} END`, uPick);
}

export function providerColumns(trust: string, uSite: string): Record<string, string> {
  return {
    procode: `lk.trust_code[${trust}]`,
    procode3: `lk.trust_code[${trust}]`,
    sitetret: `lk.site_code[lk.trust_site_off[${trust}] + CAST(floor(${uSite} * lk.trust_nsites[${trust}]) AS INTEGER) + 1]`,
    provider_icb: `lk.trust_icb[${trust}]`,
    provider_region: `lk.trust_region[${trust}]`,
  };
}

/** HES age coding (hes-data.md §2.2): whole years 1–120, infant codes 7001–7007 under one. */
export function ageCodeSql(dob: string, at: string): string {
  const years = `datesub('year', ${dob}, ${at})`;
  const days = `(${at} - ${dob})`;
  return `CASE WHEN ${dob} IS NULL OR ${at} IS NULL THEN NULL WHEN ${years} >= 1 THEN least(120, ${years}) `
    + `WHEN ${days} < 1 THEN 7001 WHEN ${days} <= 6 THEN 7002 WHEN ${days} <= 28 THEN 7003 WHEN ${days} <= 90 THEN 7004 `
    + `WHEN ${days} <= 181 THEN 7005 WHEN ${days} <= 272 THEN 7006 ELSE 7007 END`;
}

/** startage_calc: infant codes as fractions of a year, otherwise the age itself. */
export function ageCalcSql(code: string): string {
  return `CAST(CASE ${code} WHEN 7001 THEN 0.002 WHEN 7002 THEN 0.010 WHEN 7003 THEN 0.048 WHEN 7004 THEN 0.167 `
    + `WHEN 7005 THEN 0.375 WHEN 7006 THEN 0.625 WHEN 7007 THEN 0.875 ELSE ${code} END AS DOUBLE)`;
}

/** fquarter ('2023-24 Q1') and month ('2023-04') of a date inside financial year `label`. */
export function periodColumns(date: string, label: string): Record<string, string> {
  return {
    fquarter: `'${label} Q' || CAST((month(${date}) + 8) % 12 // 3 + 1 AS VARCHAR)`,
    month: `strftime(${date}, '%Y-%m')`,
  };
}

/** 'HH:MM' of a minute of the day (wraps past midnight). */
export const clockSql = (minutes: string) => `printf('%02d:%02d', ((${minutes}) % 1440) // 60, (${minutes}) % 60)`;

export const dateLiteral = (iso: string) => `DATE '${iso}'`;
