// F7: a parent table and its drill-down, asked exactly as the client expands a row
// (client/pivot/expansion-query.ts: the same query, the row field one level finer, the parent
// pinned by an `in` filter, no top-N). Each hidden child is bounded by its parent's value minus
// its published siblings, in every column.
import type { Filter, PivotQueryInput } from '../../shared/query/pivot-query';
import type { Header } from '../../shared/result/pivot-result';
import type { AttackContext } from './attack-context';
import type { ScenarioOutcome } from './findings';
import { seededRandom } from './seeded-random';
import { firstFitting, smallCellShare } from './table-choice';
import { runTableScenario } from './table-attack';
import { AGE_FIELD, ageSql, codeSql, columnSql, COUNTED, countedWhere, lit, type DatasetId } from './truth';

interface DrillPlan {
  readonly field: string;
  readonly parentLevel: string;
  readonly childLevel: string;
  readonly columns: { field: string; level?: string };
}

const PLANS: Readonly<Record<DatasetId, DrillPlan>> = {
  apc: { field: 'diag_01', parentLevel: 'chapter', childLevel: 'block', columns: { field: 'classpat' } },
  op: { field: 'procode3', parentLevel: 'provider_region', childLevel: 'provider_icb', columns: { field: 'firstatt' } },
  ae: { field: 'procode3', parentLevel: 'provider_region', childLevel: 'provider_icb', columns: { field: 'aedepttype' } },
};

/** Atom row codes: children of the drilled parent, and every other parent whole. */
const child = (code: string) => `c:${code}`;
const parent = (code: string) => `p:${code}`;

export async function drillVsParent(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  const rnd = seededRandom('F7', dataset, seed);
  const plan = PLANS[dataset];
  const parentSql = columnSql(plan.field, plan.parentLevel);
  const childSql = columnSql(plan.field, plan.childLevel);
  const colSql = codeSql(plan.columns.field, plan.columns.level);
  const candidates = Array.from({ length: 10 }, () => {
    const low = rnd.int(15, 60);
    return { year: rnd.pick(ctx.years), low, high: low + rnd.int(10, 35) };
  });
  const { year, low, high } = await firstFitting(candidates, (c) =>
    smallCellShare(ctx.truth, dataset, [c.year], [`${ageSql(dataset)} BETWEEN ${c.low} AND ${c.high}`], codeSql(plan.field, plan.parentLevel), colSql));
  const age = `${ageSql(dataset)} BETWEEN ${low} AND ${high}`;
  // A parent with several children, some of them small in some column.
  const parents = await ctx.truth.rows(`SELECT ${parentSql} AS p, count(DISTINCT ${childSql}) AS kids, count(*) AS n FROM ${ctx.truth.from(dataset)}
    WHERE ${countedWhere(dataset, [year], [age, `${parentSql} IS NOT NULL`])} GROUP BY ALL HAVING kids >= 3 AND n >= 60 ORDER BY p`);
  const drilled = String(rnd.pick(parents).p);

  const base: PivotQueryInput = {
    dataset, years: [year], rows: [{ field: plan.field, level: plan.parentLevel }], columns: [plan.columns], measures: [COUNTED[dataset].measure],
    filters: [{ kind: 'range', field: AGE_FIELD[dataset], low, high }],
  };
  const pin: Filter = { kind: 'in', field: plan.field, level: plan.parentLevel, codes: [drilled] };
  const drill: PivotQueryInput = { ...base, rows: [{ field: plan.field, level: plan.childLevel }], filters: [...(base.filters ?? []), pin] };
  const children = (domain: readonly string[]) => domain.filter((d) => d.startsWith('c:'));
  return runTableScenario({
    family: 'F7 drill vs parent', dataset, seed, title: `${plan.field} ${plan.parentLevel} × ${plan.columns.field}, ${year}, age ${low}–${high}, drill into ${drilled}`,
    queries: [{ query: base, slices: ['all'] }, { query: drill, slices: ['all'] }],
    truth: {
      years: [year], where: [age], column: colSql, slice: `'all'`,
      row: `CASE WHEN ${parentSql} = ${lit(drilled)} THEN 'c:' || coalesce(${childSql}, '') ELSE 'p:' || coalesce(${parentSql}, '') END`,
    },
    sliceLabel: () => `${year}, age ${low}–${high}`,
    rowLabel: (code) => `${code.startsWith('c:') ? `${plan.childLevel} ${code.slice(2)} in ${drilled}` : `${plan.parentLevel} ${code.slice(2)}`}`,
    rowCode: (q: number, h: Header) => (h.depth !== 1 ? undefined : q === 0 ? (h.codes[0] === drilled ? undefined : parent(h.codes[0]!)) : child(h.codes[0]!)),
    rowsOf: (q, h, _shown, domain) => (h.depth === 0 ? (q === 0 ? null : children(domain)) : q === 0 ? (h.codes[0] === drilled ? children(domain) : [parent(h.codes[0]!)]) : [child(h.codes[0]!)]),
    rowScope: (q, domain) => (q === 0 ? [...domain] : children(domain)),
  }, { truth: ctx.truth, attacker: await ctx.newAttacker(`F7 ${dataset} seed ${seed}`), lp: ctx.lp });
}
