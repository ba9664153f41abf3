// The APC query: expands the strata table `st` into spells (one row per spell, all spell-level
// draws), then into episodes (unnest), then clinical coding. Only projections, unnest and cross
// joins with the one-row `lk`, so DuckDB keeps row order and the Parquet is byte-identical.

import { CATEGORICAL_SLOTS, distIndex } from './categoricals';
import { CAUSE_SLOTS, DIAG_SLOTS, SEC_SLOTS } from './lookup-icd';
import { PROC_SLOTS, SPEC_SLOTS } from './lookup-lists';
import { pickSql } from './slot-list';
import { dateLiteral, personHashSql, residenceSql, rowHash, soloHashSql, trustSql, uniform, type Stream } from './sql-common';
import { LOS_CAP } from './los-model';

/** Tags of the uniforms drawn per spell (sno) or episode (eno). Never reuse a tag. */
const T = {
  death: 1, delivery: 2, age: 3, admit: 4, dob: 5, serial: 6, admimeth: 7, admisorc: 8, admincat: 9, intmanig: 10,
  dismeth: 11, disdest: 12, provLocal: 13, provPick: 14, site: 15, wait: 16,
  same: 20, diag: 21, cause: 22, causePick: 23, nsec: 24, proc: 25, procPick: 26, spec: 27, side: 28, sideWhich: 29, minimal: 30,
  sec: 40, // 40…58 for secondary positions
  cut: 100, // 100 + k for the episode boundaries
} as const;

export interface ApcSqlContext {
  readonly stream: Stream;
  readonly yearStart: string;
  readonly yearEnd: string;
  readonly yearDays: number;
  readonly serialRange: number;
}

