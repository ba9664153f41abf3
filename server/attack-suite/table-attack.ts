// Runs one table scenario: the attacker's queries in order (one signed-in analyst), the atoms
// they cut the records into, each atom's true count from the suite's own SQL, and every small
// target's feasible interval given everything the attacker was shown.
import type { PivotQueryInput } from '../../shared/query/pivot-query';
import type { Header, PivotResult } from '../../shared/result/pivot-result';
import { AtomSystem, type Selection } from './atom-system';
import type { Attacker } from './attacker';
import type { FeasibleInterval } from './exact-intervals';
import { formatInterval, tooNarrow, type Failure, type FamilyId, type ScenarioOutcome } from './findings';
import { countBounds, decimalsShown, DEFAULT_PROTECTION_WIDTH, eachCell, protectionWidth, SMALL_MAX, suppressedShare, type Bounds } from './published-cells';
import { countedWhere, type DatasetId, type Truth } from './truth';

export interface TableQuery {
  readonly query: PivotQueryInput;
  /** The slices (of the scenario's slice dimension) this query's population covers. */
  readonly slices: readonly string[];
}

/** A statistic shown beside the count whose records are exactly the counted ones (checked by
 *  SQL: `valueSql` is never NULL and always whole in the scenario's records). */
export interface StatisticUse {
  readonly measure: number;
  readonly aggregate: 'mean' | 'median';
  readonly valueSql: string;
}

export interface TableScenario {
  readonly family: FamilyId;
  readonly dataset: DatasetId;
  readonly seed: number;
  readonly title: string;
  /** In order; the first is the plain query whose utility is checked. Count measure first. */
  readonly queries: readonly TableQuery[];
  /** Truth SQL: the universe (union of the queries' populations) and each atom dimension. */
  readonly truth: { readonly years: readonly string[]; readonly where: readonly string[]; readonly row: string; readonly column: string | null; readonly slice: string };
  readonly sliceLabel: (slice: string) => string;
  /** How an atom row code reads in a failure (default: the code). */
  readonly rowLabel?: (code: string) => string;
  /** The atom row code of a result row header (default: its code at depth 1). */
  readonly rowCode?: (q: number, header: Header) => string | undefined;
  /** Atom row codes a row header covers, null = all (default: total all, Other the rows not shown). */
  readonly rowsOf?: (q: number, header: Header, shown: readonly string[], domain: readonly string[]) => readonly string[] | null;
  /** Atom row codes inside query q's population (default all): an absent one there is a 0. */
  readonly rowScope?: (q: number, domain: readonly string[]) => readonly string[];
  readonly statistics?: readonly StatisticUse[];
  /** Only targets within this slice also get the exact LP (the rest propagation alone). */
  readonly primarySlice?: string;
}

export interface TableContext {
  readonly truth: Truth;
  readonly attacker: Attacker;
  readonly lp: FeasibleInterval | undefined;
}

const NO_COLUMN = '*';

