import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PivotQuerySchema } from '../query/pivot-query';
import type { RawAggregates, RawRow } from '../result/raw-aggregates';
import { shapePivot } from '../result/shape-pivot';
import { buildPlan } from '../sql/build-plan';
import { TEST_CATALOGUE } from '../sql/test-catalogue';
import { exactIntervals } from './exact-audit';
import { HES_2018 } from './policy';
import { protect } from './protect';
import { buildLattice } from './table-lattice';

const query = PivotQuerySchema.parse({
  dataset: 'apc', years: ['2223', '2324'], rows: [{ field: 'sex' }], columns: [{ field: 'fyear' }],
  measures: ['fce', 'los_median', 'bed_days', 'pct_emergency', 'patients'],
});
const plan = buildPlan(query, TEST_CATALOGUE);
const alias = (id: string, part: 'value' | 'contributors' = 'value') => {
  const m = plan.measures.find((x) => x.id === id)!;
  return (m as unknown as Record<string, string>)[part]!;
};

const SEXES = ['1', '2', '9', '0'];
const YEARS = ['2223', '2324'];
/** Records per finest cell (sex × year), small numbers likely; margins summed like GROUPING
 *  SETS would (patients: at least the largest part, at most their sum). */
const arbCell = fc.record({
  fce: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 8, max: 400 })),
  faeShare: fc.double({ min: 0, max: 1, noNaN: true }),
  emergencyShare: fc.double({ min: 0, max: 1, noNaN: true }),
  losShare: fc.double({ min: 0, max: 1, noNaN: true }),
  median: fc.integer({ min: 0, max: 40 }).map((x) => x / 2),
  bedDaysPer: fc.nat({ max: 12 }),
  patientsShare: fc.double({ min: 0.3, max: 1, noNaN: true }),
});
const arbRaw = fc.array(arbCell, { minLength: 8, maxLength: 8 }).map((cells): RawAggregates => {
  type Sums = { fce: number; fae: number; emergency: number; losN: number; median: number; bedDays: number; patients: number };
  const finest = new Map<string, Sums>();
  cells.forEach((c, i) => {
    const fae = Math.floor(c.fce * c.faeShare);
    finest.set(`${SEXES[i % 4]}|${YEARS[Math.floor(i / 4)]}`, {
      fce: c.fce, fae, emergency: Math.floor(fae * c.emergencyShare), losN: Math.floor(fae * c.losShare),
      median: c.median, bedDays: c.fce * c.bedDaysPer, patients: Math.ceil(c.fce * c.patientsShare),
    });
  });
  const rows: RawRow[] = [];
  for (const [gid, keepSex, keepYear] of [[0, true, true], [1, true, false], [2, false, true], [3, false, false]] as const) {
    const groups = new Map<string, Sums[]>();
    for (const [key, v] of finest) {
      const [sex, year] = key.split('|');
      const k = `${keepSex ? sex : ''}|${keepYear ? year : ''}`;
      groups.set(k, [...(groups.get(k) ?? []), v]);
    }
    for (const [k, parts] of groups) {
      const [sex, year] = k.split('|');
      const sum = (f: keyof Sums) => parts.reduce((a, p) => a + p[f], 0);
      const fce = sum('fce');
      if (fce === 0 && gid === 0) continue;
      const patients = Math.max(...parts.map((p) => p.patients), Math.min(sum('patients'), Math.ceil(sum('patients') * 0.8)));
      rows.push({
        dims: [keepSex ? sex! : null, keepYear ? year! : null], groupingId: gid,
        aggregates: new Map<string, number | null>([
          [alias('fce'), fce], [alias('emergency_fae'), sum('emergency')], [alias('fae'), sum('fae')],
          [alias('los_median'), sum('losN') === 0 ? null : parts[0]!.median], [alias('los_median', 'contributors'), sum('losN')],
          [alias('bed_days'), sum('bedDays')], [alias('bed_days', 'contributors'), fce], [alias('patients'), patients],
        ]),
      });
    }
  }
  return { plan, rows };
});

