// OP and A&E consistency (hes-data.md §1.4, §2.3, §2.4, §6.3 rules 6 and 7): outcomes only on
// attended appointments, follow-ups after a first attendance, A&E times in order, the HES A&E /
// ECDS split by year.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir } from './testing/demo-data';
import { openParquetSql, type ParquetSql } from './testing/parquet-sql';

let db: ParquetSql;
beforeAll(async () => {
  db = await openParquetSql(await demoDataDir(), ['op', 'ae']);
}, 600_000);
afterAll(() => db.close());

describe('OP', () => {
  it('records an outcome only for attended appointments', async () => {
    expect(await db.value(`SELECT count(*) FROM op WHERE outcome IS NOT NULL AND attended NOT IN ('5', '6')`)).toBe(0);
    expect(await db.value(`SELECT count(*) FROM op WHERE outcome IS NULL AND attended IN ('5', '6')`)).toBe(0);
  });

  it('has every follow-up after a first attendance of the same person and treatment function', async () => {
    const orphans = await db.value(`SELECT count(*) FROM op f WHERE f.firstatt IN ('2', '4') AND NOT EXISTS (
      SELECT 1 FROM op a WHERE a.person_id = f.person_id AND a.tretspef = f.tretspef AND a.firstatt IN ('1', '3')
        AND a.attended IN ('5', '6') AND a.apptdate <= f.apptdate)`);
    expect(orphans).toBe(0);
    const firstShare = await db.value(`SELECT avg(CASE WHEN firstatt IN ('1', '3') THEN 1 ELSE 0 END) FROM op`);
    expect(firstShare).toBeGreaterThan(0.25);
    expect(firstShare).toBeLessThan(0.35);
  });

  it('holds more remote appointments from 2020-21', async () => {
    const rows = await db.rows(`SELECT fyear, avg(CASE WHEN firstatt IN ('3', '4') THEN 1 ELSE 0 END) AS remote FROM op GROUP BY 1`);
    const r = new Map(rows.map((x) => [String(x['fyear']), Number(x['remote'])]));
    if (r.has('1920') && r.has('2021')) expect(r.get('2021')).toBeGreaterThan(2 * (r.get('1920') ?? 1));
  });

  it('counts waiting from referral to appointment', async () => {
    expect(await db.value(`SELECT count(*) FROM op WHERE waiting <> apptdate - reqdate OR waiting < 0`)).toBe(0);
  });
});

describe('A&E', () => {
  it('orders times arrival ≤ initial assessment ≤ treatment ≤ conclusion ≤ departure', async () => {
    const bad = await db.value(`SELECT count(*) FROM ae WHERE NOT (0 <= initdur AND initdur <= coalesce(tretdur, initdur)
      AND coalesce(tretdur, initdur) <= concldur AND concldur <= depdur)
      OR (tretdur IS NULL) <> (aeattenddisp = '12') OR (trettime IS NULL) <> (tretdur IS NULL)`);
    expect(bad).toBe(0);
  });

  it('gives clock times consistent with the durations, wrapping past midnight', async () => {
    const minutes = (t: string) => `(CAST(substr(${t}, 1, 2) AS INTEGER) * 60 + CAST(substr(${t}, 4, 2) AS INTEGER))`;
    const bad = await db.value(`SELECT count(*) FROM ae WHERE
      ${minutes('deptime')} <> (${minutes('arrivaltime')} + depdur) % 1440
      OR ${minutes('inittime')} <> (${minutes('arrivaltime')} + initdur) % 1440
      OR ${minutes('concltime')} <> (${minutes('arrivaltime')} + concldur) % 1440`);
    expect(bad).toBe(0);
    expect(await db.value(`SELECT count(*) FROM ae WHERE deptime < arrivaltime`)).toBeGreaterThan(0);
  });

  it('marks HES A&E and ECDS years and their field rules', async () => {
    const bad = await db.value(`SELECT count(*) FROM ae WHERE datasource <> CASE WHEN fyear >= '2021' THEN 'ECDS' ELSE 'HESAE' END
      OR (fyear >= '2021' AND (aepatgroup <> '99' OR aeincloctype <> '99' OR acuity IS NULL))
      OR (fyear < '2021' AND (acuity IS NOT NULL OR dectime IS NOT NULL OR decdur IS NOT NULL))
      OR (decdur IS NOT NULL AND (aeattenddisp <> '01' OR decdur > depdur))`);
    expect(bad).toBe(0);
  });

  it('admits about 28% and lets deaths in the department be rare', async () => {
    const admitted = await db.value(`SELECT avg(CASE WHEN aeattenddisp = '01' THEN 1 ELSE 0 END) FROM ae`);
    expect(admitted).toBeGreaterThan(0.22);
    expect(admitted).toBeLessThan(0.34);
    const died = await db.value(`SELECT avg(CASE WHEN aeattenddisp = '10' THEN 1 ELSE 0 END) FROM ae`);
    expect(died).toBeLessThan(0.005);
  });
});
