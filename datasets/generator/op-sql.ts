// The OP query: strata of courses → one row per course (person, specialty, referral, dates)
// → one row per appointment (unnest) with outcome from the exact follow-up quotas of op-plan.ts.
// Order-preserving operators only (see apc-sql.ts).

import { OP_COLUMNS } from '../parquet-columns';
import { CATEGORICAL_SLOTS } from './categoricals';
import { contractSelect, positionalColumns } from './contract-select';
import { OP_DIAG_SLOTS } from './lookup-icd';
import { AGE_SLOTS, PROC_SLOTS, SPEC_KEYS, SPEC_SLOTS, procKey, specKey } from './lookup-lists';
import { FOLLOW_UP_CODES, type OpYearPlan } from './op-plan';
import { pickSql } from './slot-list';
import {
  ageCalcSql, ageCodeSql, dateLiteral, periodColumns, personColumns, personHashSql, personIdSql, providerColumns,
  residenceSql, rowHash, trustSql, uniform, type Stream,
} from './sql-common';

const T = {
  sex: 1, age: 2, dob: 3, serial: 4, spec: 5, priority: 6, refsourc: 7, wait: 8, start: 9, provLocal: 10, provPick: 11, site: 12,
  late: 20, jitter: 21, remote: 22, notKnown: 23, outcome: 24, diag: 25, diagPick: 26, proc: 27, procPick: 28, staff: 29,
} as const;

/** Share of appointments held by telephone or video, first / follow-up (chosen; rises from 2020-21). */
const REMOTE: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['2021', [0.3, 0.45]], ['2122', [0.18, 0.3]], ['2223', [0.12, 0.22]], ['2324', [0.1, 0.2]],
]);

export interface OpSqlContext {
  readonly stream: Stream;
  readonly fyear: string;
  readonly label: string;
  readonly yearStart: string;
  readonly yearEnd: string;
  readonly yearDays: number;
  readonly serialRange: number;
  readonly plan: OpYearPlan;
}

