import { describe, expect, it } from 'vitest';
import { PivotQuerySchema, type PivotQueryInput } from '../query/pivot-query';
import { buildPlan } from './build-plan';
import { duckdbDialect } from './dialects/duckdb';
import { groupingParts, partColumns } from './grouping-parts';
import { renderSql } from './render-sql';
import { TEST_CATALOGUE } from './test-catalogue';

const plan = (input: Partial<PivotQueryInput>) => buildPlan(PivotQuerySchema.parse({ dataset: 'apc', years: ['2324'], measures: ['fce'], ...input }), TEST_CATALOGUE);

describe('groupingParts', () => {
  it('keeps every set in one part from the records when no dimension is multi-valued', () => {
    const p = plan({ rows: [{ field: 'sex' }], columns: [{ field: 'fyear' }] });
    expect(groupingParts(p)).toEqual([{ rows: 'records', sets: p.groupingSets }]);
    expect(partColumns(p, p.groupingSets, duckdbDialect)).toEqual({ columns: ['"d0"', '"d1"'], groupingId: 'GROUPING("d0", "d1")' });
  });

  it('reads sets grouping the multi-valued dimension from mentions, the rest from records, with rolled-up bits set', () => {
    const p = plan({ rows: [{ field: 'diag_any' }, { field: 'sex' }] });
    expect(groupingParts(p)).toEqual([{ rows: 'mentions', sets: [[0, 1], [0]] }, { rows: 'records', sets: [[]] }]);
    // Only the grand total reads the records: both dimensions are rolled up there (bits 2 + 1).
    expect(partColumns(p, [[]], duckdbDialect)).toEqual({ columns: ['NULL AS "d0"', 'NULL AS "d1"'], groupingId: '2 + 1' });
    const q = plan({ rows: [{ field: 'sex' }], columns: [{ field: 'diag_any' }] });
    expect(partColumns(q, groupingParts(q)[1]!.sets, duckdbDialect)).toEqual({ columns: ['"d0"', 'NULL AS "d1"'], groupingId: 'GROUPING("d0") * 2 + 1' });
    // Without totals every set groups it: mentions only.
    expect(groupingParts(plan({ rows: [{ field: 'diag_any' }], totals: false })).map((g) => g.rows)).toEqual(['mentions']);
  });

  it('renders the record filter once, so both parts share its placeholders', () => {
    const { sql, params } = renderSql(plan({ rows: [{ field: 'diag_any' }], measures: ['patients'], filters: [{ kind: 'in', field: 'sex', codes: ['1'] }] }), duckdbDialect);
    expect(params).toEqual(['2324', '1']);
    expect(sql.match(/\(sex\) IN \(\$2\)/g)).toHaveLength(2);
    expect(sql).toContain(' UNION ALL ');
  });
});