/** SELECT producing one row per episode with the helper columns apc-columns.ts reads. */
export function apcEpisodesSql(c: ApcSqlContext): string {
  const us = (tag: number) => uniform(c.stream, 'sno', tag);
  const ue = (tag: number) => uniform(c.stream, 'eno', tag);
  const pick = (list: string, slots: number, key: string, u: string) => pickSql(list, slots, key, u);
  const cat = (name: string, key: string, u: string) => pick(`cat_${name}`, CATEGORICAL_SLOTS, key, u);
  const start = dateLiteral(c.yearStart);
  const end = dateLiteral(c.yearEnd);
  const cutAt = (k: string) => `CAST(floor(los * ((${k}) + 0.8 * (${uniform(c.stream, 'sno', `${T.cut} + ${k}`)} - 0.5)) / neps) AS INTEGER)`;
  const secPositions = Array.from({ length: 19 }, (_, j) =>
    `CASE WHEN nsec >= ${j + 1} THEN ${pick('sec_pick', SEC_SLOTS, 'sec_key', ue(T.sec + j))} END`).join(', ');

  return `
WITH s0 AS (SELECT st.*, unnest(range(st.n)) AS i FROM st),
s1 AS (
  SELECT s0.*, CAST(spell_off + i AS BIGINT) AS sno,
    CASE WHEN ordinary = 1 THEN (((los_a * (los_off + i) + los_b) % los_n) + 0.5) / los_n END AS los_v
  FROM s0),
s2 AS (
  SELECT s1.*,
    CASE WHEN kind = 2 THEN 1
         WHEN ordinary = 1 AND los_v >= los_p0 THEN least(${LOS_CAP}, 1 + CAST(floor(los_alpha * pow((los_v - los_p0) / (1 - los_v), los_ib)) AS INTEGER))
         ELSE 0 END AS los,
    kind = 0 AND ${us(T.death)} < p_death AS died,
    ${us(T.delivery)} < p_delivery AS delivery,
    CASE WHEN band = 20 THEN NULL WHEN band = 0 THEN 0
         WHEN band = 19 THEN 90 + CAST(floor(pow(${us(T.age)}, 2) * 16) AS INTEGER)
         ELSE age_lo + CAST(floor(${us(T.age)} * (age_hi - age_lo + 1)) AS INTEGER) END AS age_years
  FROM s1),
s3 AS (
  SELECT s2.*, CASE WHEN neps = 1 THEN los ELSE ${cutAt('1')} END AS cut1 FROM s2),
s4 AS (
  SELECT s3.*,
    CASE WHEN kind = 3 THEN ${end} - CAST(floor(${us(T.admit)} * 60) AS INTEGER)
         ELSE ${start} + CAST(floor(${us(T.admit)} * (${c.yearDays} - (los - cut1))) AS INTEGER) - cut1 END AS admidate
  FROM s3),
s5 AS (
  SELECT s4.*,
    CASE WHEN age_years IS NULL THEN NULL
         WHEN age_years = 0 THEN admidate - CASE WHEN is_birth = 1 THEN 0
              ELSE CAST(floor(pow(${us(T.dob)}, 2) * greatest(1, 362 - least(los, 300))) AS INTEGER) END
         ELSE admidate - (CAST(floor(age_years * 365.25) AS INTEGER) + 2 + CAST(floor(${us(T.dob)} * greatest(1, 360 - least(los, 300))) AS INTEGER))
    END AS dob
  FROM s4),
s6 AS (
  SELECT s5.*,
    CASE WHEN died OR dob IS NULL THEN ${soloHashSql(c.stream, 'sno')}
         ELSE ${personHashSql(c.stream.seed, 'sex', 'dob', `${rowHash(c.stream, 'sno', T.serial)} % ${c.serialRange}`)} END AS ph
  FROM s5),
s7 AS (
  SELECT s6.*, ${residenceSql('ph')} AS res,
    ${cat('admimeth', 'CASE WHEN delivery THEN am_dist_del ELSE am_dist END', us(T.admimeth))} AS admimeth
  FROM s6, lk),
s8 AS (
  SELECT s7.*,
    CASE WHEN admimeth IN ('2B', '81') THEN ${cat('admisorc', String(distIndex('admisorc', 'transfer')), us(T.admisorc))}
         ELSE ${cat('admisorc', 'src_dist', us(T.admisorc))} END AS admisorc,
    ${cat('admincat', '0', us(T.admincat))} AS admincat,
    ${cat('intmanig', 'im_dist', us(T.intmanig))} AS intmanig,
    CASE WHEN died THEN '4' ELSE ${cat('dismeth', 'dm_dist', us(T.dismeth))} END AS dismeth_last,
    CASE WHEN died THEN '79' ELSE ${cat('disdest', 'dest_dist', us(T.disdest))} END AS disdest_last,
    ${trustSql('res', us(T.provLocal), us(T.provPick))} AS trust,
    ${us(T.site)} AS u_site,
    CASE WHEN elective = 1 THEN 1 + least(730, CAST(floor(-wait_mean * ln(1 - ${us(T.wait)})) AS INTEGER)) END AS wait_days
  FROM s7, lk),
e0 AS (SELECT s8.*, unnest(range(1, neps + 1)) AS k FROM s8),
e1 AS (
  SELECT e0.*, CAST(sno * 100 + k AS BIGINT) AS eno, k = neps AS is_last,
    CASE WHEN k = 1 THEN 0 ELSE ${cutAt('k - 1')} END AS cut_a,
    CASE WHEN k = neps THEN los ELSE ${cutAt('k')} END AS cut_b
  FROM e0),
e2 AS (
  SELECT e1.*,
    ${pick('diag_pick', DIAG_SLOTS, 'CASE WHEN delivery AND k = 1 THEN diag_key_del ELSE diag_key END',
      `CASE WHEN k = 1 OR ${ue(T.same)} < 0.7 THEN ${us(T.diag)} ELSE ${ue(T.diag)} END`)} AS d1,
    CASE WHEN kind <> 3 AND ${ue(T.cause)} < p_cause THEN ${pick('cause_pick', CAUSE_SLOTS, '0', ue(T.causePick))} END AS dcause,
    CASE WHEN kind = 3 THEN 0 ELSE least(19, CAST(floor(-nsec_mean * ln(1 - ${ue(T.nsec)})) AS INTEGER)) END AS nsec,
    CASE WHEN kind <> 3 AND ((delivery AND k = 1) OR ${ue(T.proc)} < CASE WHEN k = 1 THEN p_proc ELSE p_proc * 0.5 END)
         THEN ${pick('proc_pick', PROC_SLOTS, 'CASE WHEN delivery AND k = 1 THEN proc_key_del ELSE proc_key END', ue(T.procPick))} END AS p1,
    ${pick('spec_pick', SPEC_SLOTS, 'CASE WHEN k = 1 THEN spec_key1 ELSE spec_key2 END', ue(T.spec))} AS spec
  FROM e1, lk),
e3 AS (
  SELECT e2.*,
    CASE WHEN kind = 3 THEN []::INTEGER[]
         ELSE list_filter(list_value(d1, dcause, ${secPositions}), lambda x: x IS NOT NULL) END AS ids0,
    CASE WHEN p1 IS NULL THEN []::INTEGER[]
         ELSE list_filter(list_value(p1,
           CASE WHEN lk.opcs_side[p1] = 1 AND ${ue(T.side)} < 0.9
                THEN lk.opcs_extra[CASE WHEN ${ue(T.sideWhich)} < 0.1 THEN 1 WHEN ${ue(T.sideWhich)} < 0.55 THEN 2 ELSE 3 END] END,
           CASE WHEN lk.opcs_min[p1] = 1 AND ${ue(T.minimal)} < 0.6 THEN lk.opcs_extra[4] END), lambda x: x IS NOT NULL) END AS pids
  FROM e2, lk),
e4 AS (
  SELECT e3.*, list_filter(ids0, lambda x, j: list_position(ids0, x) = j)[1:20] AS dids FROM e3),
e5 AS (
  SELECT e4.*,
    list_transform(dids, lambda x: lk.icd4[x]) AS dl,
    list_transform(pids, lambda x: lk.opcs4[x]) AS pl,
    ${start} AS year_start, ${end} AS year_end
  FROM e4, lk)
SELECT * FROM e5`;
}
