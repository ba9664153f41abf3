// F5: trackers (Denning/Schlörer). The target is a row's records aged exactly a. For many
// paddings h the attacker asks for ages a–h and a+1–h (each difference pins the target to ±4, and
// the intervals intersect over h), and for a few more the 3-query form a–h, a+1–h′, h′+1–h.
import type { FieldRef, Filter, PivotQueryInput } from '../../shared/query/pivot-query';
import type { AttackContext } from './attack-context';
import { ageSlices } from './age-slices';
import type { ScenarioOutcome } from './findings';
import { seededRandom } from './seeded-random';
import { firstFitting, smallCellShare } from './table-choice';
import { runTableScenario, type TableQuery } from './table-attack';
import { AGE_FIELD, ageSql, codeSql, COUNTED, type DatasetId } from './truth';

const ROWS: Readonly<Record<DatasetId, readonly FieldRef[]>> = {
  apc: [{ field: 'admimeth' }, { field: 'diag_01', level: 'chapter' }],
  op: [{ field: 'refsourc' }, { field: 'attended' }],
  ae: [{ field: 'aerefsource' }, { field: 'aeattenddisp' }],
};
const PADDINGS = 20;
const THREE_QUERY = 6;

export async function trackers(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  const rnd = seededRandom('F5', dataset, seed);
  const candidates = Array.from({ length: 10 }, () => ({ rows: rnd.pick(ROWS[dataset]), year: rnd.pick(ctx.years), a: rnd.int(20, 65) }));
  // The first padding's table mostly published, and some rows with 1–7 records aged exactly a.
  const top = (a: number) => Math.min(a + 50, 115);
  const { rows, year, a } = await firstFitting(candidates,
    (c) => smallCellShare(ctx.truth, dataset, [c.year], [`${ageSql(dataset)} BETWEEN ${c.a} AND ${top(c.a)}`], codeSql(c.rows.field, c.rows.level), null),
    async (c) => await smallCellShare(ctx.truth, dataset, [c.year], [`${ageSql(dataset)} = ${c.a}`], codeSql(c.rows.field, c.rows.level), null) > 0);
  // The widest padding first: the plain table whose utility is checked.
  const paddings = [top(a), ...rnd.sample(Array.from({ length: top(a) - a - 3 }, (_, i) => a + 3 + i), PADDINGS + THREE_QUERY - 1)];
  const twoQuery = paddings.slice(0, PADDINGS);
  const threeQuery = paddings.slice(PADDINGS).map((h) => ({ h, split: rnd.int(a + 1, h - 2) }));
  const slices = ageSlices(dataset, [a, a + 1, ...paddings.map((h) => h + 1), ...threeQuery.map((t) => t.split + 1)], Math.max(...paddings));
  const ask = (low: number, high: number): TableQuery => {
    const filters: Filter[] = [{ kind: 'range', field: AGE_FIELD[dataset], low, high }];
    const query: PivotQueryInput = { dataset, years: [year], rows: [rows], measures: [COUNTED[dataset].measure], filters };
    return { query, slices: slices.of(low, high) };
  };
  const queries = [
    ...twoQuery.flatMap((h) => [ask(a, h), ask(a + 1, h)]),
    ...threeQuery.flatMap(({ h, split }) => [ask(a, h), ask(a + 1, split), ask(split + 1, h)]),
  ];
  const atA = `${a}-${a}`;
  return runTableScenario({
    family: 'F5 trackers', dataset, seed, title: `${rows.field}, ${year}, target age ${a}, ${PADDINGS} paddings + ${THREE_QUERY} three-query`,
    queries,
    truth: { years: [year], where: [`(${slices.sql}) IS NOT NULL`], row: codeSql(rows.field, rows.level), column: null, slice: slices.sql },
    sliceLabel: (id) => (id === atA ? `age ${a} (the tracker's target)` : slices.label(id)),
    primarySlice: atA,
  }, { truth: ctx.truth, attacker: await ctx.newAttacker(`F5 ${dataset} seed ${seed}`), lp: ctx.lp });
}
