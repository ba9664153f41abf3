// Cross-dataset consistency (hes-data.md §6.3 rules 3 and 5, §3): people keep their sex,
// ethnicity and date of birth everywhere, nobody is active after death, and residence, provider
// and code-hierarchy columns agree with the reference tables (loaded here independently).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICTS } from '../reference/geography';
import { loadIcd10 } from '../reference/load-icd10';
import { OPCS4 } from '../reference/opcs4';
import { SITES, TRUSTS } from '../reference/providers';
import { loadRows } from './duck';
import { demoDataDir } from './testing/demo-data';
import { openParquetSql, type ParquetSql } from './testing/parquet-sql';

let db: ParquetSql;
beforeAll(async () => {
  db = await openParquetSql(await demoDataDir());
  const icd = loadIcd10();
  await loadRows(db.connection, 'ref_icd', [['code4', 'VARCHAR'], ['chapter', 'VARCHAR'], ['block', 'VARCHAR'], ['code3', 'VARCHAR'], ['selectable', 'INTEGER']],
    icd.codes4.map((c) => {
      const a = icd.ancestors(c.code);
      return [c.code, a?.chapter ?? null, a?.block ?? null, a?.code3 ?? null, c.selectable ? 1 : 0];
    }));
  await loadRows(db.connection, 'ref_opcs', [['code4', 'VARCHAR'], ['chapter', 'VARCHAR'], ['code3', 'VARCHAR']],
    OPCS4.codes4.map((c) => [c.code, OPCS4.ancestors(c.code)?.chapter ?? null, OPCS4.ancestors(c.code)?.code3 ?? null]));
  await loadRows(db.connection, 'ref_district', [['code', 'VARCHAR'], ['region', 'VARCHAR']], DISTRICTS.map((d) => [d.code, d.region]));
  await loadRows(db.connection, 'ref_site', [['site', 'VARCHAR'], ['trust', 'VARCHAR']], SITES.map((s) => [s.code, s.trust]));
  await loadRows(db.connection, 'ref_trust', [['code', 'VARCHAR'], ['icb', 'VARCHAR'], ['region', 'VARCHAR']], TRUSTS.map((t) => [t.code, t.icb, t.region]));
  await db.connection.run(`CREATE TEMP TABLE ages AS
    SELECT person_id, sex, ethnos, epistart AS d, startage AS age FROM apc WHERE startage IS NOT NULL
    UNION ALL SELECT person_id, sex, ethnos, epiend, endage FROM apc WHERE endage IS NOT NULL
    UNION ALL SELECT person_id, sex, ethnos, apptdate, apptage FROM op
    UNION ALL SELECT person_id, sex, ethnos, arrivaldate, arrivalage FROM ae`);
}, 600_000);
afterAll(() => db.close());

const ALL_ROWS = `SELECT 'apc' AS ds, person_id, sex, ethnos, resgor_ons, resladst_ons, imd04_decile, rururb_ind, procode, procode3, sitetret, provider_icb, provider_region FROM apc
  UNION ALL SELECT 'op', person_id, sex, ethnos, resgor_ons, resladst_ons, imd04_decile, rururb_ind, procode, procode3, sitetret, provider_icb, provider_region FROM op
  UNION ALL SELECT 'ae', person_id, sex, ethnos, resgor_ons, resladst_ons, imd04_decile, rururb_ind, procode, procode3, sitetret, provider_icb, provider_region FROM ae`;

describe('people', () => {
  it('keep one sex and ethnicity across datasets and years', async () => {
    expect(await db.value(`SELECT count(*) FROM (SELECT person_id FROM ages GROUP BY 1 HAVING count(DISTINCT sex) > 1 OR count(DISTINCT ethnos) > 1)`)).toBe(0);
  });

  it('have ages that fit one date of birth everywhere (±1 day for 29 February)', async () => {
    // Each age code bounds the date of birth: years a → (d − (a+1) years, d − a years]; infant codes by days.
    const bad = await db.value(`SELECT count(*) FROM (
      SELECT person_id, max(lo) AS lo, min(hi) AS hi FROM (
        SELECT person_id,
          CASE WHEN age BETWEEN 1 AND 119 THEN CAST(d - to_years(CAST(age + 1 AS INTEGER)) AS DATE) + 1
               WHEN age = 7001 THEN d WHEN age = 7002 THEN d - 6 WHEN age = 7003 THEN d - 28 WHEN age = 7004 THEN d - 90
               WHEN age = 7005 THEN d - 181 WHEN age = 7006 THEN d - 272 WHEN age = 7007 THEN d - 364 END AS lo,
          CASE WHEN age BETWEEN 1 AND 119 THEN CAST(d - to_years(CAST(age AS INTEGER)) AS DATE)
               WHEN age = 7001 THEN d WHEN age = 7002 THEN d - 1 WHEN age = 7003 THEN d - 7 WHEN age = 7004 THEN d - 29
               WHEN age = 7005 THEN d - 91 WHEN age = 7006 THEN d - 182 WHEN age = 7007 THEN d - 273 END AS hi
        FROM ages WHERE age < 120 OR age >= 7001) GROUP BY person_id)
      WHERE lo > hi + 1`);
    expect(bad).toBe(0);
    // The check has teeth: many people appear more than once.
    expect(await db.value(`SELECT count(*) FROM (SELECT person_id FROM ages GROUP BY 1 HAVING count(*) > 2)`)).toBeGreaterThan(1000);
  });

  it('have no activity in any dataset after dying in hospital or in A&E', async () => {
    await db.connection.run(`CREATE OR REPLACE TEMP TABLE deaths AS
      SELECT person_id, disdate AS died FROM apc WHERE dismeth = '4'
      UNION ALL SELECT person_id, arrivaldate FROM ae WHERE aeattenddisp = '10'`);
    expect(await db.value(`SELECT count(*) FROM deaths`)).toBeGreaterThan(0);
    const later = await db.value(`SELECT count(*) FROM deaths d JOIN (
        SELECT person_id, epistart AS d FROM apc UNION ALL SELECT person_id, apptdate FROM op UNION ALL SELECT person_id, arrivaldate FROM ae
      ) a USING (person_id) WHERE a.d > d.died`);
    expect(later).toBe(0);
  });

  it('use HES ethnicity, deprivation and rural-urban codes', async () => {
    const bad = await db.value(`SELECT count(*) FROM (${ALL_ROWS}) WHERE
      ethnos NOT IN ('A','B','C','D','E','F','G','H','J','K','L','M','N','P','R','S','Z','99')
      OR (imd04_decile IS NOT NULL AND imd04_decile NOT IN ('01','02','03','04','05','06','07','08','09','10'))
      OR rururb_ind NOT IN ('1','2','3','4','5','6','7','8','9')
      OR (rururb_ind = '9') <> (resgor_ons NOT LIKE 'E12%')`);
    expect(bad).toBe(0);
  });
});