export function opSql(c: OpSqlContext): string {
  const uc = (tag: number) => uniform(c.stream, 'cno', tag);
  const ua = (tag: number) => uniform(c.stream, 'ano', tag);
  const cat = (name: string, u: string) => pickSql(`cat_${name}`, CATEGORICAL_SLOTS, '0', u);
  const [remoteFirst, remoteFollow] = REMOTE.get(c.fyear) ?? [0.04, 0.06];
  const p = c.plan.followUpPermutation;
  const rank = `((${p.a} * fidx + ${p.b}) % ${p.n})`;
  const followUpStatus = `CASE ${FOLLOW_UP_CODES.map((code, i) => `WHEN ${rank} < ${c.plan.followUpBounds[i] ?? 0} THEN '${code}'`).join(' ')} ELSE '9' END`;
  const start = dateLiteral(c.yearStart);
  const attended = `attended IN ('5', '6')`;
  const age = ageCodeSql('dob', 'apptdate');
  // Specialty key (lookup-lists.ts specKey): women 15–49 may attend antenatal clinics.
  const sexClass = `CASE sex WHEN '1' THEN 0 WHEN '2' THEN 1 ELSE 2 END`;
  const specKeySql = `CASE WHEN sex = '2' AND age_years BETWEEN 15 AND 49 THEN ${specKey('op-maternity', 1, false)}
    ELSE (${SPEC_KEYS.indexOf('op')} * 3 + ${sexClass}) * 2 + CASE WHEN age_years < 15 THEN 1 ELSE 0 END END`;
  const exprs = new Map<string, string>([
    ['attendkey', `'A${c.fyear}' || lpad(CAST(ano AS VARCHAR), 10, '0')`],
    ['person_id', personIdSql('ph')],
    ['fyear', `'${c.fyear}'`],
    ...Object.entries(periodColumns('apptdate', c.label)),
    ['sex', 'sex'],
    ...Object.entries(personColumns('ph', 'res')),
    ...Object.entries(providerColumns('trust', 'u_site')),
    ['apptdate', 'apptdate'], ['apptage', age], ['apptage_calc', ageCalcSql(age)],
    ['reqdate', 'reqdate'], ['waiting', 'apptdate - reqdate'],
    ['attended', 'attended'],
    ['firstatt', `CASE WHEN j = 0 THEN CASE WHEN remote THEN '3' ELSE '1' END WHEN ${ua(T.notKnown)} < 0.003 THEN 'X' WHEN remote THEN '4' ELSE '2' END`],
    ['outcome', `CASE WHEN NOT ${attended} THEN NULL WHEN j = len - 1 THEN CASE WHEN ${ua(T.outcome)} < 0.9 THEN '1' WHEN ${ua(T.outcome)} < 0.98 THEN '3' ELSE '9' END
      ELSE CASE WHEN ${ua(T.outcome)} < 0.93 THEN '2' WHEN ${ua(T.outcome)} < 0.98 THEN '3' ELSE '9' END END`],
    ['priority', 'priority'], ['refsourc', 'refsourc'],
    ['stafftyp', cat('opStafftyp', ua(T.staff))],
    ['mainspef', 'lk.spec_main[spec]'], ['tretspef', 'lk.spec_code[spec]'],
    ['admincat', `'01'`],
    ['diag_01', 'lk.icd4[d1]'],
    ...positionalColumns('diag', 12, 'NULL').slice(1).map(([n]) => [n, 'NULL'] as [string, string]),
    ['diag_01_chapter', 'lk.icdch[d1]'], ['diag_01_block', 'lk.icdblk[d1]'], ['diag_01_3', 'lk.icd3[d1]'],
    ['opertn_01', `CASE WHEN NOT ${attended} THEN NULL WHEN p1 IS NULL THEN '-' ELSE lk.opcs4[p1] END`],
    ...positionalColumns('opertn', 24, 'NULL').slice(1).map(([n]) => [n, 'NULL'] as [string, string]),
    ['opertn_01_chapter', 'lk.opcsch[p1]'], ['opertn_01_3', 'lk.opcs3[p1]'],
  ]);

  return `
WITH c0 AS (SELECT st.*, unnest(range(st.n)) AS i FROM st),
c1 AS (
  SELECT c0.*, CAST(course_off + i AS BIGINT) AS cno,
    CASE WHEN ${uc(T.sex)} < 0.574 THEN '2' WHEN ${uc(T.sex)} < 0.997 THEN '1' WHEN ${uc(T.sex)} < 0.9993 THEN '0' ELSE '9' END AS sex,
    CASE WHEN len > 1 THEN least(90, 300 // (len - 1)) ELSE 0 END AS step
  FROM c0),
c2 AS (
  SELECT c1.*, ${pickSql('op_age_pick', AGE_SLOTS, '0', uc(T.age))} AS age_years,
    ${start} + CAST(floor(${uc(T.start)} * (${c.yearDays} - ((len - 1) * step + CAST(floor(0.4 * step) AS INTEGER)))) AS INTEGER) AS d0
  FROM c1, lk),
c3 AS (
  SELECT c2.*,
    CASE WHEN age_years = 0 THEN d0 - CAST(floor(${uc(T.dob)} * 364) AS INTEGER)
         ELSE d0 - (CAST(floor(age_years * 365.25) AS INTEGER) + 2 + CAST(floor(${uc(T.dob)} * 360) AS INTEGER)) END AS dob,
    ${cat('opPriority', uc(T.priority))} AS priority
  FROM c2, lk),
c4 AS (
  SELECT c3.*, ${personHashSql(c.stream.seed, 'sex', 'dob', `${rowHash(c.stream, 'cno', T.serial)} % ${c.serialRange}`)} AS ph,
    d0 - CASE WHEN priority = '3' THEN 3 + CAST(floor(${uc(T.wait)} * 11) AS INTEGER)
              ELSE 7 + least(400, CAST(floor(-45 * ln(1 - ${uc(T.wait)})) AS INTEGER)) END AS reqdate
  FROM c3),
c5 AS (
  SELECT c4.*, ${residenceSql('ph')} AS res,
    ${pickSql('spec_pick', SPEC_SLOTS, specKeySql, uc(T.spec))} AS spec,
    ${cat('opRefsourc', uc(T.refsourc))} AS refsourc, ${uc(T.site)} AS u_site
  FROM c4, lk),
c6 AS (SELECT c5.*, ${trustSql('res', uc(T.provLocal), uc(T.provPick))} AS trust FROM c5, lk),
a0 AS (SELECT c6.*, unnest(range(len)) AS j FROM c6),
a1 AS (
  SELECT a0.*, CAST(cno * ${100} + j AS BIGINT) AS ano,
    CAST(fu_off + i * (len - 1) + j - 1 AS BIGINT) AS fidx,
    d0 + CAST(j * step AS INTEGER) + CASE WHEN j > 0 THEN CAST(floor(0.4 * step * ${uniform(c.stream, 'cno * 100 + j', T.jitter)}) AS INTEGER) ELSE 0 END AS apptdate
  FROM a0),
a2 AS (
  SELECT a1.*,
    CASE WHEN j = 0 THEN CASE WHEN ${ua(T.late)} < 0.03 THEN '6' ELSE '5' END ELSE ${followUpStatus} END AS attended,
    ${ua(T.remote)} < CASE WHEN j = 0 THEN ${remoteFirst} ELSE ${remoteFollow} END AS remote
  FROM a1),
a3 AS (
  SELECT a2.*,
    CASE WHEN ${attended} AND ${ua(T.diag)} < 0.08 THEN ${pickSql('op_diag_pick', OP_DIAG_SLOTS, '0', ua(T.diagPick))} END AS d1,
    CASE WHEN ${attended} AND ${ua(T.proc)} < 0.12
         THEN ${pickSql('proc_pick', PROC_SLOTS, `${procKey('XVIII', 0)} + CASE WHEN sex = '2' THEN 1 ELSE 0 END`, ua(T.procPick))} END AS p1
  FROM a2, lk)
SELECT ${contractSelect(OP_COLUMNS, exprs)} FROM a3, lk`;
}
