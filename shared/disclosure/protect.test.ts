import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PivotQuerySchema } from '../query/pivot-query';
import type { RawAggregates, RawRow } from '../result/raw-aggregates';
import { shapePivot } from '../result/shape-pivot';
import { buildPlan } from '../sql/build-plan';
import { TEST_CATALOGUE } from '../sql/test-catalogue';
import { HES_2018 } from './policy';
import { protect } from './protect';

const query = PivotQuerySchema.parse({
  dataset: 'apc', years: ['2324'], rows: [{ field: 'sex' }], columns: [{ field: 'fyear' }],
  measures: ['fce', 'los_median', 'bed_days', 'pct_emergency', 'patients'],
});
const plan = buildPlan(query, TEST_CATALOGUE);
const alias = (id: string, part: 'value' | 'contributors' = 'value') => {
  const m = plan.measures.find((x) => x.id === id)!;
  return (m as unknown as Record<string, string>)[part]!;
};

/** A random raw table: every (sex, year) cell plus margins, with small numbers likely. */
const arbRaw = fc.array(fc.record({
  fce: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.nat({ max: 100_000 })),
  fae: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.nat({ max: 100_000 })),
  emergencyShare: fc.double({ min: 0, max: 1, noNaN: true }),
  losRecords: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.nat({ max: 5000 })),
  median: fc.double({ min: 0, max: 60, noNaN: true }),
  bedDays: fc.nat({ max: 1_000_000 }),
  patients: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.nat({ max: 100_000 })),
}), { minLength: 8, maxLength: 8 }).map((cells): RawAggregates => {
  const keys: [string | null, string | null, number][] = [['1', '2223', 0], ['1', '2324', 0], ['2', '2223', 0], ['2', '2324', 0], ['1', null, 1], ['2', null, 1], [null, '2324', 2], [null, null, 3]];
  const rows: RawRow[] = keys.map(([sex, year, gid], i) => {
    const c = cells[i]!;
    return {
      dims: [sex, year], groupingId: gid,
      aggregates: new Map<string, number | null>([
        [alias('fce'), c.fce], [alias('fae'), c.fae], [alias('emergency_fae'), Math.floor(c.fae * c.emergencyShare)],
        [alias('los_median'), c.losRecords === 0 ? null : c.median], [alias('los_median', 'contributors'), c.losRecords],
        [alias('bed_days'), c.bedDays], [alias('bed_days', 'contributors'), c.fce], [alias('patients'), c.patients],
      ]),
    };
  });
  return { plan, rows };
});

// The policy written again from hes-data.md §5.1, independently of protect-value.ts.
const countRule = (n: number) => (n === 0 ? 0 : n <= 7 ? '*' : 5 * Math.round(n / 5));
const shown = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? '*' : c.value);

describe('protect + shapePivot over random tables', () => {
  it('applies hes-2018 to every cell and total, and no suppressed cell carries a value', () => {
    fc.assert(fc.property(arbRaw, (raw) => {
      const result = shapePivot(protect(HES_2018, raw), query, TEST_CATALOGUE, { asOf: '2024-06-30', dataVersion: 't' });
      expect(result.rows.map((r) => r.codes)).toEqual([['1'], ['2'], []]);
      expect(result.columns.map((c) => c.codes)).toEqual([['2223'], ['2324'], []]);
      for (const row of raw.rows) {
        const r = result.rows.findIndex((h) => h.codes.join() === (row.dims[0] === null ? '' : row.dims[0]));
        const c = result.columns.findIndex((h) => h.codes.join() === (row.dims[1] === null ? '' : row.dims[1]));
        const cell = result.cells[r]![c]!;
        const get = (a: string) => row.aggregates.get(a) ?? 0;
        expect(shown(cell[0]!)).toEqual(countRule(get(alias('fce'))));
        const losN = get(alias('los_median', 'contributors'));
        expect(shown(cell[1]!)).toEqual(losN === 0 ? null : losN <= 7 ? '*' : expect.closeTo(get(alias('los_median')), 5));
        const fceN = get(alias('fce'));
        expect(shown(cell[2]!)).toEqual(fceN === 0 ? 0 : fceN <= 7 ? '*' : 5 * Math.round(get(alias('bed_days')) / 5));
        const num = countRule(get(alias('emergency_fae')));
        const den = countRule(get(alias('fae')));
        expect(shown(cell[3]!)).toEqual(num === '*' || den === '*' ? '*' : den === 0 ? null : expect.closeTo((num / den) * 100, 5));
        expect(shown(cell[4]!)).toEqual(countRule(get(alias('patients'))));
        for (const v of cell) if (v.suppressed) expect(v.value).toBeNull();
      }
      // The year 2223 has no column subtotal row in this raw table: it is filled, not invented.
      expect(result.cells[2]![0]!.map(shown)).toEqual([0, null, 0, null, 0]);
    }));
  });
});
