// F10: "any position" tables. Rows count a record under each chapter it mentions, but the grand
// total and the column totals stand for records: when 1–7 records lie behind a total it must be
// suppressed, however many mentions they make, and no mean may be shown for 1–7 records. The
// attacker isolates a few records with a rare primary diagnosis that mention several chapters.
import type { PivotQueryInput } from '../../shared/query/pivot-query';
import type { PivotResult } from '../../shared/result/pivot-result';
import type { AttackContext } from './attack-context';
import type { Failure, ScenarioOutcome } from './findings';
import { DEFAULT_PROTECTION_WIDTH, eachCell, protectionWidth, ROUNDING_HALF_WIDTH, SMALL_MAX, suppressedShare } from './published-cells';
import { seededRandom } from './seeded-random';
import { COUNTED, countedWhere, filterSql, lit, type DatasetId, type Truth } from './truth';

/** Marks a margin in truth keys; no chapter or classpat code looks like it. */
const TOTAL = '~total';

/** True records (and records with an age, the mean's) per chapter mentioned × classpat, and per classpat
 *  and overall over whole records, keyed "chapter|classpat" with TOTAL for a margin. */
async function recordCounts(truth: Truth, years: readonly string[], where: readonly string[]): Promise<Map<string, { n: number; aged: number }>> {
  const records = `FROM ${truth.from('apc')} WHERE ${countedWhere('apc', years, where)}`;
  const rows = await truth.rows(`
    SELECT coalesce(ch, '${TOTAL}') AS r, coalesce(s, '${TOTAL}') AS c, count(*) AS n, count(age) AS aged
      FROM (SELECT unnest(list_distinct(diag_all_chapter)) AS ch, coalesce(classpat, '') AS s, startage_calc AS age ${records})
      GROUP BY GROUPING SETS ((ch, s), (ch))
    UNION ALL
    SELECT '${TOTAL}', coalesce(s, '${TOTAL}'), count(*), count(age)
      FROM (SELECT coalesce(classpat, '') AS s, startage_calc AS age ${records}) GROUP BY GROUPING SETS ((s), ())`);
  return new Map(rows.map((r) => [`${String(r.r)}|${String(r.c)}`, { n: Number(r.n), aged: Number(r.aged) }]));
}

function check(result: PivotResult, truth: Map<string, { n: number; aged: number }>, label: string, fail: (kind: Failure['kind'], target: string, truth: number, detail: string) => void): number {
  let targets = 0;
  for (const { row, column, cells } of eachCell(result)) {
    const key = `${row.depth === 0 ? TOTAL : row.codes[0]!}|${column.depth === 0 ? TOTAL : column.codes[0]!}`;
    const t = truth.get(key) ?? { n: 0, aged: 0 };
    const where = `${label} ${row.depth === 0 ? 'total' : `chapter ${row.codes[0]!}`} × ${column.depth === 0 ? 'total' : `classpat ${column.codes[0]!}`}`;
    const [count, mean] = [cells[0]!, cells[1]!];
    if (t.n >= 1 && t.n <= SMALL_MAX) {
      targets += 1;
      if (!count.suppressed) fail('published-small', where, t.n, `count published as ${String(count.value)} for ${t.n} records`);
    } else if (!count.suppressed && count.value !== null && Math.abs(count.value - t.n) > ROUNDING_HALF_WIDTH) {
      fail('model', where, t.n, `count published as ${count.value}: not the number of records (±${ROUNDING_HALF_WIDTH})`);
    }
    if (t.aged >= 1 && t.aged <= SMALL_MAX && !mean.suppressed && mean.value !== null) fail('published-small', `${where} mean age`, t.aged, `mean published as ${mean.value} for ${t.aged} records`);
  }
  return targets;
}

/** APC only: the one dataset with "any position" diagnosis fields. */
export async function anyPositionTotals(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  if (dataset !== 'apc') throw new Error('any-position fields exist in APC only');
  const started = performance.now();
  const rnd = seededRandom('F10', seed);
  const attacker = await ctx.newAttacker(`F10 apc seed ${seed}`);
  const year = rnd.pick(ctx.years);
  // Rare primary diagnoses whose few records mention many chapters between them.
  const rare = await ctx.truth.rows(`SELECT diag_01 AS code, count(*) AS n, sum(len(list_distinct(diag_all_chapter))) AS mentions
    FROM ${ctx.truth.from('apc')} WHERE ${countedWhere('apc', ctx.years, ['diag_01 IS NOT NULL'])}
    GROUP BY ALL HAVING n BETWEEN 2 AND 6 AND mentions >= 9 ORDER BY code`);
  const codes = rnd.sample(rare.map((r) => String(r.code)), 2);
  const measures = [COUNTED.apc.measure, 'mean_age'];
  const plain: PivotQueryInput = { dataset: 'apc', years: [year], rows: [{ field: 'diag_any', level: 'chapter' }], columns: [{ field: 'classpat' }], measures };
  const failures: Failure[] = [];
  let targets = 0;
  const first = await attacker.ask(plain);
  if (first) {
    const fail = (kind: Failure['kind'], target: string, truth: number, detail: string) => failures.push({ family: 'F10 any-position totals', dataset: 'apc', seed, kind, target, truth, detail });
    targets += check(first, await recordCounts(ctx.truth, [year], []), `${year} all`, fail);
    for (const code of codes) {
      const filter = { kind: 'in' as const, field: 'diag_01', level: 'code4', codes: [code] };
      for (const query of [{ ...plain, years: [...ctx.years], filters: [filter] }, { ...plain, years: [...ctx.years], columns: [], filters: [filter] }]) {
        const result = await attacker.ask(query);
        if (result) targets += check(result, await recordCounts(ctx.truth, ctx.years, [filterSql('apc', filter), `diag_01 = ${lit(code)}`]), `diag_01 ${code}${query.columns?.length ? '' : ' (no columns)'}`, fail);
      }
    }
  }
  return {
    family: 'F10 any-position totals', dataset: 'apc', seed, title: `diag_any chapter × classpat, ${year}, then diag_01 in ${codes.join(' / ')}`,
    queries: attacker.stats.queries, refused: attacker.stats.refused, firstAnswered: first !== undefined,
    firstSuppressedShare: first ? suppressedShare(first) : Number.NaN, targets, failures, lpSolves: 0,
    protectionWidth: first ? protectionWidth(first) : DEFAULT_PROTECTION_WIDTH, ms: performance.now() - started,
  };
}