export async function runTableScenario(s: TableScenario, ctx: TableContext): Promise<ScenarioOutcome> {
  const started = performance.now();
  const before = { ...ctx.attacker.stats };
  const results: (PivotResult | undefined)[] = [];
  for (const q of s.queries) results.push(await ctx.attacker.ask(q.query));
  const first = results[0];

  const rowCode = s.rowCode ?? ((_q: number, h: Header) => (h.depth === 1 && h.other !== true ? h.codes[0] : undefined));
  const rowDomain = new Set<string>();
  const colDomain = new Set<string>();
  results.forEach((r, q) => {
    if (!r) return;
    for (const h of r.rows) { const code = rowCode(q, h); if (code !== undefined) rowDomain.add(code); }
    for (const h of r.columns) if (h.depth === 1) colDomain.add(h.codes[0]!);
  });
  const hasColumns = s.truth.column !== null;
  const truthRows = await ctx.truth.rows(`SELECT (${s.truth.row}) AS r, ${hasColumns ? `(${s.truth.column})` : `'${NO_COLUMN}'`} AS c, (${s.truth.slice}) AS s, count(*) AS n
    FROM ${ctx.truth.from(s.dataset)} WHERE ${countedWhere(s.dataset, s.truth.years, s.truth.where)} GROUP BY ALL`);
  const failures: Failure[] = [];
  const fail = (kind: Failure['kind'], target: string, truth: number | null, detail: string, primary = false) =>
    failures.push({ family: s.family, dataset: s.dataset, seed: s.seed, kind, target, truth, detail, ...(primary ? { primary: true as const } : {}) });
  for (const t of truthRows) {
    // A record the attacker's tables never showed means the scenario's SQL and the API disagree.
    if (!rowDomain.has(String(t.r)) || (hasColumns && !colDomain.has(String(t.c)))) fail('model', `row ${String(t.r)} / column ${String(t.c)}`, Number(t.n), 'true records in a row or column no answered table showed');
  }
  const sliceIds = [...new Set(s.queries.flatMap((q) => q.slices))];
  const system = new AtomSystem([[...rowDomain], hasColumns ? [...colDomain] : [NO_COLUMN], sliceIds]);
  const truthByAtom = new Map<number, number>();
  for (const t of truthRows) {
    const atom = system.atomOf([String(t.r), String(t.c), String(t.s)]);
    if (atom !== undefined) truthByAtom.set(atom, (truthByAtom.get(atom) ?? 0) + Number(t.n));
  }
  const truthOf = (atoms: readonly number[]) => atoms.reduce((n, a) => n + (truthByAtom.get(a) ?? 0), 0);
  const statsUsable = s.statistics ? await statisticsUsable(s, ctx.truth) : false;

  let width = DEFAULT_PROTECTION_WIDTH;
  results.forEach((result, q) => {
    if (!result) return;
    width = Math.max(width, protectionWidth(result));
    const shown = result.rows.flatMap((h) => { const code = rowCode(q, h); return code === undefined ? [] : [code]; });
    const rowsOf = (h: Header): readonly string[] | null =>
      s.rowsOf ? s.rowsOf(q, h, shown, [...rowDomain]) : h.other === true ? [...rowDomain].filter((code) => !shown.includes(code)) : h.depth === 0 ? null : [h.codes[0]!];
    const slices = s.queries[q]!.slices;
    for (const { row, column, cells } of eachCell(result)) {
      const selection: Selection = [rowsOf(row), column.depth === 0 ? null : [column.codes[0]!], slices];
      const label = `q${q + 1} ${headerText(row)} × ${headerText(column)}`;
      const bounds = countBounds(cells[0]!);
      system.publish(selection, bounds, label);
      for (const stat of s.statistics ?? []) {
        const cell = cells[stat.measure];
        if (!cell || cell.suppressed || cell.value === null) continue;
        if (!statsUsable) continue;
        // Its records are the counted ones (statisticsUsable), so the truth of the cell is theirs.
        const n = truthOf(system.atomsOf(selection));
        if (n >= 1 && n <= SMALL_MAX) fail('published-small', `${label} ${result.measures[stat.measure]!.id}`, n, `statistic ${cell.value} published for ${n} records`);
        const counts = countsFromStatistic(bounds, cell.value, stat.aggregate);
        if (counts) system.publish(selection, counts, `${label} (count from ${result.measures[stat.measure]!.id})`);
      }
    }
    // A row or column of the domain missing from an answered table (no limit) has no records in it.
    if (result.rows.some((h) => h.other === true) || s.queries[q]!.query.limit !== undefined) return;
    const covered = new Set(result.rows.flatMap((h) => (h.depth === 0 ? [] : rowsOf(h) ?? [])));
    const scope = s.rowScope ? s.rowScope(q, [...rowDomain]) : [...rowDomain];
    for (const code of scope) if (!covered.has(code)) system.publish([[code], null, slices], { lo: 0, hi: 0 }, `q${q + 1} absent row ${code}`);
    const cols = new Set(result.columns.filter((h) => h.depth === 1).map((h) => h.codes[0]!));
    if (hasColumns && result.columns.some((h) => h.depth === 0)) for (const code of colDomain) if (!cols.has(code)) system.publish([null, [code], slices], { lo: 0, hi: 0 }, `q${q + 1} absent column ${code}`);
  });

  const rowLabel = s.rowLabel ?? ((code: string) => code || 'Not recorded');
  const describe = (atom: number) => { const [r, c, sl] = system.atomCodes(atom); return `${rowLabel(r!)}${hasColumns ? ` × ${c || 'Not recorded'}` : ''} × ${s.sliceLabel(sl!)}`; };
  const primary = s.primarySlice;
  const isPrimary = primary === undefined ? undefined : (atoms: readonly number[]) => atoms.every((a) => system.atomCodes(a)[2] === primary);
  const report = system.solve((a) => truthByAtom.get(a) ?? 0, describe, ctx.lp, isPrimary);
  for (const c of report.contradictions) fail('model', c, null, 'a published count (±2), or a count range derived from a mean, excludes the suite\'s true count');
  if (first && report.bigCellsChecked === 0) fail('model', s.title, null, 'no published count of 10 or more to check the truth against');
  for (const t of report.targets) {
    if (t.interval === 'infeasible') { if (report.contradictions.length === 0) fail('model', t.label, t.truth, 'infeasible system without a contradiction'); continue; }
    if (tooNarrow(t.interval, width)) fail('interval', t.label, t.truth, `interval ${formatInterval(t.interval)} (width ${t.interval.hi - t.interval.lo} < ${width}; ${t.solver})`, t.primary);
  }
  return {
    family: s.family, dataset: s.dataset, seed: s.seed, title: s.title,
    queries: ctx.attacker.stats.queries - before.queries, refused: ctx.attacker.stats.refused - before.refused,
    firstAnswered: first !== undefined, firstSuppressedShare: first ? suppressedShare(first) : Number.NaN,
    targets: report.targets.length, failures, lpSolves: report.lpSolves, protectionWidth: width, ms: performance.now() - started,
  };
}

