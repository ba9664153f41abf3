// The A&E query: one row per attendance from the strata of ae-plan.ts. Times are minutes from
// arrival in the order arrival ≤ initial assessment ≤ treatment ≤ conclusion ≤ departure
// (hes-data.md §6.3); HH:MM clock times wrap past midnight. Order-preserving operators only.

import { AE_COLUMNS } from '../parquet-columns';
import { CATEGORICAL_SLOTS, distIndex } from './categoricals';
import { contractSelect } from './contract-select';
import { AGE_SLOTS } from './lookup-lists';
import { pickSql } from './slot-list';
import {
  ageCalcSql, ageCodeSql, clockSql, dateLiteral, periodColumns, personColumns, personHashSql, personIdSql, providerColumns,
  residenceSql, rowHash, soloHashSql, trustSql, uniform, type Stream,
} from './sql-common';

const T = {
  date: 1, hour: 2, minute: 3, dep: 4, init: 5, tret: 6, concl: 7, dec: 8, sex: 9, age: 10, dob: 11, serial: 12, mode: 13,
  cat: 14, ref: 15, refAmb: 16, patgroup: 17, incloc: 18, acuity: 19, provLocal: 20, provPick: 21, site: 22,
} as const;

/** Scale (minutes) of waits beyond 4 hours: long waits grow over the years (chosen). */
const OVER_4H_SCALE: ReadonlyMap<string, number> = new Map([
  ['1314', 50], ['1415', 60], ['1516', 70], ['1617', 85], ['1718', 100], ['1819', 110], ['1920', 130],
  ['2021', 140], ['2122', 190], ['2223', 230], ['2324', 220],
]);

export interface AeSqlContext {
  readonly stream: Stream;
  readonly fyear: string;
  readonly label: string;
  readonly yearStart: string;
  readonly yearDays: number;
  readonly serialRange: number;
  readonly ecds: boolean;
}