// The per-cell rules written again from hes-data.md §5.1, independently of protect-value.ts.
const countRule = (n: number) => (n === 0 ? 0 : n <= 7 ? '*' : 5 * Math.round(n / 5));
const shown = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? '*' : c.value);

describe('protect + shapePivot over random tables', () => {
  it('applies hes-2018 to every cell: published values follow the per-cell rules, and only additive measures gain complements', () => {
    fc.assert(fc.property(arbRaw, (raw) => {
      const prot = protect(HES_2018, raw);
      const result = shapePivot(prot, query, TEST_CATALOGUE, { asOf: '2024-06-30', dataVersion: 't' });
      for (const row of raw.rows) {
        const r = result.rows.findIndex((h) => h.codes.join() === (row.dims[0] ?? ''));
        const c = result.columns.findIndex((h) => h.codes.join() === (row.dims[1] ?? ''));
        const cell = result.cells[r]![c]!;
        const get = (a: string) => row.aggregates.get(a) ?? 0;
        const fce = get(alias('fce'));
        // Counts and sums: the rule's value, or a complement ('*') for a non-zero cell.
        const expectCount = (got: number | string | null, rule: number | string, truth: number) => {
          if (got === '*' && rule !== '*') expect(truth).toBeGreaterThan(0);
          else expect(got).toEqual(rule);
        };
        expectCount(shown(cell[0]!), countRule(fce), fce);
        expectCount(shown(cell[2]!), fce === 0 ? 0 : fce <= 7 ? '*' : 5 * Math.round(get(alias('bed_days')) / 5), get(alias('bed_days')) + fce);
        // Statistics and distinct counts: the per-cell rule exactly (no complements).
        const losN = get(alias('los_median', 'contributors'));
        expect(shown(cell[1]!)).toEqual(losN === 0 ? null : losN <= 7 ? '*' : Math.round(get(alias('los_median'))));
        const num = countRule(get(alias('emergency_fae')));
        const den = countRule(get(alias('fae')));
        const ratio = num === '*' || den === '*' ? '*' : den === 0 ? null : (num / den) * 100;
        // A ratio is suppressed with either part, and its parts may be complements.
        if (shown(cell[3]!) !== '*' || ratio === '*') expect(shown(cell[3]!)).toEqual(ratio === null || ratio === '*' ? ratio : expect.closeTo(ratio, 5));
        else expect(get(alias('fae'))).toBeGreaterThan(0);
        expect(shown(cell[4]!)).toEqual(countRule(get(alias('patients'))));
        for (const v of cell) if (v.suppressed) expect(v.value).toBeNull();
      }
      // Every suppressed FCE count keeps an interval at least 4 wide, checked by linear
      // programmes over the published table (or as wide as suppressing everything makes it).
      const states = new Map(raw.rows.map((row) => [`${row.dims[0] ?? ''}|${row.dims[1] ?? ''}|${row.groupingId}`, prot.rows.find((p) => p.dims === row.dims)!.cells[0]!.suppressed]));
      const problem = buildLattice(raw, { value: alias('fce'), records: alias('fce'), kind: 'count' }, HES_2018);
      for (const cell of problem.cells.values()) {
        const [sex, year] = cell.coords.map((x) => (x === 'T' ? '' : x.slice(1)));
        const gid = (sex === '' ? 2 : 0) + (year === '' ? 1 : 0);
        if (states.get(`${sex}|${year}|${gid}`) === true && !cell.sensitive) cell.state = 'secondary';
      }
      const allHidden = { ...problem, cells: new Map([...problem.cells].map(([k, c]) => [k, { ...c, state: c.truth > 0 && c.state === 'published' ? 'secondary' as const : c.state }])) };
      const widest = new Map(exactIntervals(allHidden, HES_2018).map((e) => [e.cell.key, e.max - e.min]));
      for (const e of exactIntervals(problem, HES_2018)) expect(e.max - e.min).toBeGreaterThanOrEqual(Math.min(4, widest.get(e.cell.key)!));
    }), { numRuns: 150 });
  });
});
