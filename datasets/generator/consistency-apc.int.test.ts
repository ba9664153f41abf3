// APC internal consistency (hes-data.md §1.2, §4.1, §6.3) checked with SQL over the generated
// Parquet: spell chaining, discharge fields, derived flags, day cases, maternity, coding fields.
// Each query counts violating rows, so a failure says how many rows break the rule.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir } from './testing/demo-data';
import { openParquetSql, type ParquetSql } from './testing/parquet-sql';

let db: ParquetSql;
beforeAll(async () => {
  db = await openParquetSql(await demoDataDir(), ['apc']);
}, 600_000);
afterAll(() => db.close());

const violations = (where: string, from = 'apc') => db.value(`SELECT count(*) FROM ${from} WHERE ${where}`);

describe('APC spells', () => {
  it('epiorder runs 01…n per spell and spell fields are shared', async () => {
    const bad = await db.value(`SELECT count(*) FROM (
      SELECT spell_id, count(*) AS n, max(CAST(epiorder AS INTEGER)) AS hi, min(CAST(epiorder AS INTEGER)) AS lo,
        count(DISTINCT epiorder) AS d, count(DISTINCT person_id) AS p, count(DISTINCT procode3) AS pr,
        count(DISTINCT admidate) AS ad, count(DISTINCT admimeth) AS am, count(DISTINCT admisorc) AS asrc
      FROM apc GROUP BY spell_id)
      WHERE lo <> 1 OR hi <> n OR d <> n OR p <> 1 OR pr <> 1 OR ad <> 1 OR am <> 1 OR asrc <> 1`);
    expect(bad).toBe(0);
  });

  it('episodes chain: first epistart = admidate, later epistart = previous epiend, disdate = last epiend', async () => {
    const bad = await db.value(`SELECT count(*) FROM (
      SELECT *, lag(epiend) OVER (PARTITION BY spell_id ORDER BY epiorder) AS prev_end,
        max(epiorder) OVER (PARTITION BY spell_id) AS last_order FROM apc WHERE epistat = '3')
      WHERE (epiorder = '01' AND epistart <> admidate) OR (epiorder <> '01' AND epistart <> prev_end)
         OR (epiorder = last_order AND (disdate IS DISTINCT FROM epiend OR speldur <> disdate - admidate))
         OR (epiorder <> last_order AND (disdate IS NOT NULL OR dismeth <> '8' OR disdest <> '98' OR spelend <> 'N'))
         OR (epiorder = last_order AND (dismeth NOT IN ('1', '2', '3', '4', '5', '9') OR disdest IN ('98') OR spelend <> 'Y'))`);
    expect(bad).toBe(0);
  });

  it('spelbgin, epidur and the financial year follow the episode dates', async () => {
    const bad = await violations(`epistat = '3' AND (
      (epiorder = '01' AND spelbgin <> CASE WHEN admidate < make_date(2000 + CAST(substr(fyear, 1, 2) AS INTEGER), 4, 1) THEN '1' ELSE '2' END)
      OR (epiorder <> '01' AND spelbgin <> '0')
      OR epidur <> epiend - epistart
      OR epiend < make_date(2000 + CAST(substr(fyear, 1, 2) AS INTEGER), 4, 1)
      OR epiend > make_date(2001 + CAST(substr(fyear, 1, 2) AS INTEGER), 3, 31)
      OR month <> strftime(epiend, '%Y-%m')
      OR fquarter <> substr(fyear, 1, 0) || CAST(2000 + CAST(substr(fyear, 1, 2) AS INTEGER) AS VARCHAR) || '-' || substr(fyear, 3, 2)
           || ' Q' || CAST(CASE WHEN month(epiend) >= 4 THEN (month(epiend) - 4) // 3 + 1 ELSE 4 END AS VARCHAR))`);
    expect(bad).toBe(0);
  });

  it('derived flags match the §4.1 definitions', async () => {
    const fce = `(epistat = '3' AND classpat NOT IN ('3', '4'))`;
    const bad = await violations(`fce <> CASE WHEN ${fce} THEN 1 ELSE 0 END
      OR fae <> CASE WHEN ${fce} AND epiorder = '01' THEN 1 ELSE 0 END
      OR fae_emergency <> CASE WHEN ${fce} AND epiorder = '01' AND admimeth LIKE '2%' THEN 1 ELSE 0 END
      OR fde <> CASE WHEN ${fce} AND dismeth IN ('1', '2', '3', '4', '5') THEN 1 ELSE 0 END`);
    expect(bad).toBe(0);
  });

  it('day cases are elective, intended same-day, one-episode, zero-day spells', async () => {
    const bad = await violations(`classpat = '2' AND (admimeth NOT IN ('11', '12', '13') OR intmanig <> '2'
      OR epiorder <> '01' OR spelend <> 'Y' OR admidate <> disdate OR epidur <> 0 OR speldur <> 0 OR speldur_calc IS NOT NULL)`);
    expect(bad).toBe(0);
    expect(await violations(`classpat = '2'`)).toBeGreaterThan(0);
  });

  it('deaths go to destination 79', async () => {
    expect(await violations(`dismeth = '4' AND disdest <> '79'`)).toBe(0);
    expect(await violations(`dismeth = '4'`)).toBeGreaterThan(0);
  });

  it('maternity: deliveries are women in chapter XV with an R-chapter procedure; births are 82/83 infants from 79', async () => {
    expect(await violations(`epitype = '2' AND (sex <> '2' OR diag_01_chapter <> 'XV' OR opertn_01_chapter <> 'R')`)).toBe(0);
    expect(await violations(`epitype = '3' AND (admimeth NOT IN ('82', '83') OR startage NOT BETWEEN 7001 AND 7007 OR admisorc <> '79')`)).toBe(0);
    expect(await violations(`epitype = '2'`)).toBeGreaterThan(0);
    expect(await violations(`epitype = '3'`)).toBeGreaterThan(0);
    expect(await violations(`diag_01_chapter = 'XV' AND sex <> '2'`)).toBe(0);
  });

  it('non-FCE rows exist and carry what they should: regular attenders and unfinished episodes', async () => {
    expect(await violations(`classpat IN ('3', '4') AND epistat = '3'`)).toBeGreaterThan(0);
    expect(await violations(`epistat = '9' AND (diag_01 IS NOT NULL OR diag_count <> 0 OR epiend IS NOT NULL OR opertn_01 IS NOT NULL)`)).toBe(0);
    expect(await violations(`epistat = '9'`)).toBeGreaterThan(0);
  });
});