const headerText = (h: Header): string => (h.other === true ? 'Other' : h.depth === 0 ? 'total' : h.codes.map((c) => c || 'Not recorded').join('/'));

/** The counts n in a published count's range for which some whole-number sum gives the published
 *  mean (within half a unit of its last shown digit), or, for a median of whole numbers, whose
 *  parity a ".5" allows; as bounds (their hull). Undefined when the count is unbounded. */
export function countsFromStatistic(count: Bounds, value: number, aggregate: 'mean' | 'median'): Bounds | undefined {
  if (!Number.isFinite(count.hi)) return undefined;
  const tol = 0.5 * 10 ** -decimalsShown(value) + 1e-9;
  const half = Math.abs(value - Math.floor(value) - 0.5) < 1e-9;
  const fits: number[] = [];
  for (let n = Math.max(1, count.lo); n <= count.hi; n++) {
    const ok = aggregate === 'mean' ? Math.ceil(n * (value - tol) - 1e-9) <= Math.floor(n * (value + tol) + 1e-9) : !half || n % 2 === 0;
    if (ok) fits.push(n);
  }
  return fits.length === 0 ? undefined : { lo: fits[0]!, hi: fits.at(-1)! };
}

/** Statistics bound counts only when their records are the counted ones and their values whole. */
async function statisticsUsable(s: TableScenario, truth: Truth): Promise<boolean> {
  for (const stat of s.statistics ?? []) {
    const [row] = await truth.rows(`SELECT count(*) FILTER (WHERE (${stat.valueSql}) IS NULL OR (${stat.valueSql}) <> floor(${stat.valueSql})) AS bad
      FROM ${truth.from(s.dataset)} WHERE ${countedWhere(s.dataset, s.truth.years, s.truth.where)}`);
    if (Number(row?.bad ?? 1) > 0) return false;
  }
  return true;
}
