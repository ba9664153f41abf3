// F4: the same table for months m1…m2, m1+1…m2 and m1…m2+1 (an `in` filter on the month level of
// the financial year): each cell's records in month m1, and in month m2+1, are differences.
import type { FieldRef, Filter, PivotQueryInput } from '../../shared/query/pivot-query';
import type { AttackContext } from './attack-context';
import type { ScenarioOutcome } from './findings';
import { seededRandom } from './seeded-random';
import { firstFitting, smallCellShare } from './table-choice';
import { runTableScenario } from './table-attack';
import { codeSql, COUNTED, lit, listSql, yearsSql, type DatasetId } from './truth';

const SHAPES: Readonly<Record<DatasetId, readonly { rows: FieldRef; columns: FieldRef }[]>> = {
  apc: [{ rows: { field: 'diag_01', level: 'chapter' }, columns: { field: 'classpat' } }, { rows: { field: 'admimeth' }, columns: { field: 'classpat' } }],
  op: [{ rows: { field: 'refsourc' }, columns: { field: 'priority' } }, { rows: { field: 'attended' }, columns: { field: 'firstatt' } }],
  ae: [{ rows: { field: 'aeattenddisp' }, columns: { field: 'aedepttype' } }, { rows: { field: 'aerefsource' }, columns: { field: 'aearrivalmode' } }],
};

export async function overlappingMonths(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  const rnd = seededRandom('F4', dataset, seed);
  const months = (await ctx.truth.rows(`SELECT DISTINCT month FROM ${ctx.truth.from(dataset)} WHERE ${yearsSql(ctx.years)} ORDER BY month`)).map((r) => String(r.month));
  const candidates = Array.from({ length: 10 }, () => {
    const span = rnd.int(2, 4);
    const first = rnd.int(0, months.length - span - 2);
    return { shape: rnd.pick(SHAPES[dataset]), first, last: first + span };
  });
  const { shape, first, last } = await firstFitting(candidates, (c) =>
    smallCellShare(ctx.truth, dataset, ctx.years, [`month IN (${listSql(months.slice(c.first, c.last + 1))})`], codeSql(c.shape.rows.field, c.shape.rows.level), codeSql(c.shape.columns.field, c.shape.columns.level)));
  const [m1, m2, m3] = [months[first]!, months[last]!, months[last + 1]!];
  const query = (from: number, to: number): PivotQueryInput => {
    const filters: Filter[] = [{ kind: 'in', field: 'fyear', level: 'month', codes: months.slice(from, to + 1) }];
    return { dataset, years: [...ctx.years], rows: [shape.rows], columns: [shape.columns], measures: [COUNTED[dataset].measure], filters };
  };
  return runTableScenario({
    family: 'F4 overlapping months', dataset, seed, title: `${shape.rows.field} × ${shape.columns.field}, ${m1}…${m2} vs ${months[first + 1]!}…${m2} vs ${m1}…${m3}`,
    queries: [
      { query: query(first, last), slices: ['first', 'middle'] },
      { query: query(first + 1, last), slices: ['middle'] },
      { query: query(first, last + 1), slices: ['first', 'middle', 'next'] },
    ],
    truth: {
      years: ctx.years, where: [`month IN (${listSql(months.slice(first, last + 2))})`],
      row: codeSql(shape.rows.field, shape.rows.level), column: codeSql(shape.columns.field, shape.columns.level),
      slice: `CASE WHEN month = ${lit(m1)} THEN 'first' WHEN month = ${lit(m3)} THEN 'next' ELSE 'middle' END`,
    },
    sliceLabel: (s) => (s === 'first' ? `month ${m1}` : s === 'next' ? `month ${m3}` : `months ${months[first + 1]!}…${m2}`),
  }, { truth: ctx.truth, attacker: await ctx.newAttacker(`F4 ${dataset} seed ${seed}`), lp: ctx.lp });
}
