// The real server on 127.0.0.1 with a fresh DATA_DIR (generated on start), called through the
// official tRPC client. Every number is checked against an independent DuckDB query over the
// Parquet (written here from hes-data.md, not from the catalogue) with the hes-2018 rules
// applied by a few independent lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PivotQueryInput } from '../shared/query/pivot-query';
import { OTHER_CODE, type PivotResult } from '../shared/result/pivot-result';
import { hashPassword } from './auth/passwords';
import { readConfig } from './config';
import { startServer, type RunningServer } from './start-server';
import type { AppRouter } from './trpc/app-router';

const EMAIL = 'it@test.hes';
const PASSWORD = 'integration-pass-1';
let server: RunningServer;
let dataDir: string;
let duck: DuckDBConnection;

function makeClient() {
  let cookie = '';
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({
      url: `${server.url.replace('localhost', '127.0.0.1')}/trpc`,
      fetch: async (url, init) => {
        const res = await fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } } as RequestInit);
        const set = res.headers.getSetCookie().find((c) => c.startsWith('hes_session='));
        if (set) cookie = set.split(';')[0]!;
        return res;
      },
    })],
  });
  return { client, cookie: () => cookie };
}

/** A new analyst, signed in: overlap control remembers per analyst, so each test that checks
 *  figures starts with no history (overlap control has its own tests). */
let analysts = 0;
async function analyst() {
  const email = `it-${++analysts}@test.hes`;
  server.services.store.createUser({ email, name: 'Integration', role: 'analyst', passwordHash: await hashPassword(PASSWORD) });
  const made = makeClient();
  await made.client.auth.login.mutate({ email, password: PASSWORD });
  return made;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'hes-int-'));
  const config = readConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_SCALE: '0.001', DEMO_EMAIL: EMAIL, DEMO_PASSWORD: PASSWORD });
  server = await startServer(config, { log: () => {} });
  const instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const FCE = "epistat = '3' AND classpat NOT IN ('3','4')";
const parquet = (dataset: string) => `read_parquet('${dataDir}/${dataset}/fyear=*/*.parquet')`;

/** Independent: GROUP BY CUBE over the Parquet, keyed by "row|column" ('' for a total). */
async function cube(sql: string): Promise<Map<string, Record<string, number | null>>> {
  const rows = (await duck.runAndReadAll(sql)).getRowObjectsJS();
  const out = new Map<string, Record<string, number | null>>();
  for (const r of rows) {
    const conv = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : (v as number | null)]));
    out.set(`${r.r ?? ''}|${r.c ?? ''}`, conv);
  }
  return out;
}

// hes-2018, written again from hes-data.md §5.1 / §5.3; medians of whole days or minutes are
// shown whole (half up), so a .5 cannot tell an even count.
const count = (n: number | null) => (!n ? 0 : n <= 7 ? '*' : 5 * Math.round(n / 5));
const statistic = (v: number | null, records: number | null) => (!records ? null : records <= 7 ? '*' : Math.round(v!));
const ratio = (a: number | string, b: number | string, k: number) => (a === '*' || b === '*' ? '*' : b === 0 ? null : ((a as number) / (b as number)) * k);
const shown = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? '*' : c.value);

/** Every cell as the per-cell rules say, except values suppressed to protect others
 *  (secondary suppression: counts, sums and ratios of cells with records), which must stay few. */
function expectMatches(result: PivotResult, truth: Map<string, Record<string, number | null>>, expected: (t: Record<string, number | null>) => (number | string | null)[]) {
  let checked = 0;
  let values = 0;
  let complements = 0;
  result.rows.forEach((row, r) => result.columns.forEach((col, c) => {
    const key = `${row.codes[0] ?? ''}|${col.codes[0] ?? ''}`;
    const t = truth.get(key);
    const want = t ? expected(t) : null;
    const got = result.cells[r]![c]!.map(shown);
    if (want === null) return;
    want.forEach((w, m) => {
      values += 1;
      const kind = result.measures[m]!.kind;
      if (got[m] === '*' && w !== '*' && w !== null && w !== 0 && kind !== 'statistic') complements += 1;
      else if (typeof w === 'number' && typeof got[m] === 'number') expect(got[m], `${key} measure ${m}`).toBeCloseTo(w, 4);
      else expect(got[m], `${key} measure ${m}`).toEqual(w);
    });
    checked += 1;
  }));
  expect(checked).toBe(result.rows.length * result.columns.length);
  expect(complements, 'values suppressed only to protect others').toBeLessThanOrEqual(Math.max(2, values * 0.25));
}

