// Checks every calibration target of hes-data.md §6.1 with the §6.4 tolerances, using SQL
// written from the HES definitions (§4) over the generated Parquet, never the generator's code.
// Data: TEST_DATA_DIR if set, otherwise demo scale generated once (testing/demo-data.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest, type Manifest } from './manifest';
import { demoDataDir } from './testing/demo-data';
import { openParquetSql, type ParquetSql } from './testing/parquet-sql';

// Published figures, restated from hes-data.md §6.1.
const FAE_SERIES: Record<string, number> = {
  '1314': 15_462_057, '1415': 15_892_457, '1516': 16_251_841, '1617': 16_546_667, '1718': 16_622_939, '1819': 17_127_498,
  '1920': 17_202_558, '2021': 12_813_120, '2122': 15_979_490, '2223': 16_399_596, '2324': 17_560_128,
};
const FCES_2324 = 21_450_875;
const BED_DAYS_2324 = 48_324_062;
const AGE_BANDS: Record<string, number> = {
  '<1': 4.2, '1-4': 1.8, '5-9': 1.5, '10-14': 1.4, '15-19': 1.9, '20-24': 2.9, '25-29': 4.2, '30-34': 5.2, '35-39': 4.6,
  '40-44': 4.0, '45-49': 3.9, '50-54': 5.3, '55-59': 6.5, '60-64': 7.3, '65-69': 7.7, '70-74': 8.6, '75-79': 10.2,
  '80-84': 7.9, '85-89': 5.9, '90+': 3.7, Unknown: 1.3,
};
const CHAPTERS: Record<string, [fcePct: number, emergencyPct: number]> = {
  I: [3.0, 87], II: [11.9, 6], III: [2.3, 23], IV: [2.4, 46], V: [1.2, 86], VI: [2.3, 35], VII: [4.9, 3],
  VIII: [0.4, 49], IX: [7.6, 64], X: [8.1, 82], XI: [12.8, 26], XII: [2.3, 52], XIII: [6.1, 26], XIV: [5.4, 46],
  XV: [6.1, 12], XVI: [1.3, 22], XVII: [0.5, 11], XVIII: [10.8, 69], XIX: [6.0, 76], XXI: [4.3, 6], XXII: [0.5, 93],
};
const OP_APPOINTMENTS: Record<string, number> = { '1920': 124_900_000, '2223': 124_200_000 };
const AE_WITHIN_4H: Record<string, number> = { '2021': 87, '2122': 77, '2223': 70.8, '2324': 72.1 };

const FCE = `epistat = '3' AND classpat NOT IN ('3', '4')`;
const FAE = `${FCE} AND epiorder = '01'`;
const AGE_BAND = `CASE WHEN startage IS NULL THEN 'Unknown' WHEN startage = 0 OR startage BETWEEN 7001 AND 7007 THEN '<1'
  WHEN startage <= 4 THEN '1-4' WHEN startage >= 90 THEN '90+'
  ELSE CAST(startage // 5 * 5 AS VARCHAR) || '-' || CAST(startage // 5 * 5 + 4 AS VARCHAR) END`;

let db: ParquetSql;
let manifest: Manifest;

beforeAll(async () => {
  const dir = await demoDataDir();
  const m = await readManifest(dir);
  if (!m) throw new Error(`no manifest in ${dir}`);
  manifest = m;
  db = await openParquetSql(dir);
}, 600_000);
afterAll(() => db.close());

