// Proves every catalogue SQL expression parses and binds against tables built from
// datasets/parquet-columns.ts, and checks derived fields and measures on hand-made rows.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Measure } from '../../shared/catalogue/catalogue-types';
import { PARQUET_COLUMNS } from '../parquet-columns';
import { SPECIALTIES } from '../reference/specialties';
import { ageBandSql, specialtyGroupSql } from './derived-sql';
import { loadCatalogue } from './load-catalogue';

const catalogue = loadCatalogue(['2223', '2324']);
const datasets = [...catalogue.datasets.values()];
let instance: DuckDBInstance;
let con: DuckDBConnection;

type Value = string | number | null | readonly string[];
const sqlValue = (v: Value): string =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v)
  : typeof v === 'string' ? `'${v.replaceAll("'", "''")}'`
  : `[${v.map((x) => `'${x}'`).join(', ')}]::VARCHAR[]`;

async function insert(table: 'apc' | 'op' | 'ae', row: Record<string, Value>) {
  const cols = Object.keys(row);
  await con.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => sqlValue(row[c] ?? null)).join(', ')})`);
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  // Counts come back as BIGINT; plain numbers keep the expectations readable.
  return (await con.runAndReadAll(sql)).getRowObjectsJS().map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

/** The aggregate a compiler would emit for one non-ratio measure. */
function aggregateSql(m: Exclude<Measure, { kind: 'ratio' }>): string {
  const filter = m.where === null ? '' : ` FILTER (WHERE ${m.where})`;
  switch (m.kind) {
    case 'count': return m.distinctOf === undefined ? `count(*)${filter}` : `count(DISTINCT ${m.distinctOf})${filter}`;
    case 'sum': return `sum(${m.of})${filter}`;
    case 'statistic': return `${m.aggregate === 'mean' ? 'avg' : 'median'}(${m.of})${filter}`;
  }
}

async function measureValues(d: Dataset): Promise<Record<string, unknown>> {
  const parts = d.measures.flatMap((m) => (m.kind === 'ratio' ? [] : [`${aggregateSql(m)} AS ${m.id}`]));
  const [row] = await rows(`SELECT ${parts.join(', ')} FROM ${d.table}`);
  return row ?? {};
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  con = await instance.connect();
  for (const [table, columns] of Object.entries(PARQUET_COLUMNS)) {
    await con.run(`CREATE TABLE ${table} (${columns.map(([n, t]) => `${n} ${t}`).join(', ')})`);
  }
  // APC: a day case FCE, an emergency ordinary spell of two FCEs ending in death, an unfinished episode.
  const apcBase = { person_id: 'p1', fyear: '2324', fquarter: '2023-24 Q1', month: '2023-04', sex: '2', ethnos: 'A', resgor_ons: 'E12000002', procode3: 'S01' };
  await insert('apc', { ...apcBase, epikey: 'e1', spell_id: 's1', epistat: '3', classpat: '2', epiorder: '01', admimeth: '11', dismeth: '1',
    startage: 7003, startage_calc: 0.048, epidur: 0, speldur: 0, speldur_calc: null, bedyear: 0, elecdur: 30, mainspef: '110',
    diag_01: 'J181', diag_01_chapter: 'X', diag_01_block: 'J09-J18', diag_01_3: 'J18',
    diag_all_chapter: ['X', 'IX'], diag_all_block: ['J09-J18'], diag_all_3: ['J18'], diag_all_4: ['J181', 'I10X'],
    opertn_01: 'W371', opertn_all_chapter: ['W'], opertn_all_3: ['W37'], opertn_all_4: ['W371'] });
  await insert('apc', { ...apcBase, person_id: 'p2', epikey: 'e2', spell_id: 's2', epistat: '3', classpat: '1', epiorder: '01', admimeth: '21', dismeth: '8',
    startage: 90, startage_calc: 90, epidur: 3, speldur: 3, speldur_calc: 3, bedyear: 3, mainspef: '&' });
  await insert('apc', { ...apcBase, person_id: 'p2', epikey: 'e3', spell_id: 's2', epistat: '3', classpat: '1', epiorder: '02', admimeth: '21', dismeth: '4',
    startage: 90, startage_calc: 90, epidur: 5, speldur: 8, speldur_calc: 8, bedyear: 5, mainspef: '300' });
  await insert('apc', { ...apcBase, epikey: 'e4', spell_id: 's3', epistat: '1', classpat: '1', epiorder: '01', admimeth: '11', startage: 40, epidur: 9 });
  // OP: one first attendance, one DNA, one hospital cancellation, one follow-up.
  const opBase = { person_id: 'p1', fyear: '2324', fquarter: '2023-24 Q1', month: '2023-05', apptage: 0 };
  await insert('op', { ...opBase, attendkey: 'a1', attended: '5', firstatt: '1', waiting: 40 });
  await insert('op', { ...opBase, attendkey: 'a2', attended: '3', firstatt: '2' });
  await insert('op', { ...opBase, attendkey: 'a3', attended: '4', firstatt: '2' });
  await insert('op', { ...opBase, person_id: 'p3', attendkey: 'a4', attended: '6', firstatt: '4', waiting: 10 });
  // A&E: Monday 1 January 2024, 4-hour breach admitted after a long wait for a bed; one quick discharge.
  const aeBase = { person_id: 'p1', fyear: '2324', fquarter: '2023-24 Q4', month: '2024-01', arrivaldate: '2024-01-01', datasource: 'ECDS' };
  await insert('ae', { ...aeBase, aekey: 'x1', arrivaltime: '09:15', depdur: 900, decdur: 120, aeattenddisp: '01', aearrivalmode: '1', aeattendcat: '1', arrivalage: 7001 });
  await insert('ae', { ...aeBase, aekey: 'x2', arrivaltime: '23:59', depdur: 240, aeattenddisp: '03', aearrivalmode: '2', aeattendcat: '2', arrivalage: 35 });
  await insert('ae', { ...aeBase, aekey: 'x3', arrivaldate: '2024-01-07', arrivaltime: null, depdur: null, aeattendcat: '1' });
});

afterAll(() => {
  con.closeSync();
  instance.closeSync();
});

describe('every catalogue expression binds against the Parquet columns', () => {
  it.each(datasets.map((d) => [d.id, d] as const))('%s fields', async (_id, d) => {
    for (const f of d.fields) {
      if (f.type === 'number') {
        await expect(rows(`SELECT ${f.sql} AS v FROM ${d.table}`), f.id).resolves.toBeDefined();
        continue;
      }
      for (const level of f.levels) {
        const select = f.multiValued === true ? `unnest(${level.sql})` : level.sql;
        const got = await rows(`SELECT DISTINCT ${select} AS v FROM ${d.table}`).catch((e: unknown) => {
          throw new Error(`${d.id}.${f.id}.${level.id}: ${String(e)}`);
        });
        // Every non-NULL value the hand-made rows produce is a code of the level's list.
        const known = new Set(catalogue.codeLists.get(level.codeList)?.codes.map((c) => c.code));
        for (const r of got) if (r.v !== null) expect(known.has(String(r.v)), `${d.id}.${f.id}.${level.id} = ${String(r.v)}`).toBe(true);
      }
    }
  });

  it.each(datasets.map((d) => [d.id, d] as const))('%s measures', async (_id, d) => {
    await expect(measureValues(d)).resolves.toBeDefined();
  });
});

describe('measures on hand-made rows', () => {
  it('counts APC activity by the HES rules', async () => {
    const apc = catalogue.datasets.get('apc');
    if (!apc) throw new Error('no apc');
    const v = await measureValues(apc);
    expect(v).toMatchObject({
      fce: 3, fae: 2, emergency_fae: 1, elective_fae: 1, fde: 2, deaths: 1, day_case_fce: 1, ordinary_fce: 2,
      spells: 2, patients: 2, fce_bed_days: 8, los_median: 8, elecdur_mean: 30,
    });
    expect(Number(v.mean_age)).toBeCloseTo((0.048 + 90 + 90) / 3, 6);
  });

  it('counts OP appointments and attendances', async () => {
    const op = catalogue.datasets.get('op');
    if (!op) throw new Error('no op');
    expect(await measureValues(op)).toMatchObject({
      appointments: 4, attendances: 2, dnas: 1, hospital_cancellations: 1, cancellations: 1,
      first_attendances: 1, followup_attendances: 1, patients: 2, waiting_median: 40,
    });
  });

  it('counts A&E waits, with the decision-to-admit wait from decdur', async () => {
    const ae = catalogue.datasets.get('ae');
    if (!ae) throw new Error('no ae');
    expect(await measureValues(ae)).toMatchObject({
      attendances: 3, unplanned_attendances: 2, admitted: 1, within_4h: 1, attendances_timed: 2,
      over_12h: 1, dta_over_12h: 1, time_in_dept_median: 570,
    });
  });
});

describe('derived fields', () => {
  const field = (dataset: 'apc' | 'ae', id: string) => {
    const f = catalogue.datasets.get(dataset)?.fields.find((x) => x.id === id);
    if (f?.type !== 'code') throw new Error(id);
    return f.levels[0]?.sql ?? '';
  };

  it('bands ages with infant codes under 1 and NULL as Unknown', async () => {
    const ages = [0, 7001, 7007, 1, 4, 5, 84, 85, 89, 90, 120, null, 999];
    const values = ages.map((a) => `(${a ?? 'NULL'})`).join(', ');
    const got = await rows(`SELECT a, ${ageBandSql('a', 90)} AS b90, ${ageBandSql('a', 85)} AS b85 FROM (VALUES ${values}) t(a)`);
    expect(got.map((r) => r.b90)).toEqual(['<1', '<1', '<1', '1-4', '1-4', '5-9', '80-84', '85-89', '85-89', '90+', '90+', 'Unknown', 'Unknown']);
    expect(got.map((r) => r.b85).slice(6, 11)).toEqual(['80-84', '85+', '85+', '85+', '85+']);
  });

  it('groups every listed specialty into its own group', async () => {
    const values = SPECIALTIES.map((s) => `('${s.code}', '${s.group}')`).join(', ');
    const got = await rows(`SELECT mainspef, g, ${specialtyGroupSql('mainspef')} AS got FROM (VALUES ${values}) t(mainspef, g)`);
    expect(got.filter((r) => r.g !== r.got)).toEqual([]);
  });

  it('derives arrival hour and weekday without engine-specific functions', async () => {
    const got = await rows(`SELECT aekey, ${field('ae', 'arrival_hour')} AS h, ${field('ae', 'arrival_weekday')} AS d FROM ae ORDER BY aekey`);
    expect(got).toEqual([
      { aekey: 'x1', h: '09', d: '1' }, { aekey: 'x2', h: '23', d: '1' }, { aekey: 'x3', h: 'Unknown', d: '7' },
    ]);
  });

  it('bands length of stay and admission method', async () => {
    const got = await rows(`SELECT epikey, ${field('apc', 'los_band')} AS los, ${field('apc', 'admimeth_pub')} AS pub FROM apc ORDER BY epikey`);
    expect(got.map((r) => [r.los, r.pub])).toEqual([['0', 'waiting_list'], ['2-3', 'emergency'], ['8-14', 'emergency'], ['Unknown', 'waiting_list']]);
  });
});