export function aeSql(c: AeSqlContext): string {
  const u = (tag: number) => uniform(c.stream, 'ano', tag);
  const cat = (name: string, key: string, uu: string) => pickSql(`cat_${name}`, CATEGORICAL_SLOTS, key, uu);
  const over = OVER_4H_SCALE.get(c.fyear) ?? 150;
  const age = ageCodeSql('dob', 'arrivaldate');
  const base = 'coalesce(tretdur, initdur)';
  const exprs = new Map<string, string>([
    ['aekey', `'AE${c.fyear}' || lpad(CAST(ano AS VARCHAR), 10, '0')`],
    ['person_id', personIdSql('ph')],
    ['fyear', `'${c.fyear}'`],
    ...Object.entries(periodColumns('arrivaldate', c.label)),
    ['sex', 'sex'],
    ...Object.entries(personColumns('ph', 'res')),
    ...Object.entries(providerColumns('trust', u(T.site))),
    ['arrivaldate', 'arrivaldate'], ['arrivaltime', clockSql('arrmin')],
    ['inittime', clockSql('arrmin + initdur')],
    ['trettime', `CASE WHEN tretdur IS NOT NULL THEN ${clockSql('arrmin + tretdur')} END`],
    ['concltime', clockSql('arrmin + concldur')],
    ['deptime', clockSql('arrmin + depdur')],
    ['dectime', `CASE WHEN decdur IS NOT NULL THEN ${clockSql('arrmin + decdur')} END`],
    ['initdur', 'initdur'], ['tretdur', 'tretdur'], ['concldur', 'concldur'], ['depdur', 'depdur'], ['decdur', 'decdur'],
    ['arrivalage', age], ['arrivalage_calc', ageCalcSql(age)],
    ['aearrivalmode', `CASE WHEN ${u(T.mode)} < 0.005 THEN '9' WHEN ${u(T.mode)} < p_amb THEN '1' ELSE '2' END`],
    ['aeattendcat', cat('aeAttendcat', 'cat_dist', u(T.cat))],
    ['aeattenddisp', 'disp'],
    ['aedepttype', 'dept'],
    ['aepatgroup', c.ecds ? `'99'` : cat('aePatgroup', '0', u(T.patgroup))],
    ['aerefsource', `CASE WHEN ${u(T.mode)} < p_amb AND ${u(T.refAmb)} < 0.9 THEN '03' ELSE ${cat('aeRefsource', '0', u(T.ref))} END`],
    ['aeincloctype', c.ecds ? `'99'` : cat('aeInclocType', '0', u(T.incloc))],
    ['acuity', c.ecds ? cat('aeAcuity', `CASE WHEN disp = '01' THEN ${distIndex('aeAcuity', 'admitted')} ELSE ${distIndex('aeAcuity', 'other')} END`, u(T.acuity)) : 'NULL'],
    ['datasource', c.ecds ? `'ECDS'` : `'HESAE'`],
  ]);

  return `
WITH r0 AS (SELECT st.*, unnest(range(st.n)) AS i FROM st),
r1 AS (
  SELECT r0.*, CAST(off + i AS BIGINT) AS ano,
    ${dateLiteral(c.yearStart)} + CAST(floor(${u(T.date)} * ${c.yearDays}) AS INTEGER) AS arrivaldate,
    CASE WHEN within = 1 THEN 1 + CAST(floor(239 * pow(${u(T.dep)}, dep_shape)) AS INTEGER)
         ELSE least(2880, 241 + CAST(floor(${over} * pow(${u(T.dep)} / (1 - ${u(T.dep)}), 0.75)) AS INTEGER)) END AS depdur,
    CASE WHEN ${u(T.sex)} < 0.51 THEN '2' WHEN ${u(T.sex)} < 0.995 THEN '1' WHEN ${u(T.sex)} < 0.999 THEN '0' ELSE '9' END AS sex
  FROM r0),
r2 AS (
  SELECT r1.*, ${pickSql('ae_hour_pick', AGE_SLOTS, '0', u(T.hour))} * 60 + CAST(floor(${u(T.minute)} * 60) AS INTEGER) AS arrmin,
    ${pickSql('ae_age_pick', AGE_SLOTS, '0', u(T.age))} AS age_years,
    least(depdur, CAST(floor(-12 * ln(1 - ${u(T.init)})) AS INTEGER)) AS initdur
  FROM r1, lk),
r3 AS (
  SELECT r2.*,
    CASE WHEN disp = '12' THEN NULL ELSE initdur + CAST(floor((depdur - initdur) * (0.1 + 0.5 * ${u(T.tret)})) AS INTEGER) END AS tretdur,
    CASE WHEN age_years = 0 THEN arrivaldate - CAST(floor(${u(T.dob)} * 364) AS INTEGER)
         ELSE arrivaldate - (CAST(floor(age_years * 365.25) AS INTEGER) + 2 + CAST(floor(${u(T.dob)} * 360) AS INTEGER)) END AS dob
  FROM r2),
r4 AS (
  SELECT r3.*,
    ${base} + CAST(floor((depdur - ${base}) * (0.6 + 0.4 * ${u(T.concl)})) AS INTEGER) AS concldur,
    CASE WHEN disp = '10' THEN ${soloHashSql(c.stream, 'ano')}
         ELSE ${personHashSql(c.stream.seed, 'sex', 'dob', `${rowHash(c.stream, 'ano', T.serial)} % ${c.serialRange}`)} END AS ph
  FROM r3),
r5 AS (
  SELECT r4.*,
    ${c.ecds ? `CASE WHEN disp = '01' THEN ${base} + CAST(floor((concldur - ${base}) * ${u(T.dec)}) AS INTEGER) END` : 'NULL'} AS decdur,
    ${residenceSql('ph')} AS res
  FROM r4, lk),
r6 AS (
  SELECT r5.*, CASE WHEN ed = 1 THEN ${trustSql('res', u(T.provLocal), u(T.provPick), 'ed_pick')}
                    ELSE ${trustSql('res', u(T.provLocal), u(T.provPick))} END AS trust
  FROM r5, lk)
SELECT ${contractSelect(AE_COLUMNS, exprs)} FROM r6, lk`;
}
