// F3: the same table filtered to a code list L and to L plus one code c; each cell's records
// with code c are the difference. APC: primary diagnosis (4-character) within one chapter; OP:
// treatment functions; A&E: providers.
import type { FieldRef, Filter, PivotQueryInput } from '../../shared/query/pivot-query';
import type { AttackContext } from './attack-context';
import type { ScenarioOutcome } from './findings';
import { seededRandom, type SeededRandom } from './seeded-random';
import { firstFitting, smallCellShare } from './table-choice';
import { runTableScenario } from './table-attack';
import { codeSql, columnSql, COUNTED, countedWhere, lit, listSql, type DatasetId, type Truth } from './truth';

interface ListPlan {
  readonly filterField: FieldRef;
  readonly rows: FieldRef;
  readonly columns: FieldRef;
  /** Codes of the filter field in the years, with their counted records. */
  pool(truth: Truth, years: readonly string[], rnd: SeededRandom): Promise<{ list: string[]; extra: string }>;
}

async function codeCounts(truth: Truth, dataset: DatasetId, years: readonly string[], column: string, where = 'TRUE'): Promise<{ code: string; n: number }[]> {
  const rows = await truth.rows(`SELECT ${column} AS code, count(*) AS n FROM ${truth.from(dataset)}
    WHERE ${countedWhere(dataset, years, [where, `${column} IS NOT NULL`])} GROUP BY ALL ORDER BY n DESC, code`);
  return rows.map((r) => ({ code: String(r.code), n: Number(r.n) }));
}

const PLANS: Readonly<Record<DatasetId, ListPlan>> = {
  apc: {
    filterField: { field: 'diag_01', level: 'code4' }, rows: { field: 'classpat' }, columns: { field: 'procode3', level: 'provider_region' },
    async pool(truth, years, rnd) {
      const chapters = (await codeCounts(truth, 'apc', years, 'diag_01_chapter')).filter((c) => c.n >= 600);
      const chapter = rnd.pick(chapters).code;
      const codes = await codeCounts(truth, 'apc', years, 'diag_01', `diag_01_chapter = ${lit(chapter)}`);
      const extra = rnd.pick(codes.filter((c) => c.n >= 8 && c.n <= 40)).code;
      return { list: codes.filter((c) => c.code !== extra).slice(0, 300).map((c) => c.code), extra };
    },
  },
  op: {
    filterField: { field: 'tretspef' }, rows: { field: 'attended' }, columns: { field: 'firstatt' },
    async pool(truth, years, rnd) {
      const codes = await codeCounts(truth, 'op', years, 'tretspef');
      const extra = rnd.pick(codes.filter((c) => c.n >= 40 && c.n <= 400)).code;
      return { list: rnd.sample(codes.filter((c) => c.n >= 1500 && c.code !== extra), 6).map((c) => c.code), extra };
    },
  },
  ae: {
    filterField: { field: 'procode3', level: 'procode3' }, rows: { field: 'aeattenddisp' }, columns: { field: 'aedepttype' },
    async pool(truth, years, rnd) {
      const codes = await codeCounts(truth, 'ae', years, 'procode3');
      const extra = rnd.pick(codes.filter((c) => c.n >= 30 && c.n <= 300)).code;
      return { list: rnd.sample(codes.filter((c) => c.n >= 100 && c.code !== extra), 20).map((c) => c.code), extra };
    },
  },
};

export async function codeListPlusOne(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  const rnd = seededRandom('F3', dataset, seed);
  const plan = PLANS[dataset];
  const column = columnSql(plan.filterField.field, plan.filterField.level);
  const rowSql = codeSql(plan.rows.field, plan.rows.level);
  const colSql = codeSql(plan.columns.field, plan.columns.level);
  // One at a time, so the seed alone decides every choice.
  const candidates: { years: string[]; list: string[]; extra: string }[] = [];
  for (let k = 0; k < 6; k++) {
    const years = rnd.next() < 0.5 ? [...ctx.years] : [rnd.pick(ctx.years)];
    candidates.push({ years, ...(await plan.pool(ctx.truth, years, rnd)) });
  }
  const { years, list, extra } = await firstFitting(candidates, (c) => smallCellShare(ctx.truth, dataset, c.years, [`${column} IN (${listSql(c.list)})`], rowSql, colSql));
  const withExtra = [...list];
  withExtra.splice(rnd.int(0, list.length), 0, extra);
  const query = (codes: readonly string[]): PivotQueryInput => {
    const filters: Filter[] = [{ kind: 'in', field: plan.filterField.field, ...(plan.filterField.level ? { level: plan.filterField.level } : {}), codes: [...codes] }];
    return { dataset, years, rows: [plan.rows], columns: [plan.columns], measures: [COUNTED[dataset].measure], filters };
  };
  return runTableScenario({
    family: 'F3 code list ± one code', dataset, seed, title: `${plan.rows.field} × ${plan.columns.field}, ${years.join('+')}, ${plan.filterField.field} in ${list.length} codes vs + ${extra}`,
    queries: [{ query: query(list), slices: ['list'] }, { query: query(withExtra), slices: ['list', 'extra'] }],
    truth: {
      years, where: [`${column} IN (${listSql(withExtra)})`], row: rowSql, column: colSql,
      slice: `CASE WHEN ${column} = ${lit(extra)} THEN 'extra' ELSE 'list' END`,
    },
    sliceLabel: (s) => (s === 'extra' ? `${plan.filterField.field} ${extra}` : `${plan.filterField.field} in the list`),
  }, { truth: ctx.truth, attacker: await ctx.newAttacker(`F3 ${dataset} seed ${seed}`), lp: ctx.lp });
}