/** |actual − expected| ≤ tolerance, with a label naming what failed. */
function within(actual: number, expected: number, tolerance: number, label: string) {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected} ± ${tolerance}`).toBeLessThanOrEqual(tolerance);
}

type ShareRow = { fyear: string; k: string; pct: number };
async function shares(sql: string): Promise<ShareRow[]> {
  return (await db.rows(sql)).map((r) => ({ fyear: String(r['fyear']), k: String(r['k']), pct: Number(r['pct']) }));
}
const shareSql = (key: string, where: string) =>
  `SELECT fyear, ${key} AS k, 100.0 * count(*) / sum(count(*)) OVER (PARTITION BY fyear) AS pct FROM apc WHERE ${where} GROUP BY 1, 2`;

describe('APC volumes', () => {
  it('FAEs in every year are within 2% of the published series × scale', async () => {
    const rows = await db.rows(`SELECT fyear, count(*) AS n FROM apc WHERE ${FAE} GROUP BY fyear`);
    expect(rows.map((r) => r['fyear']).sort()).toEqual(manifest.years);
    for (const r of rows) {
      const target = (FAE_SERIES[String(r['fyear'])] ?? Number.NaN) * manifest.scale;
      within(Number(r['n']), target, 0.02 * target, `FAE ${String(r['fyear'])}`);
    }
  });

  it('FCEs and bed days in 2023-24 are within 2% of the published figures × scale', async () => {
    if (!manifest.years.includes('2324')) return;
    const fces = await db.value(`SELECT count(*) FROM apc WHERE ${FCE} AND fyear = '2324'`);
    within(fces, FCES_2324 * manifest.scale, 0.02 * FCES_2324 * manifest.scale, 'FCE 2324');
    const bedDays = await db.value(`SELECT sum(CASE WHEN classpat = '2' THEN 0 ELSE epidur END) FROM apc WHERE ${FCE} AND fyear = '2324'`);
    within(bedDays, BED_DAYS_2324 * manifest.scale, 0.02 * BED_DAYS_2324 * manifest.scale, 'bed days 2324');
  });

  it('FAEs move year on year in the published direction, including the 2020-21 fall and recovery', async () => {
    const rows = await db.rows(`SELECT fyear, count(*) AS n FROM apc WHERE ${FAE} GROUP BY fyear ORDER BY fyear`);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const published = Math.sign((FAE_SERIES[String(b?.['fyear'])] ?? 0) - (FAE_SERIES[String(a?.['fyear'])] ?? 0));
      expect(Math.sign(Number(b?.['n']) - Number(a?.['n'])), `${String(a?.['fyear'])}→${String(b?.['fyear'])}`).toBe(published);
    }
  });
});

describe('APC shares (every year uses the 2023-24 structure)', () => {
  it('sex of FCEs: male 44.8%, female 54.5%, unknown 0.7% (±1 pp)', async () => {
    const rows = await shares(shareSql(`CASE sex WHEN '1' THEN 'male' WHEN '2' THEN 'female' ELSE 'unknown' END`, FCE));
    const expected: Record<string, number> = { male: 44.8, female: 54.5, unknown: 0.7 };
    for (const r of rows) within(r.pct, expected[r.k] ?? Number.NaN, 1, `sex ${r.k} ${r.fyear}`);
    expect(rows.length).toBe(3 * manifest.years.length);
  });

  it('FAEs by admission group: emergency 37.2, waiting list 38.1, planned 14.1, other 10.6 (±1 pp)', async () => {
    const group = `CASE WHEN admimeth LIKE '2%' THEN 'emergency' WHEN admimeth IN ('11', '12') THEN 'waiting' WHEN admimeth = '13' THEN 'planned' ELSE 'other' END`;
    const rows = await shares(shareSql(group, FAE));
    const expected: Record<string, number> = { emergency: 37.2, waiting: 38.1, planned: 14.1, other: 10.6 };
    for (const r of rows) within(r.pct, expected[r.k] ?? Number.NaN, 1, `admission group ${r.k} ${r.fyear}`);
    expect(rows.length).toBe(4 * manifest.years.length);
  });

  it('day cases are 37.1% of FCEs (±1 pp)', async () => {
    const rows = await shares(shareSql(`classpat = '2'`, FCE));
    for (const r of rows.filter((x) => x.k === 'true')) within(r.pct, 37.1, 1, `day cases ${r.fyear}`);
    expect(rows.filter((x) => x.k === 'true').length).toBe(manifest.years.length);
  });

  it('FCEs by age band match the published shares (±1 pp each)', async () => {
    const rows = await shares(shareSql(AGE_BAND, FCE));
    for (const r of rows) within(r.pct, AGE_BANDS[r.k] ?? Number.NaN, 1, `age ${r.k} ${r.fyear}`);
    expect(rows.length).toBe(21 * manifest.years.length);
  });

  it('FCEs by chapter of primary diagnosis (±1 pp) and emergency % of chapter FAEs (±3 pp)', async () => {
    const rows = await db.rows(`SELECT fyear, diag_01_chapter AS ch,
        100.0 * count(*) / sum(count(*)) OVER (PARTITION BY fyear) AS pct,
        100.0 * count(*) FILTER (WHERE epiorder = '01' AND admimeth LIKE '2%') / count(*) FILTER (WHERE epiorder = '01') AS em
      FROM apc WHERE ${FCE} GROUP BY 1, 2`);
    expect(rows.length).toBe(21 * manifest.years.length);
    for (const r of rows) {
      const [pct, em] = CHAPTERS[String(r['ch'])] ?? [Number.NaN, Number.NaN];
      within(Number(r['pct']), pct, 1, `chapter ${String(r['ch'])} ${String(r['fyear'])}`);
      within(Number(r['em']), em, 3, `emergency % chapter ${String(r['ch'])} ${String(r['fyear'])}`);
    }
  });
});

describe('OP and A&E', () => {
  it('OP appointments within 2% of the published volumes × scale; outcome shares (±1 pp)', async () => {
    const rows = await db.rows(`SELECT fyear, count(*) AS n,
        100.0 * avg(CASE WHEN attended IN ('5', '6') THEN 1 ELSE 0 END) AS att,
        100.0 * avg(CASE WHEN attended IN ('3', '7') THEN 1 ELSE 0 END) AS dna,
        100.0 * avg(CASE WHEN attended IN ('2', '4') THEN 1 ELSE 0 END) AS canc FROM op GROUP BY fyear`);
    expect(rows.length).toBe(manifest.years.length);
    for (const r of rows) {
      const y = String(r['fyear']);
      const target = OP_APPOINTMENTS[y];
      if (target !== undefined) within(Number(r['n']), target * manifest.scale, 0.02 * target * manifest.scale, `OP appointments ${y}`);
      within(Number(r['att']), 77.2, 1, `attended ${y}`);
      within(Number(r['dna']), 6.2, 1, `DNA ${y}`);
      within(Number(r['canc']), 16.2, 1, `cancelled ${y}`);
    }
  });

  it('A&E attendances within 10% of 25 million × scale; % within 4 hours (±1 pp)', async () => {
    const rows = await db.rows(`SELECT fyear, count(*) AS n,
        100.0 * count(*) FILTER (WHERE depdur <= 240) / count(depdur) AS w4 FROM ae GROUP BY fyear`);
    expect(rows.length).toBe(manifest.years.length);
    for (const r of rows) {
      const y = String(r['fyear']);
      within(Number(r['n']), 25_000_000 * manifest.scale, 0.1 * 25_000_000 * manifest.scale, `A&E attendances ${y}`);
      const target = AE_WITHIN_4H[y];
      if (target !== undefined) within(Number(r['w4']), target, 1, `within 4 hours ${y}`);
    }
  });

  it('every dataset dips in 2020-21 and recovers', async () => {
    if (!['1920', '2021', '2122'].every((y) => manifest.years.includes(y))) return;
    for (const [table, where] of [['apc', FAE], ['op', 'true'], ['ae', 'true']] as const) {
      const rows = await db.rows(`SELECT fyear, count(*) AS n FROM ${table} WHERE ${where} AND fyear IN ('1920', '2021', '2122') GROUP BY fyear`);
      const n = new Map(rows.map((r) => [String(r['fyear']), Number(r['n'])]));
      expect(n.get('2021'), table).toBeLessThan(n.get('1920') ?? 0);
      expect(n.get('2021'), table).toBeLessThan(n.get('2122') ?? 0);
    }
  });
});