describe('APC coding fields', () => {
  it('diag_4_concat, diag_count and cause agree with the positions', async () => {
    const positions = Array.from({ length: 20 }, (_, i) => `diag_${String(i + 1).padStart(2, '0')}`);
    const bad = await violations(`diag_count <> len(list_filter([${positions.join(', ')}], lambda x: x IS NOT NULL))
      OR diag_4_concat IS DISTINCT FROM nullif(array_to_string(list_filter([${positions.join(', ')}], lambda x: x IS NOT NULL), ','), '')
      OR (cause IS NOT NULL) <> list_contains(diag_all_chapter, 'XX')
      OR (cause IS NOT NULL AND NOT list_contains(diag_all_4, cause))
      OR diag_01_chapter = 'XX' OR diag_01 LIKE 'C42%'`);
    expect(bad).toBe(0);
    expect(await violations(`cause IS NOT NULL AND diag_01_chapter = 'XIX'`)).toBeGreaterThan(0);
  });

  it('procedures: opertn_count, opertn_4_concat and operstat agree; surgical chapters and day cases operate more', async () => {
    const positions = Array.from({ length: 24 }, (_, i) => `opertn_${String(i + 1).padStart(2, '0')}`);
    const bad = await violations(`epistat = '3' AND (
      opertn_count <> len(list_filter([${positions.join(', ')}], lambda x: x IS NOT NULL AND x <> '-'))
      OR operstat <> CASE WHEN opertn_count > 0 THEN '1' ELSE '8' END
      OR opertn_4_concat <> CASE WHEN opertn_count > 0 THEN array_to_string(list_filter([${positions.join(', ')}], lambda x: x IS NOT NULL), ',') ELSE '-' END
      OR (opertn_count = 0 AND opertn_01 <> '-'))`);
    expect(bad).toBe(0);
    const rate = (where: string) => db.value(`SELECT avg(CASE WHEN opertn_count > 0 THEN 1 ELSE 0 END) FROM apc WHERE epistat = '3' AND ${where}`);
    expect(await rate(`classpat = '2'`)).toBeGreaterThan(await rate(`admimeth LIKE '2%'`));
    expect(await rate(`diag_01_chapter = 'VII'`)).toBeGreaterThan(await rate(`diag_01_chapter = 'V'`));
  });

  it('COVID-19 (U071) appears only from 2020-21', async () => {
    expect(await violations(`fyear < '2021' AND list_contains(diag_all_4, 'U071')`)).toBe(0);
  });
});