describe('geography and providers', () => {
  it('residence district lies in the residence region', async () => {
    const bad = await db.value(`SELECT count(*) FROM (${ALL_ROWS}) r LEFT JOIN ref_district d ON d.code = r.resladst_ons
      WHERE (r.resgor_ons LIKE 'E12%' AND d.region IS DISTINCT FROM r.resgor_ons)
         OR (r.resgor_ons NOT LIKE 'E12%' AND r.resladst_ons <> r.resgor_ons)`);
    expect(bad).toBe(0);
  });

  it('procode = procode3, the site belongs to the trust and the ICB and region are the trust’s', async () => {
    const bad = await db.value(`SELECT count(*) FROM (${ALL_ROWS}) r
      LEFT JOIN ref_site s ON s.site = r.sitetret LEFT JOIN ref_trust t ON t.code = r.procode3
      WHERE r.procode <> r.procode3 OR s.trust IS DISTINCT FROM r.procode3
         OR t.icb IS DISTINCT FROM r.provider_icb OR t.region IS DISTINCT FROM r.provider_region`);
    expect(bad).toBe(0);
  });

  it('providers are mostly in the patient’s own NHS region', async () => {
    const local = await db.value(`SELECT avg(CASE WHEN (resgor_ons, provider_region) IN (
        ('E12000001','Y63'), ('E12000002','Y62'), ('E12000003','Y63'), ('E12000004','Y60'), ('E12000005','Y60'),
        ('E12000006','Y61'), ('E12000007','Y56'), ('E12000008','Y59'), ('E12000009','Y58')) THEN 1 ELSE 0 END)
      FROM apc WHERE resgor_ons LIKE 'E12%'`);
    expect(local).toBeGreaterThan(0.85);
  });
});

describe('code hierarchies', () => {
  it('primary diagnosis chapter, block and 3-char come from the ICD-10 table; codes are selectable', async () => {
    for (const ds of ['apc', 'op']) {
      const bad = await db.value(`SELECT count(*) FROM ${ds} r LEFT JOIN ref_icd i ON i.code4 = r.diag_01
        WHERE r.diag_01 IS NOT NULL AND (i.selectable IS DISTINCT FROM 1 OR i.chapter IS DISTINCT FROM r.diag_01_chapter
          OR i.block IS DISTINCT FROM r.diag_01_block OR i.code3 IS DISTINCT FROM r.diag_01_3)`);
      expect(bad, ds).toBe(0);
    }
    const lists = await db.value(`SELECT count(*) FROM (SELECT unnest(diag_all_4) AS c4, diag_all_chapter, diag_all_3 FROM apc) r
      LEFT JOIN ref_icd i ON i.code4 = r.c4
      WHERE i.selectable IS DISTINCT FROM 1 OR NOT list_contains(r.diag_all_chapter, i.chapter) OR NOT list_contains(r.diag_all_3, i.code3)`);
    expect(lists).toBe(0);
  });

  it('main procedure chapter and 3-char come from the OPCS-4 table', async () => {
    const bad = await db.value(`SELECT count(*) FROM apc r LEFT JOIN ref_opcs o ON o.code4 = r.opertn_01
      WHERE r.opertn_01 NOT IN ('-') AND r.opertn_01 IS NOT NULL
        AND (o.chapter IS DISTINCT FROM r.opertn_01_chapter OR o.code3 IS DISTINCT FROM r.opertn_01_3 OR o.chapter IN ('Y', 'Z'))`);
    expect(bad).toBe(0);
  });
});