describe('HES Workbench API (real server, real DuckDB, real SQLite)', () => {
  it('refuses every procedure but login without a session, and wrong passwords uniformly', async () => {
    const { client } = makeClient();
    await expect(client.catalogue.datasets.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED', domainCode: 'not-authenticated' } });
    await expect(client.auth.login.mutate({ email: EMAIL, password: 'wrong-password' })).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED', domainCode: 'invalid-credentials' } });
    await expect(client.auth.login.mutate({ email: 'nobody@x.y', password: PASSWORD })).rejects.toMatchObject({ message: 'Email or password not recognised.' });
  });

  it('logs in, answers me, lists datasets and hides SQL from the catalogue view', async () => {
    const { client } = makeClient();
    await client.auth.login.mutate({ email: EMAIL, password: PASSWORD });
    expect((await client.auth.me.query()).user.email).toBe(EMAIL);
    expect((await client.catalogue.datasets.query()).map((d) => d.id).sort()).toEqual(['ae', 'apc', 'op']);
    const apc = await client.catalogue.dataset.query({ id: 'apc' });
    expect(apc.fields.some((f) => f.id === 'diag_any')).toBe(true);
    expect(JSON.stringify(apc)).not.toMatch(/"sql"|epistat = /);
    const hits = await client.catalogue.searchCodes.query({ dataset: 'apc', field: 'diag_01', text: 'pneumonia' });
    expect(hits.map((h) => h.code)).toEqual(expect.arrayContaining(['J18', 'J12', 'J09-J18']));
    await client.auth.logout.mutate();
    await expect(client.auth.me.query()).rejects.toBeInstanceOf(TRPCClientError);
  });

  it('APC: sex × year, FCEs, FAEs, median LOS, % emergency and bed days match an independent query', async () => {
    const { client } = await analyst();
    const query: PivotQueryInput = {
      dataset: 'apc', years: ['2223', '2324'], rows: [{ field: 'sex' }], columns: [{ field: 'fyear' }],
      measures: ['fce', 'fae', 'los_median', 'pct_emergency', 'fce_bed_days'],
    };
    const result = await client.query.pivot.query(query);
    const LOS = `${FCE} AND dismeth IN ('1','2','3','4','5') AND speldur_calc IS NOT NULL`;
    const truth = await cube(`SELECT sex AS r, fyear AS c,
        count(*) FILTER (WHERE ${FCE}) AS fce,
        count(*) FILTER (WHERE ${FCE} AND epiorder = '01') AS fae,
        count(*) FILTER (WHERE ${FCE} AND epiorder = '01' AND admimeth LIKE '2%') AS em,
        median(speldur) FILTER (WHERE ${LOS}) AS los, count(speldur) FILTER (WHERE ${LOS}) AS los_n,
        sum(CASE WHEN classpat = '2' THEN 0 ELSE epidur END) FILTER (WHERE ${FCE}) AS bed
      FROM ${parquet('apc')} WHERE fyear IN ('2223','2324') GROUP BY CUBE (sex, fyear)`);
    expectMatches(result, truth, (t) => [count(t.fce!), count(t.fae!), statistic(t.los!, t.los_n!), ratio(count(t.em!), count(t.fae!), 100),
      !t.fce ? 0 : t.fce <= 7 ? '*' : 5 * Math.round(t.bed! / 5)]);
    // The grand total is national-sized even at this scale, and is itself rounded.
    const total = result.cells.at(-1)!.at(-1)!;
    expect(total[0]!.value! % 5).toBe(0);
    expect(result.policy.id).toBe('hes-2018');
    expect(result.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('OP: attendance outcome, appointments and DNA rate match', async () => {
    const { client } = await analyst();
    const result = await client.query.pivot.query({ dataset: 'op', years: ['1920'], rows: [{ field: 'attended' }], measures: ['appointments', 'dna_rate'] });
    const truth = await cube(`SELECT attended AS r, NULL AS c, count(*) AS n, count(*) FILTER (WHERE attended IN ('3','7')) AS dna
      FROM ${parquet('op')} WHERE fyear = '1920' GROUP BY CUBE (attended)`);
    expectMatches(result, truth, (t) => [count(t.n!), ratio(count(t.dna!), count(t.n!), 100)]);
    expect(result.rows.length).toBeGreaterThan(4);
  });

  it('A&E: department type × year, attendances, % within 4 hours and median time in department match', async () => {
    const { client } = await analyst();
    const result = await client.query.pivot.query({
      dataset: 'ae', years: ['2122', '2324'], rows: [{ field: 'aedepttype' }], columns: [{ field: 'fyear' }],
      measures: ['attendances', 'pct_within_4h', 'time_in_dept_median'],
    });
    const truth = await cube(`SELECT aedepttype AS r, fyear AS c, count(*) AS n,
        count(*) FILTER (WHERE depdur <= 240) AS w4, count(depdur) AS timed, median(depdur) AS med
      FROM ${parquet('ae')} WHERE fyear IN ('2122','2324') GROUP BY CUBE (aedepttype, fyear)`);
    expectMatches(result, truth, (t) => [count(t.n!), ratio(count(t.w4!), count(t.timed!), 100), statistic(t.med!, t.timed!)]);
  });

  it('never lets a true count of 1–7 out: small cells are * with no value anywhere in the response', async () => {
    const { client } = await analyst();
    const result = await client.query.pivot.query({
      dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'code3' }], columns: [{ field: 'procode3', level: 'provider_region' }],
      measures: ['fce', 'los_mean'], filters: [{ kind: 'in', field: 'diag_01', level: 'chapter', codes: ['X'] }],
    });
    const truth = await cube(`SELECT diag_01_3 AS r, provider_region AS c, count(*) FILTER (WHERE ${FCE}) AS fce
      FROM ${parquet('apc')} WHERE fyear = '2324' AND diag_01_chapter = 'X' GROUP BY CUBE (diag_01_3, provider_region)`);
    let small = 0;
    result.rows.forEach((row, r) => result.columns.forEach((col, c) => {
      const t = truth.get(`${row.codes[0] ?? ''}|${col.codes[0] ?? ''}`)?.fce ?? 0;
      const cell = result.cells[r]![c]![0]!;
      if (t >= 1 && t <= 7) { small += 1; expect(cell).toEqual({ value: null, suppressed: true }); }
      else if (cell.suppressed) expect(t).toBeGreaterThan(0); // a complement
      else expect(cell.value).toBe(count(t));
    }));
    expect(small).toBeGreaterThan(0);
    expect(result.suppressedCount).toBeGreaterThanOrEqual(small);
  });

  it('top 5 chapters with "Other": its cells equal the other chapters queried and protected as one group', async () => {
    const { client } = await analyst();
    const result = await client.query.pivot.query({
      dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'chapter' }], columns: [{ field: 'sex' }],
      measures: ['fce', 'los_median'], sort: { by: 'measure', measure: 'fce', direction: 'desc' }, limit: 5, other: true,
    });
    const kept = result.rows.filter((r) => r.depth === 1 && !r.other).map((r) => r.codes[0]!);
    expect(kept).toHaveLength(5);
    expect(result.rows.map((r) => r.codes[0] ?? 'total').slice(5)).toEqual([OTHER_CODE, 'total']);
    const LOS = `${FCE} AND dismeth IN ('1','2','3','4','5') AND speldur_calc IS NOT NULL`;
    const rest = `coalesce(diag_01_chapter, '') NOT IN (${kept.map((c) => `'${c}'`).join(', ')})`;
    const truth = await cube(`SELECT NULL AS r, sex AS c, count(*) FILTER (WHERE ${FCE}) AS fce,
        median(speldur) FILTER (WHERE ${LOS}) AS los, count(speldur) FILTER (WHERE ${LOS}) AS los_n
      FROM ${parquet('apc')} WHERE fyear = '2324' AND ${rest} GROUP BY CUBE (sex)`);
    const chapters = Number((await duck.runAndReadAll(`SELECT count(DISTINCT coalesce(diag_01_chapter, '')) FROM ${parquet('apc')} WHERE fyear = '2324' AND ${FCE}`)).getRows()[0]![0]);
    const other = result.rows.findIndex((r) => r.other === true);
    expect(result.rows[other]).toEqual({ codes: [OTHER_CODE], labels: [`Other (${chapters - 5} more)`], depth: 1, other: true });
    expect(result.columns.length).toBeGreaterThan(2);
    result.columns.forEach((col, c) => {
      const t = truth.get(`|${col.codes[0] ?? ''}`)!;
      const got = result.cells[other]![c]!.map(shown);
      // Its own count, or suppressed to protect a hidden chapter it would otherwise pin down.
      if (got[0] === '*') expect(t.fce!).toBeGreaterThan(0);
      else expect(got[0], `Other × ${col.codes.join()} FCEs`).toBe(count(t.fce!));
      const los = statistic(t.los!, t.los_n!);
      if (typeof los === 'number') expect(got[1]).toBeCloseTo(los, 4); else expect(got[1]).toEqual(los);
    });
    expect(result.notes).toEqual(expect.arrayContaining([`Showing the first 5 of ${chapters} rows.`,
      `Other combines the ${chapters - 5} rows not shown; it is computed and protected as one group.`]));
    // The kept chapters are the five largest by protected FCEs.
    const byChapter = await cube(`SELECT diag_01_chapter AS r, NULL AS c, count(*) AS fce FROM ${parquet('apc')} WHERE fyear = '2324' AND ${FCE} GROUP BY diag_01_chapter`);
    const smallestKept = Math.min(...kept.map((k) => count(byChapter.get(`${k}|`)!.fce!) as number));
    for (const [key, t] of byChapter) if (!kept.includes(key.split('|')[0]!)) expect(count(t.fce!)).not.toBeGreaterThan(smallestKept);
  });

  it('"Other" leaves out NULLs when the "Not recorded" row is among those shown', async () => {
    const { client } = await analyst();
    const result = await client.query.pivot.query({
      dataset: 'apc', years: ['2324'], rows: [{ field: 'opertn_01', level: 'chapter' }], measures: ['fce'],
      sort: { by: 'measure', measure: 'fce', direction: 'desc' }, limit: 3, other: true,
    });
    const kept = result.rows.filter((r) => r.depth === 1 && !r.other).map((r) => r.codes[0]!);
    expect(kept).toContain('');
    const truth = (await duck.runAndReadAll(`SELECT count(*) FROM ${parquet('apc')} WHERE fyear = '2324' AND ${FCE}
      AND opertn_01_chapter IS NOT NULL AND opertn_01_chapter NOT IN (${kept.filter((k) => k !== '').map((c) => `'${c}'`).join(', ')})`)).getRows()[0]![0];
    expect(result.rows.at(-2)!.other).toBe(true);
    expect(shown(result.cells.at(-2)![0]![0]!)).toBe(count(Number(truth)));
  });

  it('sorts rows by a measure in a chosen column, and refuses a column the table lacks', async () => {
    const { client } = await analyst();
    const query: PivotQueryInput = { dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'chapter' }], columns: [{ field: 'sex' }], measures: ['fce'] };
    const result = await client.query.pivot.query({ ...query, sort: { by: 'measure', measure: 'fce', direction: 'desc', column: ['1'] } });
    const truth = await cube(`SELECT diag_01_chapter AS r, NULL AS c, count(*) FILTER (WHERE ${FCE} AND sex = '1') AS fce
      FROM ${parquet('apc')} WHERE fyear = '2324' AND ${FCE} GROUP BY diag_01_chapter`);
    // Independent order: published value (suppressed as 4) descending, ties in chapter (Roman
    // numeral) order. A value suppressed only to protect another had records (checked here).
    const roman = (s: string) => [...s].reduce((n, ch, i) => { const v = ({ I: 1, V: 5, X: 10 } as Record<string, number>)[ch]!; const next = ({ I: 1, V: 5, X: 10 } as Record<string, number>)[s[i + 1] ?? ''] ?? 0; return n + (v < next ? -v : v); }, 0);
    const men = result.columns.findIndex((c) => c.codes[0] === '1');
    const published = new Map(result.rows.map((r, i) => [r.codes[0] ?? '', result.cells[i]![men]![0]!]));
    for (const [code, cell] of published) if (code !== '' && !cell.suppressed) expect(cell.value).toBe(count(truth.get(`${code}|`)!.fce!));
    const sortKey = (code: string) => { const v = published.get(code)!; return v.suppressed ? 4 : v.value!; };
    const expected = [...truth.keys()].map((k) => k.split('|')[0]!).sort((a, b) => sortKey(b) - sortKey(a) || roman(a) - roman(b));
    expect(result.rows.slice(0, -1).map((r) => r.codes[0])).toEqual(expected);
    // Not the order of the total column (pregnancy has no men): the column is what sorted it.
    const byTotal = await client.query.pivot.query({ ...query, sort: { by: 'measure', measure: 'fce', direction: 'desc' } });
    expect(byTotal.rows.map((r) => r.codes[0])).not.toEqual(result.rows.map((r) => r.codes[0]));
    await expect(client.query.pivot.query({ ...query, sort: { by: 'measure', measure: 'fce', direction: 'desc', column: ['no-such-sex'] } }))
      .rejects.toMatchObject({ data: { code: 'BAD_REQUEST', domainCode: 'invalid-query' }, message: expect.stringContaining('to sort by') });
  });

  it('gives no "Other" row for a mention field, and says why', async () => {
    const { client } = makeClient();
    await client.auth.login.mutate({ email: EMAIL, password: PASSWORD });
    const result = await client.query.pivot.query({ dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_any' }], measures: ['fce'], limit: 3, other: true });
    expect(result.rows.map((r) => r.depth)).toEqual([1, 1, 1, 0]);
    expect(result.rows.some((r) => r.other)).toBe(false);
    expect(result.notes.some((n) => n.startsWith('No "Other" row'))).toBe(true);
  });

  it('answers bad queries with typed errors and never a stack trace', async () => {
    const { client, cookie } = makeClient();
    await client.auth.login.mutate({ email: EMAIL, password: PASSWORD });
    await expect(client.query.pivot.query({ dataset: 'apc', years: ['2324'], rows: [{ field: 'no_such_field' }], measures: ['fce'] }))
      .rejects.toMatchObject({ data: { code: 'BAD_REQUEST', domainCode: 'unknown-field' } });
    await expect(client.query.pivot.query({ dataset: 'op', years: ['2324'], measures: ['fce'] }))
      .rejects.toMatchObject({ data: { domainCode: 'unknown-measure' } });
    await expect(client.query.pivot.query({ dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'code4' }], columns: [{ field: 'procode3', level: 'sitetret' }], measures: ['fce'] }))
      .rejects.toMatchObject({ data: { code: 'UNPROCESSABLE_CONTENT', domainCode: 'too-many-cells' } });
    // A malformed input straight over HTTP: typed 400, readable message, no stack.
    const res = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/trpc/query.pivot?input=${encodeURIComponent('{"dataset":"apc","years":["20"],"measures":[]}')}`, { headers: { cookie: cookie() } });
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).toContain('years.0');
    expect(body).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it('answers a range bound beyond a 64-bit integer with BAD_REQUEST, and fractional or over-wide bounds with figures', async () => {
    const { client } = makeClient();
    await client.auth.login.mutate({ email: EMAIL, password: PASSWORD });
    const ages = (low: number, high: number): PivotQueryInput => ({ dataset: 'apc', years: ['2324'], rows: [{ field: 'sex' }], measures: ['fce'],
      filters: [{ kind: 'range', field: 'startage', low, high }] });
    await expect(client.query.pivot.query(ages(0, 1e19))).rejects.toMatchObject({ data: { code: 'BAD_REQUEST', httpStatus: 400 }, message: expect.stringContaining('filters.0.high') });
    await expect(client.query.pivot.query(ages(200, 300))).rejects.toMatchObject({ data: { code: 'BAD_REQUEST', domainCode: 'invalid-filter' } });
    // Ages are whole years: 18.5…64 holds ages 19…64; -1e15…1e15 every known age.
    const age = 'CASE WHEN startage BETWEEN 7001 AND 7007 THEN 0 ELSE startage END';
    for (const [low, high, where] of [[18.5, 64, `${age} BETWEEN 19 AND 64`], [-1e15, 1e15, `${age} IS NOT NULL`]] as const) {
      // Each by a new analyst: the second differs from the first by the ages outside 19–64.
      const result = await (await analyst()).client.query.pivot.query(ages(low, high));
      const truth = await cube(`SELECT sex AS r, NULL AS c, count(*) AS fce FROM ${parquet('apc')} WHERE fyear = '2324' AND ${FCE} AND ${where} GROUP BY CUBE (sex)`);
      expectMatches(result, truth, (t) => [count(t.fce!)]);
    }
  });

  it('withholds what differs by 1–7 records from an analyst\'s earlier table, says so, and refuses a 13th age bound', async () => {
    const { client } = await analyst();
    const view = (low: number): PivotQueryInput => ({ dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'chapter' }], columns: [{ field: 'sex' }], measures: ['fce'],
      filters: [{ kind: 'range', field: 'startage', low, high: 120 }] });
    const first = await client.query.pivot.query(view(18));
    const second = await client.query.pivot.query(view(19));
    // Independently: cells whose 18-year-olds number 1–7 would tell that number.
    const age = 'CASE WHEN startage BETWEEN 7001 AND 7007 THEN 0 ELSE startage END';
    const truth = await cube(`SELECT diag_01_chapter AS r, sex AS c, count(*) FILTER (WHERE ${age} = 18) AS at18, count(*) AS n
      FROM ${parquet('apc')} WHERE fyear = '2324' AND ${FCE} AND ${age} BETWEEN 18 AND 120 GROUP BY CUBE (diag_01_chapter, sex)`);
    let revealing = 0;
    second.rows.forEach((row, r) => second.columns.forEach((col, c) => {
      const t = truth.get(`${row.codes[0] ?? ''}|${col.codes[0] ?? ''}`);
      const before = first.cells[first.rows.findIndex((x) => x.codes.join() === row.codes.join())]?.[first.columns.findIndex((x) => x.codes.join() === col.codes.join())]?.[0];
      if (t && t.at18! >= 1 && t.at18! <= 7 && before?.suppressed === false) {
        revealing += 1;
        expect(second.cells[r]![c]![0], `${row.codes.join()} × ${col.codes.join()}`).toEqual({ value: null, suppressed: true });
      }
    }));
    expect(revealing).toBeGreaterThan(0);
    expect(second.notes.some((n) => /differ by only a few records from a table you asked for recently/.test(n))).toBe(true);
    // Asked again, the same answer.
    expect(await client.query.pivot.query(view(19))).toEqual(second);
    // Twelve different age bounds a day (18, 19, 21…30), then a refusal that says why.
    for (let low = 21; low <= 30; low++) await client.query.pivot.query({ ...view(low), rows: [{ field: 'sex' }], columns: [] });
    await expect(client.query.pivot.query({ ...view(31), rows: [{ field: 'sex' }], columns: [] }))
      .rejects.toMatchObject({ data: { code: 'FORBIDDEN', domainCode: 'disclosure-refused' }, message: expect.stringContaining('at most 12 different bounds') });
  });

  it('treats a session cookie that cannot be decoded as no session: me is UNAUTHORIZED and login replaces it', async () => {
    const url = `${server.url.replace('localhost', '127.0.0.1')}/trpc`;
    const cookie = 'hes_session=%E0%A4%A';
    const me = await fetch(`${url}/auth.me`, { headers: { cookie } });
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ error: { data: { code: 'UNAUTHORIZED', domainCode: 'not-authenticated' } } });
    const login = await fetch(`${url}/auth.login`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    expect(login.status).toBe(200);
    const session = login.headers.getSetCookie().find((c) => c.startsWith('hes_session='))!.split(';')[0]!;
    const signedIn = await fetch(`${url}/auth.me`, { headers: { cookie: session } });
    expect(await signedIn.json()).toMatchObject({ result: { data: { user: { email: EMAIL } } } });
  });
});
