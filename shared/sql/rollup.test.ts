import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/catalogue-types';
import { duckdbDialect } from './dialects/duckdb';
import { PivotQuerySchema } from '../query/pivot-query';
import { buildPlan } from './build-plan';
import { compilePlan } from './compile-pivot';
import { matchRollup, recordTableSpec, renderRollupBuild, rollupSpec, yearSlice } from './rollup';
import { TEST_CATALOGUE } from './test-catalogue';

const apc = { ...TEST_CATALOGUE.datasets.get('apc')!, columns: ['fyear', 'fquarter', 'sex', 'diag_01_chapter', 'diag_01', 'startage', 'person_id'] };
const withColumns: Catalogue = { ...TEST_CATALOGUE, datasets: new Map([...TEST_CATALOGUE.datasets, ['apc', apc] as const]) };

describe('per-record table build', () => {
  it('checks key hashes, numbers the shared keys of each year and pair of years, writes a year at a time (then any other), and drops each key table', () => {
    const spec = recordTableSpec(apc, 'records_apc')!;
    expect(spec.clusterBy).toEqual({ expr: 'fyear', values: ['2223', '2324'] });
    expect(spec.crossYearKeys).toBe(true);
    const all = renderRollupBuild(spec, duckdbDialect);
    // Two hash partitions per year, each failing if its keys outnumber their hashes.
    const checks = all.slice(0, 4);
    checks.forEach((c, p) => {
      expect(c).toContain(`count(DISTINCT (person_id)) FILTER (WHERE hash((person_id)) % 4 = ${p}) <> count(DISTINCT hash((person_id))) FILTER (WHERE (person_id) IS NOT NULL AND hash((person_id)) % 4 = ${p})`);
      expect(c).toMatch(/THEN error\('two apc keys share a 64-bit hash[^']*'\) END FROM "apc"$/);
    });
    const statements = all.slice(4);
    expect(statements.filter((s) => s.includes('error('))).toEqual([]);
    // Every year's rows carry each key's hash (null for a null key), the same in every year.
    expect(statements[4]).toContain('CASE WHEN (person_id) IS NOT NULL THEN hash((person_id)) END AS "__g0"');
    const kinds = statements.map((s) => s.split(' AS ')[0]!.replace(/ SELECT.*/, ''));
    const [keys, pair] = ['"records_apc__keys0"', '"records_apc__cross0_0"'];
    expect(kinds).toEqual([
      `DROP TABLE IF EXISTS ${keys}`, `DROP TABLE IF EXISTS ${pair}`,
      // The first year: its keys and the pair's (kept for the second year).
      `CREATE TABLE ${keys}`, `CREATE TABLE ${pair}`, 'CREATE TABLE "records_apc"', `DROP TABLE IF EXISTS ${keys}`,
      `CREATE TABLE ${keys}`, 'INSERT INTO "records_apc"', `DROP TABLE IF EXISTS ${keys}`, `DROP TABLE IF EXISTS ${pair}`,
      `CREATE TABLE ${keys}`, 'INSERT INTO "records_apc"', `DROP TABLE IF EXISTS ${keys}`,
    ]);
    // Each year's keys of several records and the pair's keys in both years (by their hashes,
    // checked above), then that year's records joined to them.
    expect(statements[2]).toContain(`SELECT hash((person_id)) AS "__v" FROM "apc" WHERE (fyear) = '2223' AND (person_id) IS NOT NULL GROUP BY 1 HAVING count(*) > 1)`);
    expect(statements[3]).toContain(`SELECT hash((person_id)) AS "__v" FROM "apc" WHERE (fyear) IN ('2223', '2324') AND (person_id) IS NOT NULL GROUP BY 1 HAVING min(fyear) <> max(fyear))`);
    expect(statements[4]).toMatch(/WHERE \(fyear\) = '2223'$/);
    expect(statements[6]).toMatch(/WHERE \(fyear\) = '2324'/);
    expect(statements[7]).toMatch(/WHERE \(fyear\) = '2324'$/);
    expect(statements[11]).toMatch(/WHERE \(\(fyear\) IS NULL OR \(fyear\) NOT IN \('2223', '2324'\)\)$/);
    // Both years number the pair's keys in its columns (parity 0); the other parity has no pair.
    for (const s of [statements[4]!, statements[7]!]) {
      expect(s).toContain(`LEFT JOIN ${keys} ON hash((person_id)) = ${keys}."__v" LEFT JOIN ${pair} ON hash((person_id)) = ${pair}."__v"`);
      expect(s).toContain(`${pair}."__i" AS "__y0x0", CAST(NULL AS INTEGER) AS "__y1x0"`);
    }
    expect(statements[11]).toContain('CAST(NULL AS INTEGER) AS "__y0x0", CAST(NULL AS INTEGER) AS "__y1x0"');
    expect(statements[11]).not.toContain(pair);
  });

  it('answers a distinct count over several years from key hashes, and without them only over one year', () => {
    const spec = recordTableSpec(apc, 'records_apc')!;
    const plan = (years: string[]) => buildPlan(PivotQuerySchema.parse({ dataset: 'apc', years, rows: [{ field: 'sex' }], measures: ['patients'] }), TEST_CATALOGUE);
    expect(matchRollup(plan(['2324']), [spec], apc.columns)?.table).toBe('records_apc');
    expect(matchRollup(plan(['2223', '2324']), [spec], apc.columns)?.table).toBe('records_apc');
    const oneYear = compilePlan(plan(['2324']), withColumns, duckdbDialect, [spec]).sql;
    expect(oneYear).toContain('bit_count(bitstring_agg("__k0")');
    expect(oneYear).not.toContain('__g0');
    // Two consecutive years, the keys' ranges measured: seen once in the pair (once in its year
    // and not in the other), the rest numbered: in both years by the pair, else by their year.
    const measured = { ...spec, keyRanges: [40], pairKeyRanges: [[30, 0] as const] };
    const twoYears = compilePlan(plan(['2223', '2324']), withColumns, duckdbDialect, [measured]).sql;
    expect(twoYears).toContain('count(*) FILTER (WHERE "__s0" = 1 AND "__y0x0" IS NULL AND "__p0" = 1) AS "a0_once"');
    expect(twoYears).toContain(`bitstring_agg(coalesce("__y0x0", "__k0" + CASE WHEN (fyear) = '2324' THEN 70 ELSE 30 END), 1, 110) FILTER (WHERE ("__y0x0" IS NOT NULL OR "__k0" IS NOT NULL) AND "__p0" = 1)`);
    expect(twoYears).not.toMatch(/__g0/);
    // Unmeasured, from the hashes.
    expect(compilePlan(plan(['2223', '2324']), withColumns, duckdbDialect, [spec]).sql).toContain('count(DISTINCT "__g0")');
    // Three years, or two with a year between them: from the hashes.
    const years = ['2122', '2223', '2324', '2425'];
    const longer = { ...apc, years };
    const catalogue: Catalogue = { ...withColumns, datasets: new Map([...withColumns.datasets, ['apc', longer] as const]) };
    const longerSpec = { ...recordTableSpec(longer, 'records_apc')!, keyRanges: [40], pairKeyRanges: [[30, 20] as const] };
    const on = (y: string[]) => compilePlan(buildPlan(PivotQuerySchema.parse({ dataset: 'apc', years: y, rows: [{ field: 'sex' }], measures: ['patients'] }), catalogue), catalogue, duckdbDialect, [longerSpec]).sql;
    for (const y of [years.slice(0, 3), ['2223', '2425']]) {
      expect(on(y)).toContain('count(DISTINCT "__g0")');
      expect(on(y)).not.toMatch(/__[ks]0|__y/);
    }
    // Pairs alternate between the columns of each parity.
    expect(on(['2122', '2223'])).toMatch(/bitstring_agg\(coalesce\("__y0x0", "__k0" \+ CASE WHEN \(fyear\) = '2223' THEN 70 ELSE 30 END\), 1, 110\)/);
    expect(on(['2223', '2324'])).toMatch(/bitstring_agg\(coalesce\("__y1x0", "__k0" \+ CASE WHEN \(fyear\) = '2324' THEN 60 ELSE 20 END\), 1, 100\)/);
    expect(on(['2324', '2425'])).toMatch(/bitstring_agg\(coalesce\("__y0x0", "__k0" \+ CASE WHEN \(fyear\) = '2425' THEN 70 ELSE 30 END\), 1, 110\)/);
    const { crossYearKeys: _, ...withinYears } = spec;
    expect(matchRollup(plan(['2324']), [withinYears], apc.columns)?.table).toBe('records_apc');
    expect(matchRollup(plan(['2223', '2324']), [withinYears], apc.columns)).toBeUndefined();
  });

  it('counts grouping sets with few groups through bitmaps, and the rest by hashing', () => {
    const spec = recordTableSpec(apc, 'records_apc')!;
    const codes = Array.from({ length: 2000 }, (_, i) => ({ code: `C${i}`, label: `code ${i}` }));
    const catalogue: Catalogue = { ...withColumns, codeLists: new Map([...withColumns.codeLists, ['code4', { id: 'code4', label: 'ICD-10 4-char', codes }]]) };
    const query = PivotQuerySchema.parse({ dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'code4' }], columns: [{ field: 'sex' }], measures: ['patients'] });
    const sql = compilePlan(buildPlan(query, catalogue), catalogue, duckdbDialect, [spec]).sql;
    const shared = sql.slice(sql.indexOf('"shared" AS'));
    // Codes × sex and codes alone have thousands of groups; sex alone and the total a few.
    expect(shared).toMatch(/count\(DISTINCT "__k0"\).* GROUP BY GROUPING SETS \(\("d0", "d1"\), \("d0"\)\)/);
    // Both in one pass; codes are rolled up in each (bit 2), sex in the total only.
    expect(shared).toMatch(/SELECT NULL AS "d0", "d1", bit_count\(bitstring_agg\("__k0"\).* 2 \+ GROUPING\("d1"\) \* 1 AS "grouping_id" .* GROUP BY GROUPING SETS \(\(\), \("d1"\)\)\) SELECT /);
  });

  it('merges the finest set\'s bitmaps into every grouping set when they fit, given the keys\' range', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => ({ code: `C${i}`, label: `code ${i}` }));
    const catalogue: Catalogue = { ...withColumns, codeLists: new Map([...withColumns.codeLists, ['code4', { id: 'code4', label: 'ICD-10 4-char', codes }]]) };
    const query = PivotQuerySchema.parse({ dataset: 'apc', years: ['2324'], rows: [{ field: 'diag_01', level: 'code4' }], columns: [{ field: 'sex' }], measures: ['patients'] });
    const sqlWith = (keyRanges: number[]) => compilePlan(buildPlan(query, catalogue), catalogue, duckdbDialect, [{ ...recordTableSpec(apc, 'records_apc')!, keyRanges }]).sql;
    // 2,001 × 5 groups of 125 kB bitmaps: 1.25 GB, too much; of 125 bytes: merged.
    expect(sqlWith([1_000_000])).not.toContain('shared_fine');
    const merged = sqlWith([1_000]);
    expect(merged).toContain('"shared_fine" AS (SELECT "d0", "d1", bitstring_agg("__k0") FILTER (WHERE "__k0" IS NOT NULL');
    expect(merged).toMatch(/ GROUP BY "d0", "d1"\), "shared" AS \(SELECT "d0", "d1", bit_count\(bit_or\("b0"\)\) AS "a0", GROUPING\("d0", "d1"\) AS "grouping_id" FROM "shared_fine" GROUP BY GROUPING SETS \(\("d0", "d1"\), \("d0"\), \("d1"\), \(\)\)\)/);
    expect(merged).not.toContain('count(DISTINCT');
  });

  it('stores each computed field expression once per record, and queries read it instead of evaluating it', () => {
    const ageYears = 'CASE WHEN startage BETWEEN 7001 AND 7007 THEN 0 ELSE startage END';
    const computing = { ...apc, fields: apc.fields.map((f) => (f.id === 'startage' && f.type === 'number' ? { ...f, sql: ageYears } : f)) };
    const spec = recordTableSpec(computing, 'records_apc')!;
    expect(spec.computed).toEqual([ageYears]); // bare columns (sex, diag_01_chapter) are read as they are
    expect(renderRollupBuild(spec, duckdbDialect).find((s) => s.startsWith('CREATE TABLE "records_apc"'))).toContain(`(${ageYears}) AS "__c0"`);
    const catalogue: Catalogue = { ...withColumns, datasets: new Map([['apc', computing]]) };
    const query = PivotQuerySchema.parse({ dataset: 'apc', years: ['2324'], rows: [{ field: 'sex' }], measures: ['fce'], filters: [{ kind: 'range', field: 'startage', low: 18, high: 64 }] });
    const sql = compilePlan(buildPlan(query, catalogue), catalogue, duckdbDialect, [spec]).sql;
    expect(sql).toContain('FROM "records_apc"');
    expect(sql).toContain('("__c0") BETWEEN');
    expect(sql).not.toContain('7001');
  });

  it('keys nothing across years when the data has one year', () => {
    const oneYear = { ...apc, years: ['2324'] };
    const spec = recordTableSpec(oneYear, 'records_apc')!;
    expect(spec.distinctKeys).toEqual(['person_id']);
    expect(spec.crossYearKeys).toBeUndefined();
    expect(renderRollupBuild(spec, duckdbDialect).join(';')).not.toMatch(/error\(|__g0/);
  });
});

describe('grouped rollup build', () => {
  it('orders its rows by year first, so a one-year query skips the other years\' row groups', () => {
    const spec = rollupSpec(apc, { grain: ['diag_01_chapter', 'fyear', 'sex'], histograms: [] }, 'rollup_apc_1');
    expect(spec.grain).toEqual(['fyear', 'diag_01_chapter', 'sex']);
    expect(renderRollupBuild(spec, duckdbDialect)[0]).toMatch(/ORDER BY "fyear", "diag_01_chapter", "sex"$/);
  });
});

describe('yearSlice', () => {
  it('estimates rollups holding the year from the latest year alone, and no others', () => {
    expect(yearSlice(apc, ['fyear', 'sex'])).toEqual({ where: "(fyear) = '2324'", years: 2 });
    expect(yearSlice(apc, ['sex'])).toBeUndefined(); // combinations across years are not a sum
    expect(yearSlice({ ...apc, years: ['2324'] }, ['fyear', 'sex'])).toBeUndefined();
  });
});
